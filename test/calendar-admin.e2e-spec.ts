import request from 'supertest';
import { Harness, ownDatabase, startHarness, userToken } from './app-harness';
import { EXAMPLE_ANSWERS } from '../libs/domain/src';

const warehouse = EXAMPLE_ANSWERS.warehouse;

/**
 * Loading a year signals every running project, so this file gets a database of its own: the
 * other e2e files' projects (same server, shared database) must not receive its calendar.
 */
describe('an administrator loads a new year: new answers, running projects recount, kept across restarts', () => {
  let h: Harness;
  let databaseUrl: string;
  const auth: Record<string, string> = {};
  const as = (who: string) => ({ Authorization: `Bearer ${auth[who]}` });

  beforeAll(async () => {
    databaseUrl = await ownDatabase('calendar');
    h = await startHarness({ DATABASE_URL: databaseUrl });
    for (const u of [
      { username: 'c-admin', role: 'ADMIN' as const },
      { username: 'c-applicant', role: 'APPLICANT' as const, organisation: 'org-c' },
    ]) {
      auth[u.username] = await userToken(h, u);
    }
  });
  afterAll(async () => {
    await h?.close();
  });

  it('only an administrator loads a year, and bad schedules are refused naming the field', async () => {
    const body = { holidays: ['2027-03-03'], workdays: [] };
    await request(h.url)
      .put('/api/calendar/years/2027')
      .set(as('c-applicant'))
      .send(body)
      .expect(403);
    const bad = await request(h.url)
      .put('/api/calendar/years/2027')
      .set(as('c-admin'))
      .send({ holidays: ['2027-3-3'], workdays: 'none' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body.message)).toMatch(/holidays[\s\S]*workdays/);
    const wrongYear = await request(h.url)
      .put('/api/calendar/years/2027')
      .set(as('c-admin'))
      .send({ holidays: ['2028-01-03'], workdays: [] });
    expect(wrongYear.status).toBe(400);
    const year = await request(h.url).put('/api/calendar/years/1999').set(as('c-admin')).send(body);
    expect(year.status).toBe(400);
    expect(JSON.stringify(year.body.message)).toContain('year');
  });

  it('loads 2027: answers change, running projects are signalled and record it', async () => {
    const project = (
      await request(h.url)
        .post('/api/projects')
        .set(as('c-applicant'))
        .send({ name: '仓库', answers: warehouse })
        .expect(201)
    ).body.id as string;
    const before = await request(h.url)
      .get('/api/calendar/working-days?from=2027-03-02&to=2027-03-04')
      .set(as('c-applicant'))
      .expect(200);
    expect(before.body).toMatchObject({ workingDays: 2, provisional: true });

    const loaded = await request(h.url)
      .put('/api/calendar/years/2027')
      .set(as('c-admin'))
      .send({ holidays: ['2027-03-03'], workdays: [] })
      .expect(200);
    expect(loaded.body).toMatchObject({ year: 2027, running: 1, signalled: 1, failed: [] });
    expect(loaded.body.version).not.toBe(loaded.body.previousVersion);

    const after = await request(h.url)
      .get('/api/calendar/working-days?from=2027-03-02&to=2027-03-04')
      .set(as('c-applicant'))
      .expect(200);
    expect(after.body).toMatchObject({
      workingDays: 1,
      provisional: false,
      calendarVersion: loaded.body.version,
    });
    const years = await request(h.url)
      .get('/api/calendar/years')
      .set(as('c-applicant'))
      .expect(200);
    expect(years.body.years).toContainEqual(
      expect.objectContaining({ year: 2027, official: true, holidays: 1 }),
    );

    // The project's workflow takes the signal and writes it to the read model.
    let types: string[] = [];
    for (let i = 0; i < 100 && !types.includes('CALENDAR_UPDATED'); i++) {
      await new Promise((r) => setTimeout(r, 100));
      const t = await request(h.url)
        .get(`/api/projects/${project}/timeline`)
        .set(as('c-applicant'))
        .expect(200);
      types = (t.body.items as { type: string }[]).map((e) => e.type);
    }
    expect(types).toContain('CALENDAR_UPDATED');
  });

  it('a restarted API keeps the loaded year', async () => {
    await h.close();
    h = await startHarness({ DATABASE_URL: databaseUrl }, { worker: false });
    auth['c-applicant'] = await userToken(h, {
      username: 'c-applicant',
      role: 'APPLICANT',
      organisation: 'org-c',
    });
    const again = await request(h.url)
      .get('/api/calendar/working-days?from=2027-03-02&to=2027-03-04')
      .set(as('c-applicant'))
      .expect(200);
    expect(again.body).toMatchObject({ workingDays: 1, provisional: false });
  });
});

/**
 * Names instead of logins and codes (issue 29) over real HTTP on the real stack: who a person
 * is (`/api/auth/me` with the name and the organisation's name), whom pages may name
 * (`/api/directory`: an applicant reads staff and its own organisation, never another
 * organisation's people), and an agent's mandates with the organisation's name.
 */
import request from 'supertest';
import { insertOrganisation } from '../libs/persistence/src';
import { DataSource } from 'typeorm';
import { Harness, startHarness, userToken } from './app-harness';

describe('names instead of logins and codes (issue 29, real stack)', () => {
  let h: Harness;
  let applicant: string;
  let agent: string;
  let officer: string;
  const bearer = (t: string) => ({ Authorization: `Bearer ${t}` });

  beforeAll(async () => {
    h = await startHarness();
    const ds = h.app.get(DataSource);
    // Straight into the table: the credit codes' checks are the accounts spec's business.
    await insertOrganisation(ds, { code: 'org-dir-a', name: '丙建设集团', creditCode: 'dir-a' });
    await insertOrganisation(ds, { code: 'org-dir-b', name: '丁置业公司', creditCode: 'dir-b' });
    applicant = await userToken(h, {
      username: 'dir-applicant',
      role: 'APPLICANT',
      organisation: 'org-dir-a',
      displayName: '王小明',
    });
    await userToken(h, {
      username: 'dir-colleague',
      role: 'APPLICANT',
      organisation: 'org-dir-a',
      displayName: '李同事',
    });
    await userToken(h, {
      username: 'dir-other',
      role: 'APPLICANT',
      organisation: 'org-dir-b',
      displayName: '赵别家',
    });
    agent = await userToken(h, { username: 'dir-agent', role: 'AGENT', displayName: '钱代办' });
    officer = await userToken(h, {
      username: 'dir-officer.DRC',
      role: 'REVIEWING_OFFICER',
      department: 'DRC',
      displayName: '孙审批',
    });
  });
  afterAll(async () => {
    await h?.close();
  });

  it('says who the caller is by name, with the organisation by its name', async () => {
    const me = await request(h.url).get('/api/auth/me').set(bearer(applicant)).expect(200);
    expect(me.body).toMatchObject({
      username: 'dir-applicant',
      displayName: '王小明',
      organisation: 'org-dir-a',
      organisationName: '丙建设集团',
    });
    const off = await request(h.url).get('/api/auth/me').set(bearer(officer)).expect(200);
    expect(off.body).toMatchObject({ displayName: '孙审批', department: 'DRC' });
    expect(off.body.organisationName).toBeUndefined();
  });

  it("names staff and the applicant's own organisation, never another organisation's people", async () => {
    const dir = await request(h.url).get('/api/directory').set(bearer(applicant)).expect(200);
    const names = new Map(
      (dir.body.people as { username: string; displayName: string }[]).map((p) => [
        p.username,
        p.displayName,
      ]),
    );
    expect(names.get('dir-officer.DRC')).toBe('孙审批');
    expect(names.get('dir-agent')).toBe('钱代办');
    expect(names.get('dir-colleague')).toBe('李同事');
    expect(names.has('dir-other')).toBe(false);
    expect(dir.body.organisations).toEqual([{ code: 'org-dir-a', name: '丙建设集团' }]);

    // Staff serve every organisation: they read every name.
    const staff = await request(h.url).get('/api/directory').set(bearer(officer)).expect(200);
    const staffNames = (staff.body.people as { username: string }[]).map((p) => p.username);
    expect(staffNames).toEqual(expect.arrayContaining(['dir-other', 'dir-applicant']));
    expect(staff.body.organisations).toEqual(
      expect.arrayContaining([
        { code: 'org-dir-a', name: '丙建设集团' },
        { code: 'org-dir-b', name: '丁置业公司' },
      ]),
    );
    await request(h.url).get('/api/directory').expect(401);
  });

  it("lists an agent's mandates with the organisation's name", async () => {
    await request(h.url).post('/api/mandates').set(bearer(applicant)).send({
      agentUsername: 'dir-agent',
    });
    const list = await request(h.url).get('/api/mandates').set(bearer(agent)).expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ organisation: 'org-dir-a', organisationName: '丙建设集团' }),
    ]);
  });
});

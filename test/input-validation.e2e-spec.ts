import request from 'supertest';
import { EXAMPLE_ANSWERS } from '../libs/domain/src';
import { Harness, startHarness, userToken } from './app-harness';

/** A caller's bad input is a 400 naming what is wrong, before anything is read or started. */
describe('bad input on the project routes (real HTTP)', () => {
  let h: Harness;
  let applicant: string;
  const someId = '5b3c1f0e-7a8d-4c1e-9f00-000000000000';

  beforeAll(async () => {
    h = await startHarness({}, { worker: false });
    applicant = `Bearer ${await userToken(h, {
      username: 'iv-applicant',
      role: 'APPLICANT',
      organisation: 'org-iv',
    })}`;
  });
  afterAll(async () => {
    await h?.close();
  });

  const post = (path: string, body: object, key?: string) => {
    const req = request(h.url).post(path).set('Authorization', applicant);
    if (key !== undefined) void req.set('Idempotency-Key', key);
    return req.send(body);
  };

  it('names a missing field and refuses unknown ones', async () => {
    const missing = await post('/api/projects', { answers: EXAMPLE_ANSWERS.warehouse }).expect(400);
    expect(JSON.stringify(missing.body.message)).toContain('name');
    const extra = await post('/api/projects', {
      name: 'x',
      answers: EXAMPLE_ANSWERS.warehouse,
      admin: true,
    }).expect(400);
    expect(extra.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(JSON.stringify(extra.body.message)).toContain('admin');
  });

  it('refuses a blank name and one over 200 characters with a 400 naming `name`, never cutting it', async () => {
    const admin = `Bearer ${await userToken(h, { username: 'iv-admin', role: 'ADMIN' })}`;
    const bodies = [
      { name: '   ', why: 'name must not be blank' },
      { name: ' \u3000\u00a0 ', why: 'name must not be blank' },
      { name: '', why: 'name must not be blank' },
      { name: '长'.repeat(201), why: 'name must be at most 200 characters' },
      { name: ` ${'x'.repeat(5000)} `, why: 'name must be at most 200 characters' },
    ];
    for (const { name, why } of bodies) {
      const res = await post('/api/projects', { name, answers: EXAMPLE_ANSWERS.warehouse });
      expect({ status: res.status, message: res.body.message }).toEqual({
        status: 400,
        message: [why],
      });
      // The administrator's import takes the same route and the same rule.
      const imported = await request(h.url).post('/api/projects').set('Authorization', admin).send({
        name,
        answers: EXAMPLE_ANSWERS.warehouse,
        ownerOrganisation: 'org-iv',
        acceptedAt: '2026-01-05',
      });
      expect({ status: imported.status, message: imported.body.message }).toEqual({
        status: 400,
        message: [why],
      });
    }
  });

  it('refuses an Idempotency-Key it would not store, on a create and on a command', async () => {
    const body = { name: 'x', answers: EXAMPLE_ANSWERS.warehouse };
    for (const res of [
      await post('/api/projects', body, 'a b'),
      await post(`/api/projects/${someId}/withdrawal`, {}, 'x'.repeat(101)),
    ]) {
      expect(res.status).toBe(400);
      expect(res.body.message).toBe(
        'Idempotency-Key: 1-100 characters of letters, digits, . _ : -',
      );
    }
  });

  it('names a project id that is not a UUID and a stage that does not exist', async () => {
    const id = await request(h.url)
      .get('/api/projects/not-a-uuid')
      .set('Authorization', applicant)
      .expect(400);
    expect(id.body.message).toBe('id must be a UUID');
    const stage = await post(`/api/projects/${someId}/stages/plan/submission`, {}).expect(400);
    expect(stage.body.message).toBe('stage must be one of PLAN, START_PERMIT, COMPLETION');
    // A well-formed id of a project the caller cannot see is a 404, as before.
    await request(h.url).get(`/api/projects/${someId}`).set('Authorization', applicant).expect(404);
  });
});

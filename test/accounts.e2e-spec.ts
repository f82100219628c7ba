/**
 * Issue 14 over real HTTP on the real stack: an administrator creates an organisation and
 * users with one-time passwords, who must replace them; a moved officer's powers follow the
 * move and a disabled user's token stops, within AUTH_CACHE_SECONDS; an office signs in from
 * one address; one account is locked by wrong passwords while its neighbours sign in; a reused
 * refresh token revokes its family.
 */
import request from 'supertest';
import { DataSource } from 'typeorm';
import { UserRecord } from '../libs/persistence/src';
import { EXAMPLE_ANSWERS } from '../libs/domain/src';
import { UsersService } from '../apps/api/src/auth/users.service';
import { handIn, Harness, startHarness, userToken } from './app-harness';

type Item = { code: string; department: string; status: string; taskId: string };
type Report = { stages: { themes: { items: Item[] }[] }[] };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Retries `probe` until it is true, at most `ms` (the guard's cache is 2 s here). */
async function within(ms: number, probe: () => Promise<boolean>): Promise<number> {
  const t0 = Date.now();
  for (;;) {
    if (await probe()) return Date.now() - t0;
    if (Date.now() - t0 > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('accounts, sessions and sign-in (issue 14, real stack)', () => {
  let h: Harness;
  let admin: string;
  let window: string;
  const bearer = (t: string) => ({ Authorization: `Bearer ${t}` });
  /** Each test signs in from its own made-up address, reported by a trusted proxy. */
  const office = (n: number) => `203.0.113.${n}`;
  const login = (username: string, password: string, address = office(1)) =>
    request(h.url)
      .post('/api/auth/login')
      .set('X-Forwarded-For', address)
      .send({ username, password });

  beforeAll(async () => {
    h = await startHarness({
      AUTH_CACHE_SECONDS: '2',
      TRUST_PROXY: 'loopback',
      LOGIN_RATE_LIMIT: '300',
      LOGIN_LOCK_THRESHOLD: '5',
      LOGIN_LOCK_SECONDS: '900',
      REFRESH_REUSE_GRACE_SECONDS: '2',
    });
    admin = await userToken(h, { username: 'acc-admin', role: 'ADMIN' });
    window = await userToken(h, { username: 'acc-window', role: 'WINDOW_OFFICER' });
  });
  afterAll(async () => {
    await h?.close();
  });

  /** Signs in with the one-time password, replaces it, and answers a token of the new one. */
  async function firstSignIn(username: string, initial: string): Promise<string> {
    const first = await login(username, initial).expect(200);
    expect(first.body.mustChangePassword).toBe(true);
    const t = first.body.accessToken as string;
    const blocked = await request(h.url).get('/api/projects').set(bearer(t));
    expect(blocked.status).toBe(403);
    expect(blocked.body.message).toContain('POST /api/auth/password');
    const weak = await request(h.url)
      .post('/api/auth/password')
      .set(bearer(t))
      .send({ currentPassword: initial, newPassword: 'password1' });
    expect(weak.status).toBe(400);
    expect(JSON.stringify(weak.body.message)).toContain('newPassword');
    const named = await request(h.url)
      .post('/api/auth/password')
      .set(bearer(t))
      .send({ currentPassword: initial, newPassword: `${username}-2026` });
    expect(named.status).toBe(400);
    expect(JSON.stringify(named.body.message)).toContain('must not contain the username');
    const wrong = await request(h.url)
      .post('/api/auth/password')
      .set(bearer(t))
      .send({ currentPassword: 'not-it', newPassword: 'correct horse battery' });
    expect(wrong.status).toBe(400);
    expect(JSON.stringify(wrong.body.message)).toContain('currentPassword');
    await request(h.url)
      .post('/api/auth/password')
      .set(bearer(t))
      .send({ currentPassword: initial, newPassword: 'correct horse battery' })
      .expect(200);
    await login(username, initial).expect(401);
    const again = await login(username, 'correct horse battery').expect(200);
    expect(again.body.mustChangePassword).toBe(false);
    return again.body.accessToken as string;
  }

  it('creates an organisation (a wrong credit code is refused), an applicant and officers who replace their initial passwords; a moved officer decides the new department’s items, not the old', async () => {
    const wrongCheck = await request(h.url)
      .post('/api/admin/organisations')
      .set(bearer(admin))
      .send({ name: '丙工程公司', creditCode: '91350100M000100Y44' });
    expect(wrongCheck.status).toBe(400);
    expect(JSON.stringify(wrongCheck.body.message)).toMatch(/creditCode: .*check character/);
    const badAlphabet = await request(h.url)
      .post('/api/admin/organisations')
      .set(bearer(admin))
      .send({ name: '丙工程公司', creditCode: '9135010OM000100Y43' });
    expect(badAlphabet.status).toBe(400);
    const org = await request(h.url)
      .post('/api/admin/organisations')
      .set(bearer(admin))
      .send({ name: '丙工程公司', creditCode: '91350100M000100Y43', code: 'org-acc' })
      .expect(201);
    expect(org.body).toMatchObject({ code: 'org-acc', creditCode: '91350100M000100Y43' });
    await request(h.url)
      .post('/api/admin/organisations')
      .set(bearer(admin))
      .send({ name: '另一家', creditCode: '91350100M000100Y43' })
      .expect(409);
    const orgs = await request(h.url)
      .get('/api/admin/organisations')
      .set(bearer(admin))
      .expect(200);
    expect(orgs.body.items.map((o: { code: string }) => o.code)).toContain('org-acc');

    // Role, organisation and department must fit together.
    for (const [body, field] of [
      [{ role: 'APPLICANT' }, 'organisation'],
      [{ role: 'APPLICANT', organisation: 'org-nowhere' }, 'organisation'],
      [{ role: 'REVIEWING_OFFICER' }, 'department'],
      [{ role: 'REVIEWING_OFFICER', department: 'XXX' }, 'department'],
      [{ role: 'WINDOW_OFFICER', department: 'DRC' }, 'department'],
    ] as const) {
      const res = await request(h.url)
        .post('/api/admin/users')
        .set(bearer(admin))
        .send({ username: 'acc-misfit', displayName: 'x', ...body });
      expect(res.status).toBe(400);
      expect(String(res.body.message)).toMatch(new RegExp(`^${field}: `));
    }

    const applicant = await request(h.url)
      .post('/api/admin/users')
      .set(bearer(admin))
      .send({
        username: 'acc-applicant',
        displayName: '丙 申请人',
        role: 'APPLICANT',
        organisation: 'org-acc',
        email: 'applicant@example.test',
      })
      .expect(201);
    expect(applicant.body.user).toMatchObject({
      username: 'acc-applicant',
      organisation: 'org-acc',
      email: 'applicant@example.test',
      mustChangePassword: true,
      disabled: false,
    });
    expect(applicant.body.initialPassword).toMatch(/^\S{16}$/);
    await request(h.url)
      .post('/api/admin/users')
      .set(bearer(admin))
      .send({ username: 'acc-applicant', displayName: 'x', role: 'AGENT' })
      .expect(409);
    const applicantToken = await firstSignIn('acc-applicant', applicant.body.initialPassword);

    // Two projects whose PLAN stage is under review, with items of two departments each.
    const underReview = async (): Promise<Item[]> => {
      const projectId = (
        await request(h.url)
          .post('/api/projects')
          .set(bearer(applicantToken))
          .send({ name: `账户测试仓库-${Date.now()}`, answers: EXAMPLE_ANSWERS.warehouse })
          .expect(201)
      ).body.id as string;
      await handIn(h, applicantToken, projectId, 'PLAN');
      await request(h.url)
        .post(`/api/projects/${projectId}/stages/PLAN/submission`)
        .set(bearer(applicantToken))
        .send({})
        .expect(200);
      const accepted = await request(h.url)
        .post(`/api/projects/${projectId}/stages/PLAN/acceptance`)
        .set(bearer(window))
        .send({ decision: 'ACCEPT' })
        .expect(200);
      return (accepted.body as Report).stages[0].themes
        .flatMap((t) => t.items)
        .filter((i) => i.status === 'UNDER_REVIEW');
    };
    const p1 = await underReview();
    const p2 = await underReview();
    const [oldDept, newDept] = [...new Set(p1.map((i) => i.department))];
    if (!newDept) throw new Error(`one department only: ${oldDept}`);
    const firstOld = p1.find((i) => i.department === oldDept)!;
    const secondOld = p2.find((i) => i.department === oldDept)!;
    const firstNew = p1.find((i) => i.department === newDept)!;

    const officer = await request(h.url)
      .post('/api/admin/users')
      .set(bearer(admin))
      .send({
        username: 'acc-officer',
        displayName: '审批人员',
        role: 'REVIEWING_OFFICER',
        department: oldDept,
      })
      .expect(201);
    const officerToken = await firstSignIn('acc-officer', officer.body.initialPassword);
    await request(h.url)
      .post(`/api/tasks/${firstOld.taskId}/decision`)
      .set(bearer(officerToken))
      .send({ action: 'APPROVE' })
      .expect(200);
    const notYet = await request(h.url)
      .post(`/api/tasks/${firstNew.taskId}/decision`)
      .set(bearer(officerToken))
      .send({ action: 'APPROVE' });
    expect(notYet.status).toBe(404);

    const moved = await request(h.url)
      .patch('/api/admin/users/acc-officer')
      .set(bearer(admin))
      .send({ department: newDept })
      .expect(200);
    expect(moved.body.department).toBe(newDept);
    // The token issued before the move: its claims still say the old department.
    await within(60_000, async () => {
      const r = await request(h.url)
        .post(`/api/tasks/${secondOld.taskId}/decision`)
        .set(bearer(officerToken))
        .send({ action: 'APPROVE' });
      return r.status === 404;
    });
    await request(h.url)
      .post(`/api/tasks/${firstNew.taskId}/decision`)
      .set(bearer(officerToken))
      .send({ action: 'APPROVE' })
      .expect(200);
    const me = await request(h.url).get('/api/auth/me').set(bearer(officerToken)).expect(200);
    expect(me.body.department).toBe(newDept);

    const listed = await request(h.url)
      .get(`/api/admin/users?role=REVIEWING_OFFICER&department=${newDept}&q=acc-`)
      .set(bearer(admin))
      .expect(200);
    expect(listed.body.items.map((u: { username: string }) => u.username)).toEqual(['acc-officer']);
    await request(h.url)
      .patch('/api/admin/users/acc-officer')
      .set(bearer(admin))
      .send({ role: 'APPLICANT' })
      .expect(400);
    await request(h.url)
      .patch('/api/admin/users/acc-nobody')
      .set(bearer(admin))
      .send({ disabled: true })
      .expect(404);
    await request(h.url)
      .patch('/api/admin/users/acc-admin')
      .set(bearer(admin))
      .send({ disabled: true })
      .expect(409);

    // Disabled: the token stops working, and signing in is refused.
    await request(h.url)
      .patch('/api/admin/users/acc-applicant')
      .set(bearer(admin))
      .send({ disabled: true })
      .expect(200);
    await within(60_000, async () => {
      const r = await request(h.url).get('/api/auth/me').set(bearer(applicantToken));
      return r.status === 401;
    });
    const refused = await login('acc-applicant', 'correct horse battery');
    expect(refused.status).toBe(401);
    expect(refused.body.message).toContain('disabled');

    const audit = await request(h.url)
      .get('/api/audit?username=acc-officer')
      .set(bearer(admin))
      .expect(200);
    const actions = (audit.body.items as { action: string }[]).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'USER_CREATED',
        'LOGIN_SUCCEEDED',
        'PASSWORD_CHANGED',
        'USER_UPDATED',
      ]),
    );
  });

  it('filters the audit trail by person, project, action and time, and gives it as CSV', async () => {
    await h.app.get(UsersService).ensure([
      {
        username: 'acc-auditee',
        password: 'auditee-pw-1',
        role: 'APPLICANT',
        organisation: 'org-audit',
      },
    ]);
    const t0 = new Date().toISOString();
    const applicant = (await login('acc-auditee', 'auditee-pw-1', office(70)).expect(200)).body
      .accessToken as string;
    await userToken(h, { username: 'acc-audit-agent', role: 'AGENT' });
    const projectId = (
      await request(h.url)
        .post('/api/projects')
        .set(bearer(applicant))
        .send({ name: `审计测试-${Date.now()}`, answers: EXAMPLE_ANSWERS.warehouse })
        .expect(201)
    ).body.id as string;
    await request(h.url)
      .post(`/api/projects/${projectId}/delegations`)
      .set(bearer(applicant))
      .send({ agentUsername: 'acc-audit-agent' })
      .expect(201);
    await request(h.url)
      .delete(`/api/projects/${projectId}/delegations/acc-audit-agent`)
      .set(bearer(applicant))
      .expect(204);
    const get = (q: string) => request(h.url).get(`/api/audit?${q}`).set(bearer(admin)).expect(200);
    const actions = (body: { items: { action: string }[] }) => body.items.map((a) => a.action);

    const ofProject = await get(`project=${projectId}`);
    expect(actions(ofProject.body)).toEqual(['DELEGATION_REVOKED', 'DELEGATION_GRANTED']);
    const granted = await get(`project=${projectId}&action=DELEGATION_GRANTED`);
    expect(actions(granted.body)).toEqual(['DELEGATION_GRANTED']);
    const byPerson = await get(`username=acc-auditee&action=LOGIN_SUCCEEDED&from=${t0}`);
    expect(actions(byPerson.body)).toEqual(['LOGIN_SUCCEEDED']);
    const before = await get(`username=acc-auditee&to=${t0}`);
    expect(before.body.items).toEqual([]);
    const later = await get(
      `project=${projectId}&from=${new Date(Date.now() + 60_000).toISOString()}`,
    );
    expect(later.body.items).toEqual([]);

    const csv = await request(h.url)
      .get(`/api/audit?project=${projectId}&format=csv`)
      .set(bearer(admin))
      .expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toContain('audit.csv');
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('at,action,actor,subject,address,detail');
    expect(lines.slice(1).map((l) => l.split(',')[1])).toEqual([
      'DELEGATION_REVOKED',
      'DELEGATION_GRANTED',
    ]);
    expect(lines[1]).toContain('acc-auditee');

    await request(h.url).get('/api/audit?action=NOPE').set(bearer(admin)).expect(400);
    await request(h.url).get('/api/audit?project=not-a-uuid').set(bearer(admin)).expect(400);
    await request(h.url).get('/api/audit?format=xml').set(bearer(admin)).expect(400);
  });

  it('lets 50 people of one office sign in from one address within a minute', async () => {
    // One bcrypt hash for all fifty: hashing fifty passwords would take longer than signing in.
    const hash = await h.app.get(UsersService).hash('clerk-password');
    const users = Array.from({ length: 50 }, (_, i) => ({
      username: `acc-clerk-${i}`,
      password: 'clerk-password',
    }));
    await h.app
      .get(DataSource)
      .getRepository(UserRecord)
      .insert(
        users.map((u) => ({
          username: u.username,
          passwordHash: hash,
          role: 'AGENT' as const,
          displayName: u.username,
        })),
      );
    const statuses: number[] = [];
    const t0 = Date.now();
    for (let i = 0; i < users.length; i += 10) {
      const batch = await Promise.all(
        users.slice(i, i + 10).map((u) => login(u.username, u.password, office(50))),
      );
      statuses.push(...batch.map((r) => r.status));
    }
    expect(statuses).toEqual(users.map(() => 200));
    expect(Date.now() - t0).toBeLessThan(60_000);
  });

  it('locks an account after 5 wrong passwords (429 with Retry-After) while another account on the same address signs in; the audit has the address', async () => {
    await userToken(h, { username: 'acc-victim', role: 'AGENT', password: 'victim-password-1' });
    await userToken(h, { username: 'acc-neighbour', role: 'AGENT', password: 'neighbour-pw-1' });
    const statuses: number[] = [];
    let retryAfter = 0;
    for (let i = 0; i < 6; i++) {
      // From changing addresses: the lock is the account's, not the address's.
      const res = await login('acc-victim', `guess-${i}`, office(60 + i));
      statuses.push(res.status);
      if (res.status === 429) retryAfter = Number(res.headers['retry-after']);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    expect(retryAfter).toBeGreaterThan(800);
    expect(retryAfter).toBeLessThanOrEqual(900);
    const right = await login('acc-victim', 'victim-password-1', office(60));
    expect(right.status).toBe(429);
    expect(right.body.message).toContain('locked');
    await login('acc-neighbour', 'neighbour-pw-1', office(60)).expect(200);

    const supervisor = await userToken(h, { username: 'acc-supervisor', role: 'SUPERVISOR' });
    const audit = await request(h.url)
      .get(`/api/audit?username=acc-victim&from=${new Date(Date.now() - 60_000).toISOString()}`)
      .set(bearer(supervisor))
      .expect(200);
    const failed = (audit.body.items as { action: string; address: string }[]).filter(
      (a) => a.action === 'LOGIN_FAILED',
    );
    expect(failed.map((a) => a.address).sort()).toEqual([60, 61, 62, 63, 64].map((n) => office(n)));
    const officer = await userToken(h, {
      username: 'acc-officer-2',
      role: 'REVIEWING_OFFICER',
      department: 'DRC',
    });
    await request(h.url).get('/api/audit').set(bearer(officer)).expect(403);
    await request(h.url).get('/api/audit?from=yesterday').set(bearer(supervisor)).expect(400);
  });

  it('a parallel burst of 250 wrong passwords from rotating addresses checks at most 5 with bcrypt', async () => {
    await userToken(h, { username: 'acc-burst', role: 'AGENT', password: 'burst-password-1' });
    const users = h.app.get(UsersService);
    const before = users.passwordChecks;
    const res = await Promise.all(
      Array.from({ length: 250 }, (_, i) =>
        login('acc-burst', `guess-${i}`, `198.51.100.${i % 250}`),
      ),
    );
    const checked = users.passwordChecks - before;
    const count = (s: number) => res.filter((r) => r.status === s).length;
    expect({ checked, unauthorized: count(401), locked: count(429) }).toEqual({
      checked: 5,
      unauthorized: 5,
      locked: 245,
    });
    // Locked: the right password too, and it costs no bcrypt.
    const right = await login('acc-burst', 'burst-password-1', office(80));
    expect(right.status).toBe(429);
    expect(users.passwordChecks - before).toBe(5);
  });

  it('rotates refresh tokens: a reused one revokes its whole family; signing out ends the session', async () => {
    await userToken(h, { username: 'acc-refresher', role: 'AGENT', password: 'refresher-pw-1' });
    const first = (await login('acc-refresher', 'refresher-pw-1', office(70)).expect(200)).body;
    const second = (
      await request(h.url)
        .post('/api/auth/refresh')
        .send({ refreshToken: first.refreshToken })
        .expect(200)
    ).body;
    expect(second.refreshToken).not.toBe(first.refreshToken);
    await request(h.url).get('/api/auth/me').set(bearer(second.accessToken)).expect(200);
    await sleep(2_500); // past REFRESH_REUSE_GRACE_SECONDS (2 here): a reuse, not a race
    const reused = await request(h.url)
      .post('/api/auth/refresh')
      .send({ refreshToken: first.refreshToken });
    expect(reused.status).toBe(401);
    expect(reused.body.message).toContain('already used');
    // The family is gone: the newest refresh token and its access token too.
    await request(h.url)
      .post('/api/auth/refresh')
      .send({ refreshToken: second.refreshToken })
      .expect(401);
    await request(h.url).get('/api/auth/me').set(bearer(second.accessToken)).expect(401);
    // Another session of the same user is untouched, until it signs out.
    const other = (await login('acc-refresher', 'refresher-pw-1', office(70)).expect(200)).body;
    await request(h.url).get('/api/auth/me').set(bearer(other.accessToken)).expect(200);
    const out = await request(h.url)
      .post('/api/auth/logout')
      .send({ refreshToken: other.refreshToken })
      .expect(200);
    expect(out.body).toEqual({ signedOut: true });
    await request(h.url).get('/api/auth/me').set(bearer(other.accessToken)).expect(401);
    await request(h.url)
      .post('/api/auth/refresh')
      .send({ refreshToken: 'x'.repeat(43) })
      .expect(401);
    await request(h.url).post('/api/auth/refresh').send({}).expect(400);
  });

  it('two refreshes racing with one token both get 200 and the same successor; no alarm, the session lives', async () => {
    await userToken(h, { username: 'acc-racer', role: 'AGENT', password: 'racer-password-1' });
    const first = (await login('acc-racer', 'racer-password-1', office(71)).expect(200)).body;
    const [a, b] = await Promise.all(
      [0, 1].map(() =>
        request(h.url).post('/api/auth/refresh').send({ refreshToken: first.refreshToken }),
      ),
    );
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.refreshToken).toBe(b.body.refreshToken);
    expect(a.body.refreshToken).not.toBe(first.refreshToken);
    for (const t of [a.body.accessToken, b.body.accessToken])
      await request(h.url).get('/api/auth/me').set(bearer(t)).expect(200);
    // The successor is spent once more as usual, and the session goes on.
    const next = await request(h.url)
      .post('/api/auth/refresh')
      .send({ refreshToken: a.body.refreshToken })
      .expect(200);
    await request(h.url).get('/api/auth/me').set(bearer(next.body.accessToken)).expect(200);
    // The first token, spent within the grace again after its successor was: refused, no alarm.
    const late = await request(h.url)
      .post('/api/auth/refresh')
      .send({ refreshToken: first.refreshToken });
    expect(late.status).toBe(401);
    await request(h.url).get('/api/auth/me').set(bearer(next.body.accessToken)).expect(200);
    const audit = await request(h.url)
      .get('/api/audit?username=acc-racer')
      .set(bearer(admin))
      .expect(200);
    expect((audit.body.items as { action: string }[]).map((i) => i.action)).not.toContain(
      'REFRESH_TOKEN_REUSED',
    );
  });

  it('keeps a browser’s refresh token in an HttpOnly SameSite=Strict cookie on /api/auth, spent only same-site with X-Refresh-Cookie; sign-out clears it', async () => {
    await userToken(h, { username: 'acc-browser', role: 'AGENT', password: 'browser-pw-1' });
    const cookieOf = (res: request.Response) => {
      const set = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
      return set.find((c) => c.startsWith('pa_refresh='));
    };
    const signedIn = await login('acc-browser', 'browser-pw-1', office(72))
      .set('X-Refresh-Cookie', '1')
      .expect(200);
    expect(signedIn.body.refreshToken).toBeUndefined();
    expect(signedIn.body.accessToken).toEqual(expect.any(String));
    const set = cookieOf(signedIn)!;
    expect(set).toMatch(/^pa_refresh=[\w-]{43}; Max-Age=43200; Path=\/api\/auth; Expires=/);
    expect(set).toContain('HttpOnly');
    expect(set).toContain('SameSite=Strict');
    expect(set).not.toContain('Secure'); // plain http outside production; production sets it
    const cookie = set.split(';')[0];

    const refresh = () => request(h.url).post('/api/auth/refresh').set('Cookie', cookie);
    // Without the header, from another site, or with another Origin: refused before spending it.
    expect((await refresh().send({})).status).toBe(403);
    expect(
      (await refresh().set('X-Refresh-Cookie', '1').set('Sec-Fetch-Site', 'cross-site').send({}))
        .status,
    ).toBe(403);
    const foreign = await refresh()
      .set('X-Refresh-Cookie', '1')
      .set('Origin', 'https://evil.example')
      .send({});
    expect(foreign.status).toBe(403);
    expect(foreign.body.message).toContain('https://evil.example');

    const renewed = await refresh()
      .set('X-Refresh-Cookie', '1')
      .set('Sec-Fetch-Site', 'same-origin')
      .send({})
      .expect(200);
    expect(renewed.body.refreshToken).toBeUndefined();
    const next = cookieOf(renewed)!.split(';')[0];
    expect(next).not.toBe(cookie);
    await request(h.url).get('/api/auth/me').set(bearer(renewed.body.accessToken)).expect(200);

    const out = await request(h.url)
      .post('/api/auth/logout')
      .set('Cookie', next)
      .set('X-Refresh-Cookie', '1')
      .send({})
      .expect(200);
    expect(out.body).toEqual({ signedOut: true });
    expect(cookieOf(out)).toMatch(/^pa_refresh=; Path=\/api\/auth; Expires=Thu, 01 Jan 1970/);
    await request(h.url).get('/api/auth/me').set(bearer(renewed.body.accessToken)).expect(401);
    // Neither a body nor a cookie: the field is named, as before.
    await request(h.url).post('/api/auth/refresh').send({}).expect(400);
    await request(h.url).post('/api/auth/refresh').send({ refreshToken: null }).expect(400);
  });

  it('writes grants to the audit trail: a mandate granted and revoked', async () => {
    const owner = await userToken(h, {
      username: 'acc-owner',
      role: 'APPLICANT',
      organisation: 'org-a',
    });
    await userToken(h, { username: 'acc-agent', role: 'AGENT' });
    await request(h.url)
      .post('/api/mandates')
      .set(bearer(owner))
      .send({ agentUsername: 'acc-agent' })
      .expect(201);
    await request(h.url).delete('/api/mandates/acc-agent').set(bearer(owner)).expect(204);
    const audit = await request(h.url)
      .get('/api/audit?username=acc-agent')
      .set(bearer(admin))
      .expect(200);
    expect(
      (audit.body.items as { action: string; actor: string }[]).map((a) => [a.action, a.actor]),
    ).toEqual(
      expect.arrayContaining([
        ['MANDATE_GRANTED', 'acc-owner'],
        ['MANDATE_REVOKED', 'acc-owner'],
      ]),
    );
  });

  it('believes X-Forwarded-For only from a configured proxy', async () => {
    const direct = await startHarness({}, { worker: false });
    try {
      await userToken(direct, { username: 'acc-xff', role: 'AGENT', password: 'xff-password-1' });
      await request(direct.url)
        .post('/api/auth/login')
        .set('X-Forwarded-For', '192.0.2.99')
        .send({ username: 'acc-xff', password: 'xff-password-1' })
        .expect(200);
      const audit = await request(h.url)
        .get('/api/audit?username=acc-xff')
        .set(bearer(admin))
        .expect(200);
      const addresses = (audit.body.items as { address: string }[]).map((a) => a.address);
      expect(addresses).not.toContain('192.0.2.99');
      expect(addresses[0]).toMatch(/127\.0\.0\.1$/);
    } finally {
      await direct.close();
    }
  });
});

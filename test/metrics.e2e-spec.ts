/**
 * `/metrics` of the API against the real stack (a database of its own): refused without the
 * bearer token METRICS_TOKEN; Prometheus's text format; the HTTP histogram counts requests by
 * route template and status; the product gauges count the projects, by stage and risk, and the
 * overdue items by department.
 */
import request from 'supertest';
import { WorkingDayCalendar, chineseDaysSnapshot, workingDaysAgo } from '../libs/calendar/src';
import { EXAMPLE_ANSWERS } from '../libs/domain/src';
import { Harness, ownDatabase, startHarness, userToken } from './app-harness';
import { parseMetrics, valueOf } from './prometheus-text';

const TOKEN = 'metrics-token-of-the-e2e-suite';

describe('/metrics (real HTTP, PostgreSQL, Temporal)', () => {
  let h: Harness;
  let admin: string;
  const scrape = async () => {
    const res = await request(h.url).get('/metrics').set('Authorization', `Bearer ${TOKEN}`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/plain;.*version=0\.0\.4/);
    return parseMetrics(res.text);
  };
  const requests = (f: Awaited<ReturnType<typeof scrape>>, labels: Record<string, string>) =>
    valueOf(f, 'approvals_http_request_duration_seconds_count', labels) ?? 0;

  beforeAll(async () => {
    h = await startHarness({ DATABASE_URL: await ownDatabase('metrics'), METRICS_TOKEN: TOKEN });
    admin = await userToken(h, { username: 'm-admin', role: 'ADMIN' });
    // Imported 60 working days after its acceptance: its PLAN items are overdue.
    const cal = WorkingDayCalendar.fromSnapshot(chineseDaysSnapshot());
    await request(h.url)
      .post('/api/projects')
      .set('Authorization', `Bearer ${admin}`)
      .send({
        name: '指标测试项目',
        answers: EXAMPLE_ANSWERS.school,
        ownerOrganisation: 'org-m',
        acceptedAt: workingDaysAgo(cal, cal.localDate(Date.now()), 60),
      })
      .expect(201);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('refuses a scrape without the token, or with another one', async () => {
    const none = await request(h.url).get('/metrics').expect(401);
    expect(none.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(none.body.message).toMatch(/METRICS_TOKEN/);
    await request(h.url).get('/metrics').set('Authorization', `Bearer ${TOKEN}x`).expect(401);
    await request(h.url).get('/metrics').set('Authorization', TOKEN).expect(401);
  });

  it('counts requests by route template and status, not by raw path', async () => {
    const before = await scrape();
    const route = { method: 'GET', route: '/api/projects/:id', status: '401' };
    const unknown = () => request(h.url).get(`/api/projects/${crypto.randomUUID()}`).expect(401);
    await unknown();
    await unknown();
    await unknown();
    const after = await scrape();
    expect(requests(after, route) - requests(before, route)).toBe(3);
    const family = after.get('approvals_http_request_duration_seconds')!;
    expect(family.type).toBe('histogram');
    // Ids never become labels.
    for (const s of family.samples) expect(s.labels.route).not.toMatch(/[0-9a-f]{8}-/);
    const ok = requests(after, { route: '/api/projects', status: '201', method: 'POST' });
    expect(ok).toBe(1);
  });

  it('shows the running projects by stage and risk and the overdue items by department', async () => {
    const f = await scrape();
    expect(f.get('approvals_projects_running')!.type).toBe('gauge');
    expect(valueOf(f, 'approvals_projects_running', { stage: 'PLAN', risk: 'OVERDUE' })).toBe(1);
    const overdue = f.get('approvals_items_overdue')!.samples;
    expect(overdue.length).toBeGreaterThan(0);
    for (const s of overdue) {
      expect(s.labels.department).toMatch(/^[A-Z]+$/);
      expect(s.value).toBeGreaterThan(0);
    }
    for (const name of [
      'approvals_deadline_sweep_backlog',
      'approvals_deadline_sweep_backlog_oldest_seconds',
      'approvals_mail_outbox_pending',
      'approvals_mail_outbox_oldest_seconds',
    ])
      expect(valueOf(f, name)).toBeGreaterThanOrEqual(0);
    expect(valueOf(f, 'approvals_metrics_snapshot_up')).toBe(1);
    // Node's own, from prom-client's defaults, labelled with the process.
    expect(valueOf(f, 'approvals_process_cpu_seconds_total', { process: 'api' })).toBeGreaterThan(
      0,
    );
  });
});

/**
 * The seed's calls (scripts/seed-demo.ts): the demo accounts' tokens and one call with retries
 * while the stack starts, each as a named demo user (a project's run: seed-demo-run.ts).
 */
import {
  Answer,
  ApiClient,
  ProjectReport,
  RetryPolicy,
  handInStage,
  messageOf,
} from '../libs/client/src';

const PASSWORD = 'demo';
const REQUEST_TIMEOUT_MS = 60_000;

/** `date` plus `days` calendar days (YYYY-MM-DD, no time zone involved). */
function addCalendarDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A project the seed made or found, as the CLI reports it. */
export interface SeededProject {
  /** The create's Idempotency-Key, e.g. `demo-on-track`. */
  key: string;
  /** What the project shows, e.g. `on track`. */
  label: string;
  id: string;
  name: string;
  type: string;
  ownerOrganisation: string;
  /** true: made by this run; false: found from an earlier run (its steps were skipped). */
  created: boolean;
  stage: string;
  stageStatus: string;
  status: string;
  risk: string;
  usedDays: number;
  limitDays: number;
}

/** A failure with one line that says what went wrong (the CLI prints it and exits 1). */
export class SeedError extends Error {
  override readonly name = 'SeedError';
}

type Report = ProjectReport;

interface Reply<T> {
  status: number;
  body: T;
}

/**
 * Waits out a login rate limit (429, at most 3 times) and a dependency that is still starting
 * (503 at most 10 times, e.g. the worker right after `npm start`). Commands carry
 * Idempotency-Keys, so a retry is safe.
 */
function waitOutStartup(log: (line: string) => void, method: string, path: string): RetryPolicy {
  return (res: Answer, attempt: number) => {
    if (res.status === 429 && attempt <= 3) {
      const wait = Math.min(res.retryAfterS ?? 20, 65);
      log(`seed: ${method} ${path} answered 429 (rate limit); waiting ${wait} s`);
      return wait * 1000;
    }
    if (res.status === 503 && attempt <= 10) {
      log(`seed: ${method} ${path} answered 503 (${messageOf(res.body)}); retrying in 3 s`);
      return 3000;
    }
    return undefined;
  };
}

/** The demo accounts' bearer tokens and the calls the seed makes, each as a named user. */
export class DemoApi {
  private readonly tokens = new Map<string, string>();
  private readonly client: ApiClient;

  constructor(
    readonly base: string,
    private readonly log: (line: string) => void,
  ) {
    this.client = new ApiClient(base, { timeoutMs: REQUEST_TIMEOUT_MS });
  }

  /** One call, retried while the stack starts; no answer at all stops the seed. */
  async raw<T>(
    method: string,
    path: string,
    opts: { as?: string; body?: unknown; key?: string } = {},
  ): Promise<Reply<T>> {
    const token = opts.as ? await this.token(opts.as) : undefined;
    const res = await this.client.retry<T>(method, path, {
      token,
      body: opts.body,
      key: opts.key,
      policy: waitOutStartup(this.log, method, path),
    });
    if (res.status === 'timeout') {
      throw new SeedError(
        `${method} ${path} had no answer within ${REQUEST_TIMEOUT_MS / 1000} s from ${this.base}`,
      );
    }
    if (res.status === 'network') {
      throw new SeedError(
        `cannot reach the API at ${this.base} (${String(res.body)}) — is \`npm start\` running?`,
      );
    }
    return { status: res.status, body: res.body };
  }

  /** A call that must answer one of `ok`; anything else stops the seed with what was sent. */
  async call<T>(
    method: string,
    path: string,
    opts: { as?: string; body?: unknown; key?: string; ok?: number[] } = {},
  ): Promise<Reply<T>> {
    const res = await this.raw<T>(method, path, opts);
    if (!(opts.ok ?? [200, 201]).includes(res.status)) {
      throw new SeedError(
        `${method} ${path}${opts.as ? ` as ${opts.as}` : ''} answered ${res.status}: ${messageOf(res.body)}`,
      );
    }
    return res;
  }

  /** A sample PDF for each material of the stage still to hand in (a retry finds them in). */
  async handIn(as: string, projectId: string, stage: string, keyPrefix: string): Promise<number> {
    return handInStage(this.client, await this.token(as), projectId, stage, { keyPrefix });
  }

  async token(username: string): Promise<string> {
    const known = this.tokens.get(username);
    if (known) return known;
    const res = await this.raw<{ accessToken?: string }>('POST', '/api/auth/login', {
      body: { username, password: PASSWORD },
    });
    if (res.status === 401) {
      throw new SeedError(
        `demo accounts missing (signing in as ${username} with password "demo" answered 401) — the seed is for the embedded default (\`npm start\` without DATABASE_URL and TEMPORAL_ADDRESS)`,
      );
    }
    if (res.status !== 200 || !res.body.accessToken) {
      throw new SeedError(
        `signing in as ${username} answered ${res.status}: ${messageOf(res.body)}`,
      );
    }
    this.tokens.set(username, res.body.accessToken);
    return res.body.accessToken;
  }

  async report(id: string): Promise<Report> {
    return (await this.call<Report>('GET', `/api/projects/${id}`, { as: 'admin', ok: [200] })).body;
  }

  /** Working days in (from, to], as the API counts them. */
  async workingDays(from: string, to: string): Promise<number> {
    const q = `from=${from}&to=${to}`;
    const res = await this.call<{ workingDays: number }>('GET', `/api/calendar/working-days?${q}`, {
      as: 'admin',
      ok: [200],
    });
    return res.body.workingDays;
  }

  /** The working day D with exactly `n` working days in (D, today]. */
  async workingDaysBefore(today: string, n: number): Promise<string> {
    let d = addCalendarDays(today, -Math.ceil((n * 7) / 5) - 1);
    for (let i = 0; ; i++) {
      const c = await this.workingDays(d, today);
      if (c === n) break;
      if (i === 60)
        throw new SeedError(`could not find the date ${n} working days before ${today}`);
      // A calendar day holds at most one working day: this never steps past the answer.
      d = addCalendarDays(d, c - n);
    }
    // Onto a working day: stepping back over days off keeps the count.
    while ((await this.workingDays(addCalendarDays(d, -1), d)) === 0) d = addCalendarDays(d, -1);
    const check = await this.call<{ date: string }>(
      'GET',
      `/api/calendar/add?from=${d}&days=${n}`,
      { as: 'admin', ok: [200] },
    );
    if (check.body.date > today) {
      throw new SeedError(
        `the calendar disagrees with itself: ${d} + ${n} working days is after ${today}`,
      );
    }
    return d;
  }
}

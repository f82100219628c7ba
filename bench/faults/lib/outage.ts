/** Helpers for a dependency outage: what /health says, and projects created while it lasts. */
import { FaultClient, Status, mapLimit } from './client';
import { log } from './progress';
import { CHECKLISTS, Report, Tokens } from './scenario';

/** Polls /health until it answers `want` (or the deadline); returns what it saw last. */
export async function healthUntil(
  api: FaultClient,
  want: number,
  timeoutMs: number,
): Promise<{ status: Status; body: unknown; afterMs: number }> {
  const t0 = Date.now();
  for (;;) {
    const a = await api.send('GET', '/health', { timeoutMs: 10_000 });
    if (a.status === want || Date.now() - t0 > timeoutMs) {
      return { status: a.status, body: a.body, afterMs: Date.now() - t0 };
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/**
 * Projects created while a dependency is down: each is retried with its key until it gets a
 * final answer, which it can only get once the dependency is back.
 */
export function createDuringOutage(
  api: FaultClient,
  tokens: Tokens,
  opts: { count: number; checklist: string; runId: string },
): Promise<{ ids: string[]; statuses: Status[][]; final: Status[] }> {
  return mapLimit(
    Array.from({ length: opts.count }, (_, i) => i),
    opts.count,
    async (i) => {
      const a = await api.retry<Report>('POST', '/api/projects', {
        token: tokens.applicant,
        key: `${opts.runId}-outage-create-${i}`,
        body: { name: `outage ${opts.runId} #${i}`, answers: CHECKLISTS[opts.checklist] },
        deadlineMs: 200_000,
      });
      log(`  create during the outage #${i}: ${a.statuses.join(' ')}`);
      return a;
    },
  ).then((all) => ({
    ids: all.map((a) => a.body?.id).filter((id): id is string => typeof id === 'string'),
    statuses: all.map((a) => a.statuses),
    final: all.map((a) => a.status),
  }));
}

/**
 * The restore drill: projects mid-stage on a stack that keeps its data as `npm start` does
 * (DATA_DIR), an operator's backup (stop, `scripts/backup.ts`, which checks and copies the data
 * with SHA-256s), the data destroyed, a restore into a fresh DATA_DIR, and the stack started
 * there on new ports. Pass when every project reads as before (stage, statuses, clocks, due
 * dates, timeline), the officers decide what was left, PLAN completes, and nothing is lost or
 * doubled (the checks of the other fault tests). `npm run fault:restore`; FAULT_PROJECTS (20).
 * FAULT_TEMPORAL=cluster drills the cluster shape (Temporal's databases in the same PostgreSQL).
 */
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { backup, restore } from '../../scripts/backup';
import { checklistSize } from './lib/checklist';
import { FaultClient, mapLimit } from './lib/client';
import { log } from './lib/progress';
import { runFault } from './lib/result';
import {
  SCHOOL,
  approveAll,
  createProjects,
  getReport,
  getTimeline,
  itemsOf,
  runId,
  signIn,
  submitAndAccept,
  underReview,
  type DecisionOutcome,
  type Report,
} from './lib/scenario';
import { FaultStack } from './lib/stack';
import { verifyRun } from './lib/verify';

const PROJECTS = Number(process.env.FAULT_PROJECTS ?? 20);
const root = mkdtempSync(join(tmpdir(), 'approvals-restore-drill-'));
chmodSync(root, 0o755); // PostgreSQL runs as the postgres user when we are root
const before = join(root, 'data-before');
const after = join(root, 'data-after');
const folder = join(root, 'backup');

/** Every file handed in for the projects' materials, with the SHA-256 the API recorded. */
async function materialFiles(api: FaultClient, token: string, ids: string[]) {
  const views = await mapLimit(ids, 8, (id) =>
    api.get<{ items: { materials: { files: { id: string; sha256: string }[] }[] }[] }>(
      `/api/projects/${id}/materials`,
      token,
    ),
  );
  return views.flatMap((v) => v.items.flatMap((i) => i.materials.flatMap((m) => m.files)));
}

/** What a reader sees of a project: its stage, statuses, clocks and due dates. */
const view = (r: Report) =>
  JSON.stringify({
    stage: r.stage,
    status: r.status,
    clock: r.clock,
    items: itemsOf(r).map((i) => [i.code, i.status, i.clock]),
  });

runFault(
  'restore',
  `${PROJECTS} projects mid-PLAN backed up, the data destroyed, restored into a fresh DATA_DIR; the officers finish PLAN`,
  async (ctx) => {
    const { checks, data } = ctx;
    const first = ctx.stack;
    let restored: FaultStack | undefined;
    try {
      const api = new FaultClient(() => first.apiUrl);
      const tokens = await signIn(api, ['DRC', 'NRP', 'EEB', 'WRB']);
      const run = runId();
      log(`creating ${PROJECTS} projects, submitting and accepting PLAN`);
      const { ids } = await createProjects(api, tokens, {
        count: PROJECTS,
        answers: SCHOOL,
        run,
        concurrency: 8,
      });
      await submitAndAccept(api, tokens, ids, { stage: 'PLAN', run, concurrency: 8 });
      const waiting = await underReview(api, tokens, ids, { stage: 'PLAN', run, concurrency: 8 });
      // Half of the items decided before the backup: the projects are mid-stage.
      const decisions: DecisionOutcome[] = await approveAll(
        api,
        tokens,
        waiting.filter((_, i) => i % 2 === 0),
        { concurrency: 8, label: 'decisions before the backup' },
      );
      const seen = async (client: FaultClient, t = tokens) =>
        new Map(
          await mapLimit(ids, 8, async (id) => {
            const r = await getReport(client, t.applicant, id);
            return [
              id,
              { view: view(r), timeline: (await getTimeline(client, t.applicant, id)).length },
            ] as const;
          }),
        );
      const was = await seen(api);
      const handedIn = await materialFiles(api, tokens.applicant, ids);

      log('stopping the stack for the backup (the data stays)');
      for (const part of first.parts()) await first.kill(part);
      await first.stopTemporal();
      await first.stopPostgres();
      const manifest = await backup(folder, { DATA_DIR: before });
      data.backup = {
        files: manifest.files.length,
        bytes: manifest.files.reduce((n, f) => n + f.bytes, 0),
      };
      log(`backed up ${manifest.files.length} files; destroying ${before}`);
      rmSync(before, { recursive: true, force: true });

      restore(folder, { DATA_DIR: after });
      log(`restored into ${after}; starting the stack there`);
      restored = new FaultStack('restore', { dir: after });
      await restored.start();
      const api2 = new FaultClient(() => restored!.apiUrl);
      const tokens2 = await signIn(api2, ['DRC', 'NRP', 'EEB', 'WRB']);
      const now = await seen(api2, tokens2);
      const changed = ids.filter(
        (id) =>
          now.get(id)?.view !== was.get(id)?.view ||
          now.get(id)?.timeline !== was.get(id)?.timeline,
      );
      checks.check(
        'every project reads as before the backup: stage, statuses, clocks, due dates, timeline',
        changed.length === 0,
        changed.length
          ? `${changed.length} differ, e.g. ${changed[0]}: ${was.get(changed[0])?.view} → ${now.get(changed[0])?.view}`
          : `${ids.length} projects`,
      );

      const damaged: string[] = [];
      await mapLimit(handedIn, 8, async (f) => {
        const res = await fetch(`${restored!.apiUrl}/api/files/${f.id}`, {
          headers: { authorization: `Bearer ${tokens2.applicant}` },
        });
        const bytes = Buffer.from(await res.arrayBuffer());
        if (res.status !== 200 || createHash('sha256').update(bytes).digest('hex') !== f.sha256)
          damaged.push(`${f.id} ${res.status}`);
      });
      checks.check(
        'every material handed in before the backup downloads after the restore, byte for byte',
        handedIn.length > 0 && damaged.length === 0,
        damaged.length ? `${damaged.length} not, e.g. ${damaged[0]}` : `${handedIn.length} files`,
      );

      // The officers carry on where they were, until PLAN is complete everywhere.
      for (let round = 1; ; round++) {
        const targets = await underReview(api2, tokens2, ids, {
          stage: 'PLAN',
          run,
          concurrency: 8,
        });
        if (targets.length === 0) break;
        log(`after the restore, round ${round}: ${targets.length} items under review`);
        decisions.push(
          ...(await approveAll(api2, tokens2, targets, {
            concurrency: 8,
            label: `round ${round}`,
          })),
        );
      }
      await verifyRun({ ...ctx, stack: restored }, api2, tokens2, {
        ids,
        checklistSize: checklistSize(SCHOOL),
        decisions,
        planCompleted: true,
      });
      checks.check(
        'the restored stack stayed up; nothing exited on its own',
        restored.productUp(),
        JSON.stringify(restored.exits),
      );
    } finally {
      await restored?.stop();
      if (process.env.FAULT_KEEP !== '1') rmSync(root, { recursive: true, force: true });
    }
  },
  { dir: before },
);

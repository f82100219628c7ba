/**
 * What every fault test shares: the checks it makes, the PASS/FAIL line it ends with (exit 0/1),
 * the JSON result in bench/results/faults-<name>.json, and the clean-up of the stack on every
 * way out (a thrown error, Ctrl-C, SIGTERM).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { arch, cpus, loadavg, platform } from 'node:os';
import { join } from 'node:path';
import { FaultStack, ROOT } from './stack';
import { elapsedS, log } from './progress';

export interface Check {
  name: string;
  pass: boolean;
  detail: string;
}

export class Checks {
  readonly list: Check[] = [];

  check(name: string, pass: boolean, detail: string | number | object = ''): boolean {
    const d = typeof detail === 'string' ? detail : JSON.stringify(detail);
    this.list.push({ name, pass, detail: d });
    log(`${pass ? 'ok  ' : 'FAIL'} ${name}${d ? ` — ${d}` : ''}`);
    return pass;
  }

  get passed(): boolean {
    return this.list.length > 0 && this.list.every((c) => c.pass);
  }
}

export interface FaultContext {
  stack: FaultStack;
  checks: Checks;
  /** Figures for the JSON result (counts, timings, statuses, evidence). */
  data: Record<string, unknown>;
}

/**
 * Starts a stack, runs the test, and always stops the stack; prints the summary and exits.
 * An exception in the test is a FAIL with its message, never a silent pass.
 */
export function runFault(
  name: string,
  description: string,
  test: (ctx: FaultContext) => Promise<void>,
  stackOptions: ConstructorParameters<typeof FaultStack>[1] = {},
): void {
  const startedAt = new Date();
  const t0 = Date.now();
  const stack = new FaultStack(name, stackOptions);
  const ctx: FaultContext = { stack, checks: new Checks(), data: {} };
  let finished = false;
  let error: string | undefined;

  const finish = async (interrupted?: string) => {
    if (finished) return;
    finished = true;
    if (interrupted) error = `interrupted by ${interrupted}`;
    const unexpected = stack.unexpectedExits();
    ctx.data.processExits = stack.exits;
    if (unexpected.length) {
      ctx.data.apiProblems = stack.problems('api');
      ctx.data.workerProblems = stack.problems('worker');
    }
    log('stopping the stack');
    await stack.stop().catch((e: unknown) => log(`clean-up: ${String(e)}`));
    const seconds = Math.round((Date.now() - t0) / 100) / 10;
    const pass = !error && ctx.checks.passed;
    const file = join(ROOT, 'bench', 'results', `faults-${name}${stack.suffix}.json`);
    mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
    writeFileSync(
      file,
      `${JSON.stringify(
        {
          name: `faults-${name}${stack.suffix}`,
          description,
          result: pass ? 'PASS' : 'FAIL',
          error,
          startedAt: startedAt.toISOString(),
          seconds,
          checks: ctx.checks.list,
          data: ctx.data,
          machine: {
            node: process.version,
            platform: `${platform()} ${arch()}`,
            cpus: cpus().length,
            cpuModel: cpus()[0]?.model,
            loadAverageAtEnd: loadavg().map((l) => Math.round(l * 100) / 100),
          },
        },
        null,
        2,
      )}\n`,
    );
    const failed = ctx.checks.list.filter((c) => !c.pass);
    const out = process.stdout;
    out.write('\n');
    for (const c of ctx.checks.list) out.write(`  ${c.pass ? 'ok  ' : 'FAIL'} ${c.name}\n`);
    if (error) out.write(`  error: ${error}\n`);
    out.write(
      `\n${pass ? 'PASS' : 'FAIL'} faults:${name} in ${seconds} s — ${ctx.checks.list.length - failed.length}/${ctx.checks.list.length} checks passed` +
        `${failed.length ? `; failed: ${failed.map((c) => c.name).join('; ')}` : ''}` +
        `${error ? `; error: ${error}` : ''} (${file.slice(ROOT.length + 1)})\n`,
    );
    process.exit(pass ? 0 : 1);
  };

  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(sig, () => {
      log(`${sig}: cleaning up`);
      void finish(sig);
    });
  }

  for (const ev of ['unhandledRejection', 'uncaughtException'] as const) {
    process.on(ev, (err: unknown) => {
      error ??= `${ev}: ${err instanceof Error ? err.message : String(err)}`;
      log(`${ev}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      void finish();
    });
  }

  log(`faults:${name} — ${description}`);
  void (async () => {
    try {
      await stack.start();
      await test(ctx);
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
      log(`error at ${elapsedS()} s: ${err instanceof Error ? (err.stack ?? err.message) : error}`);
    }
    await finish();
  })();
}

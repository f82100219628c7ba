/**
 * `npm run fault:all`: the fault tests one after the other (each on its own stack), then a
 * summary line per test; exits 1 when any failed. A failure does not stop the ones after it.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './lib/stack';

// On the cluster (FAULT_TEMPORAL=cluster, `npm run fault:cluster`) also a history SIGKILL and a
// frontend restart; server-restart there restarts all four services.
const CLUSTER = process.env.FAULT_TEMPORAL === 'cluster';
const TESTS = [
  'worker-kill',
  'server-restart',
  ...(CLUSTER ? ['service-kill', 'service-kill:frontend'] : []),
  'postgres-stop',
  'duplicates',
  'restore',
];

function runOne(test: string): Promise<number> {
  const [name, service] = test.split(':');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, `${name}.ts`)], {
      cwd: ROOT,
      stdio: 'inherit',
      env: { ...process.env, ...(service ? { FAULT_SERVICE: service } : {}) },
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

async function main() {
  let interrupted = false;
  // Ctrl-C reaches the running test too (same process group); it cleans up and exits.
  process.on('SIGINT', () => (interrupted = true));
  const summary: string[] = [];
  let failed = 0;
  for (const name of TESTS) {
    if (interrupted) break;
    process.stdout.write(`\n=== fault:${name} ===\n`);
    const code = await runOne(name);
    const result = name.startsWith('service-kill')
      ? `${name.split(':')[1] ?? 'history'}-kill`
      : name;
    const file = join(
      ROOT,
      'bench',
      'results',
      `faults-${result}${CLUSTER ? '-cluster' : ''}.json`,
    );
    let line = `${code === 0 ? 'PASS' : 'FAIL'} fault:${name}`;
    if (existsSync(file)) {
      const r = JSON.parse(readFileSync(file, 'utf8')) as {
        seconds: number;
        checks: { pass: boolean }[];
      };
      line += ` in ${r.seconds} s, ${r.checks.filter((c) => c.pass).length}/${r.checks.length} checks`;
    }
    summary.push(line);
    if (code !== 0) failed++;
  }
  process.stdout.write(`\n${summary.join('\n')}\n`);
  process.stdout.write(
    `\n${failed || interrupted ? 'FAIL' : 'PASS'} fault:all — ${summary.length - failed}/${TESTS.length} fault tests passed${interrupted ? ' (interrupted)' : ''}\n`,
  );
  process.exit(failed || interrupted ? 1 : 0);
}

void main();

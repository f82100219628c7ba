/**
 * Child processes of a benchmark (the API, workers): output to a log file, the last lines kept
 * for error messages, stopped with SIGTERM then SIGKILL, and registered for cleanup.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { onCleanup } from './cleanup';

export interface NodeChild {
  name: string;
  process: ChildProcess;
  pid: number;
  logFile: string;
  /** The last lines the child printed. */
  tail(): string[];
  /** Set once the child has exited: e.g. `exited with 1`. */
  exited(): string | undefined;
  stop(): Promise<void>;
}

export interface SpawnNodeOptions {
  name: string;
  /** The script, a .js file or a .ts file (then run through tsx). */
  entry: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  cwd?: string;
  /** Extra node flags, e.g. `--cpu-prof`. */
  nodeArgs?: string[];
  /** Called when the child exits on its own (not through stop()). */
  onUnexpectedExit?: (why: string) => void;
}

export function spawnNode(opts: SpawnNodeOptions): NodeChild {
  const args = [
    ...(opts.nodeArgs ?? []),
    ...(opts.entry.endsWith('.ts') ? ['--import', 'tsx'] : []),
    '--enable-source-maps',
    opts.entry,
  ];
  const child = spawn(process.execPath, args, {
    env: opts.env,
    cwd: opts.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const out = createWriteStream(opts.logFile, { flags: 'a' });
  const tail: string[] = [];
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (b: Buffer) => {
      out.write(b);
      for (const line of b.toString('utf8').split('\n')) {
        if (!line) continue;
        tail.push(line.slice(0, 500));
        if (tail.length > 30) tail.shift();
      }
    });
  }
  let exitedWhy: string | undefined;
  let stopping = false;
  const exitedP = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exitedWhy = `exited with ${code ?? signal}`;
      out.end();
      if (!stopping) opts.onUnexpectedExit?.(exitedWhy);
      resolve();
    }),
  );
  const stop = async () => {
    stopping = true;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exitedP;
      clearTimeout(killer);
    }
    unregister();
  };
  const unregister = onCleanup(opts.name, stop);
  return {
    name: opts.name,
    process: child,
    pid: child.pid ?? -1,
    logFile: opts.logFile,
    tail: () => [...tail],
    exited: () => exitedWhy,
    stop,
  };
}

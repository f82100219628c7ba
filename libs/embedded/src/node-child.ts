/**
 * A supervised child process (the product's API or worker, a benchmark's worker, a Temporal
 * cluster service): its
 * output goes straight into a log file, or line by line to a sink (`npm start` prints
 * `[api] …`); its last lines are at hand for an error message; every exit is reported, with
 * whether it was asked for; it stops with SIGTERM, then SIGKILL after a timeout.
 */
import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';

export interface NodeChildSpec {
  /** Process name, e.g. `api`, `worker`, `baseline worker`. */
  name: string;
  /** The script: a .js file, or a .ts file (run through tsx). */
  entry: string;
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** Node flags before the script, e.g. `--require` of a profiler hook. */
  nodeArgs?: string[];
  /** Another program than Node (a Temporal service): `entry` is its path, these its arguments. */
  args?: string[];
  /** With `args`: a program, not a Node script (default when `args` is given). */
  program?: boolean;
  /** The child writes its output into this file itself (nothing passes through this process). */
  logFile?: string;
  /** Instead: each line of output, e.g. printed with a prefix. */
  echo?: (line: string) => void;
  /** After SIGTERM, SIGKILL this long later (default 15 s). */
  killAfterMs?: number;
}

export interface ChildExit {
  name: string;
  pid: number;
  at: string;
  /** `code 1`, `signal SIGKILL`. */
  how: string;
  /** The exit was asked for (stop(), kill()). */
  expected: boolean;
}

const TAIL = 30;

export class NodeChild {
  readonly process: ChildProcess;
  readonly pid: number;
  /** Resolves once the process has exited. */
  readonly exit: Promise<ChildExit>;
  private readonly lines: string[] = [];
  private how?: string;
  private expectExit = false;

  constructor(
    readonly spec: NodeChildSpec,
    onExit: (exit: ChildExit, child: NodeChild) => void = () => {},
  ) {
    const program = spec.program ?? spec.args !== undefined;
    const args = program
      ? (spec.args ?? [])
      : [
          ...(spec.nodeArgs ?? []),
          ...(spec.entry.endsWith('.ts') ? ['--import', 'tsx'] : []),
          '--enable-source-maps',
          spec.entry,
        ];
    const fd = spec.logFile && !spec.echo ? openSync(spec.logFile, 'a') : undefined;
    this.process = spawn(program ? spec.entry : process.execPath, args, {
      env: spec.env,
      cwd: spec.cwd,
      stdio: ['ignore', fd ?? 'pipe', fd ?? 'pipe'],
    });
    if (fd !== undefined) closeSync(fd);
    this.pid = this.process.pid ?? -1;
    for (const stream of [this.process.stdout, this.process.stderr]) {
      let buf = '';
      stream?.on('data', (b: Buffer) => {
        buf += b.toString('utf8');
        const lines = buf.split('\n');
        buf = lines.pop() ?? '';
        for (const line of lines) this.remember(line);
      });
    }
    this.exit = new Promise<ChildExit>((resolve) =>
      this.process.once('exit', (code, signal) => {
        this.how = signal ? `signal ${signal}` : `code ${code}`;
        const exit: ChildExit = {
          name: spec.name,
          pid: this.pid,
          at: new Date().toISOString(),
          how: this.how,
          expected: this.expectExit,
        };
        onExit(exit, this);
        resolve(exit);
      }),
    );
  }

  get name(): string {
    return this.spec.name;
  }

  get logFile(): string | undefined {
    return this.spec.logFile;
  }

  running(): boolean {
    return this.process.exitCode === null && this.process.signalCode === null;
  }

  /** Set once the child has exited: e.g. `exited with code 1`. */
  exited(): string | undefined {
    return this.how && `exited with ${this.how}`;
  }

  /** The last lines the child printed. */
  tail(n = 20): string[] {
    const lines = this.spec.logFile && !this.spec.echo ? lastLines(this.spec.logFile) : this.lines;
    return lines.slice(-n);
  }

  /** Sends `signal` (an exit asked for) and waits until the process is gone. */
  async kill(signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    this.expectExit = true;
    if (!this.running()) return;
    this.process.kill(signal);
    const killer = setTimeout(() => this.process.kill('SIGKILL'), this.spec.killAfterMs ?? 15_000);
    await this.exit;
    clearTimeout(killer);
  }

  stop(): Promise<void> {
    return this.kill('SIGTERM');
  }

  private remember(line: string) {
    this.lines.push(line.slice(0, 500));
    if (this.lines.length > TAIL) this.lines.shift();
    this.spec.echo?.(line);
  }
}

/** The last lines of a log file, read from its end. */
function lastLines(file: string, bytes = 16_384): string[] {
  if (!existsSync(file)) return [];
  const size = statSync(file).size;
  const len = Math.min(size, bytes);
  const buf = Buffer.alloc(len);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, buf, 0, len, size - len);
  } finally {
    closeSync(fd);
  }
  return buf
    .toString('utf8')
    .split('\n')
    .filter(Boolean)
    .slice(-TAIL)
    .map((l) => l.slice(0, 500));
}

/**
 * The stack's supervised Node children (stack.ts): started with their output in a log file,
 * restarted as they were, killed on request; the first one that exits on its own fails every
 * wait at once with its last lines.
 */
import { join } from 'node:path';
import { ChildExit, NodeChild, NodeChildSpec } from './node-child';
import { StartupError } from './ports';
import { projectRoot } from './project-root';

/** `worker (restarted)` → `worker-restarted`. */
const fileName = (name: string) => name.replace(/\W+/g, '-').replace(/^-|-$/g, '');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export abstract class Supervisor {
  /** The folder of the children's log files. */
  abstract readonly dir: string;
  protected abstract readonly opts: {
    log?: (line: string) => void;
    onUnexpectedExit?: (exit: ChildExit, child: NodeChild) => void;
  };
  /** Every child started, in order (a restarted one again). */
  readonly children: NodeChild[] = [];
  /** Every exit of a child, asked for or not. */
  readonly exits: ChildExit[] = [];
  protected died?: string;
  /** Set once the whole stack stops: exits from then on were asked for. */
  protected stopping?: Promise<void>;

  /** A supervised Node child; its output goes to `<dir>/<name>.log` unless it has `echo`. */
  startNode(spec: NodeChildSpec): NodeChild {
    const logFile =
      spec.logFile ?? (spec.echo ? undefined : join(this.dir, `${fileName(spec.name)}.log`));
    const child = new NodeChild({ cwd: projectRoot(), ...spec, logFile }, (exit, c) =>
      this.onExit(exit, c),
    );
    this.children.push(child);
    this.opts.log?.(`${spec.name} started (pid ${child.pid})`);
    return child;
  }

  /** The newest child of that name. */
  child(name: string): NodeChild | undefined {
    return [...this.children].reverse().find((c) => c.name === name);
  }

  running(name: string): boolean {
    return this.child(name)?.running() ?? false;
  }

  /** Sends a signal to a child (an exit asked for, e.g. SIGKILL as a crash) and waits. */
  async kill(name: string, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
    await this.child(name)?.kill(signal);
  }

  /** Starts a child again as it was started (`changes`: e.g. another name and log file). */
  restart(name: string, changes: Partial<NodeChildSpec> = {}): NodeChild {
    const old = this.child(name);
    if (!old) throw new StartupError(`no child named ${name} was started`);
    if (old.running()) throw new StartupError(`the ${name} is still running (pid ${old.pid})`);
    const renamed = changes.name && changes.name !== name;
    return this.startNode({
      ...old.spec,
      ...(renamed && !changes.logFile ? { logFile: undefined } : {}),
      ...changes,
    });
  }

  /** Until `<url>/health` answers 200; a child's death fails it at once. */
  waitForHealth(url: string, timeoutMs = 120_000): Promise<void> {
    return this.waitUntil(
      `${url}/health`,
      async () => (await fetch(`${url}/health`, { signal: AbortSignal.timeout(5000) })).ok,
      { timeoutMs, intervalMs: 300 },
    );
  }

  /** Polls `probe` until it holds; a child that died on its own fails it at once. */
  async waitUntil(
    what: string,
    probe: () => Promise<boolean>,
    { timeoutMs = 180_000, intervalMs = 300 } = {},
  ): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (this.died) throw new StartupError(`${what}: ${this.died}`);
      if (await probe().catch(() => false)) return;
      if (Date.now() > deadline)
        throw new StartupError(`${what}: not ready within ${Math.round(timeoutMs / 1000)} s`);
      await sleep(intervalMs);
    }
  }

  /** The first child that exited on its own, with its last lines; undefined while none did. */
  deadChild(): string | undefined {
    return this.died;
  }

  /** Exits nobody asked for, e.g. a worker that gave up while Temporal was down. */
  unexpectedExits(): ChildExit[] {
    return this.exits.filter((e) => !e.expected);
  }

  /** Records an exit; the first one nobody asked for fails every wait. */
  private onExit(exit: ChildExit, child: NodeChild) {
    if (this.stopping) exit.expected = true;
    this.exits.push(exit);
    if (exit.expected) return;
    const tail = child.spec.echo ? '' : `; its last lines:\n${child.tail().join('\n')}`;
    this.died ??= `the ${exit.name} (pid ${exit.pid}) exited on its own with ${exit.how}${tail}`;
    this.opts.log?.(
      `ERROR: the ${exit.name} (pid ${exit.pid}) exited on its own with ${exit.how}${tail}`,
    );
    this.opts.onUnexpectedExit?.(exit, child);
  }
}

/**
 * Everything a benchmark starts registers how to stop it here; `runBench` stops all of it in
 * reverse order when the benchmark ends, fails, or is interrupted (Ctrl-C, SIGTERM, SIGHUP).
 */

interface Cleanup {
  name: string;
  fn: () => Promise<void> | void;
}

const cleanups: Cleanup[] = [];
let cleaning: Promise<void> | undefined;

/** Registers a cleanup; the returned function unregisters it (after a normal stop). */
export function onCleanup(name: string, fn: () => Promise<void> | void): () => void {
  const entry = { name, fn };
  cleanups.push(entry);
  return () => {
    const i = cleanups.indexOf(entry);
    if (i >= 0) cleanups.splice(i, 1);
  };
}

/** Runs every registered cleanup, newest first, each at most `timeoutMs`; runs once. */
export function runCleanups(log: (line: string) => void, timeoutMs = 30_000): Promise<void> {
  if (!cleaning) {
    // Work still in flight fails as its servers go away (e.g. a client's retry timer finding its
    // channel closed); that must not end the process before the rest is stopped.
    const seen = new Set<string>();
    const stray = (err: unknown) => {
      const msg = err instanceof Error ? err.message : String(err);
      if (!seen.has(msg)) log(`while stopping (ignored): ${msg}`);
      seen.add(msg);
    };
    process.on('uncaughtException', stray);
    process.on('unhandledRejection', stray);
  }
  cleaning ??= (async () => {
    while (cleanups.length) {
      const c = cleanups.pop()!;
      let timer: NodeJS.Timeout | undefined;
      try {
        await Promise.race([
          Promise.resolve().then(c.fn),
          new Promise((_, reject) => {
            timer = setTimeout(
              () => reject(new Error(`timed out after ${timeoutMs} ms`)),
              timeoutMs,
            );
          }),
        ]);
      } catch (err) {
        log(`cleanup: stopping ${c.name} failed: ${(err as Error).message}`);
      } finally {
        clearTimeout(timer);
      }
    }
  })();
  return cleaning;
}

/**
 * The entry point of a benchmark: runs `main`, then stops everything it started, also on
 * Ctrl-C or SIGTERM; exits with 0, 1 (error) or 130 (interrupted).
 */
export function runBench(name: string, main: () => Promise<void>): void {
  const log = (line: string) => process.stdout.write(`[${name}] ${line}\n`);
  let interrupted = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    // A Ctrl-C reaches this process twice: from the terminal and relayed by the tsx wrapper.
    if (interrupted && Date.now() - interrupted > 3000) {
      log(`${signal} again: exiting without waiting`);
      process.exit(130);
    }
    if (interrupted) return;
    interrupted = Date.now();
    log(`${signal}: stopping everything this benchmark started…`);
    void runCleanups(log).then(() => process.exit(130));
  };
  for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(s, onSignal);
  main()
    .then(
      () => 0,
      (err: unknown) => {
        if (interrupted) return 130;
        log(`failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
        return 1;
      },
    )
    .then(async (code) => {
      await runCleanups(log);
      if (!interrupted) process.exit(code);
    })
    .catch(() => process.exit(1));
}

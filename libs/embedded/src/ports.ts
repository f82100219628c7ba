import { connect, createServer } from 'node:net';

export class StartupError extends Error {
  override name = 'StartupError';
}

/** Resolves if `port` can be bound on `host`; otherwise a StartupError saying what to do. */
export function assertPortFree(
  port: number,
  host: string,
  what: string,
  envVar: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', (err: NodeJS.ErrnoException) => {
      reject(
        new StartupError(
          err.code === 'EADDRINUSE'
            ? `port ${port} (${what}) is already in use: stop what holds it (\`ss -ltnp | grep :${port}\`) or set ${envVar} to another port`
            : `cannot bind ${host}:${port} for ${what}: ${err.message}`,
        ),
      );
    });
    srv.listen(port, host, () => srv.close(() => resolve()));
  });
}

/** A free TCP port chosen by the OS (tests run their own servers side by side). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, host, () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

export async function waitFor(
  what: string,
  probe: () => Promise<boolean>,
  { timeoutMs = 60_000, intervalMs = 250 } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, intervalMs));
  }
  throw new StartupError(`${what} did not become ready within ${Math.round(timeoutMs / 1000)} s`);
}

/** The first of `n` consecutive free ports (a Temporal cluster derives its ports from one). */
export async function freePortBlock(n: number, host = '127.0.0.1'): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    // Below 32768: the Temporal server keeps its services' ports in a SMALLINT column
    // (cluster_membership.rpc_port) and stops at start on a higher one.
    const base = 20_000 + Math.floor(Math.random() * (32_767 - 20_000 - n));
    const free = await Promise.all(
      Array.from({ length: n }, (_, i) =>
        assertPortFree(base + i, host, 'probe', 'none').then(
          () => true,
          () => false,
        ),
      ),
    );
    if (free.every(Boolean)) return base;
  }
  throw new StartupError(`no ${n} consecutive free ports found on ${host}`);
}

/** Whether something accepts TCP connections on host:port. */
export function tcpOpen(host: string, port: number): Promise<boolean> {
  return new Promise((res) => {
    const s = connect({ host, port });
    s.once('connect', () => (s.destroy(), res(true)));
    s.once('error', () => res(false));
  });
}

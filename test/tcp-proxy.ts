import { Server, Socket, createServer, connect } from 'node:net';

/**
 * A TCP proxy a test can cut: the app talks to a dependency through it, and `cut()` makes the
 * dependency unreachable (open connections reset, new ones refused) without stopping the real
 * server other tests share. `restore()` brings it back on the same port.
 */
export class TcpProxy {
  private server?: Server;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(
    private readonly targetHost: string,
    private readonly targetPort: number,
  ) {}

  async start(port = 0): Promise<this> {
    if (this.server) return this;
    this.server = createServer((client) => {
      const upstream = connect(this.targetPort, this.targetHost);
      for (const s of [client, upstream]) {
        this.sockets.add(s);
        s.on('close', () => this.sockets.delete(s));
        s.on('error', () => undefined);
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    await new Promise<void>((res) => this.server!.listen(port, '127.0.0.1', res));
    const addr = this.server.address();
    this.port = typeof addr === 'object' && addr ? addr.port : 0;
    return this;
  }

  async cut(): Promise<void> {
    if (!this.server) return;
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((res) => (this.server ? this.server.close(() => res()) : res()));
    this.server = undefined;
  }

  async restore(): Promise<void> {
    await this.start(this.port);
  }
}

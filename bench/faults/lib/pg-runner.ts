/**
 * Runs the embedded PostgreSQL in a process of its own, so a test can stop and start it again:
 * libs/embedded's startEmbeddedPostgres can be called only once per process (a second call
 * throws ERR_INVALID_ARG_TYPE from async-exit-hook's unhookEvent). Prints one JSON line with the
 * URL when ready; SIGINT/SIGTERM, or its parent going away (stdin closes), stops PostgreSQL
 * (fast shutdown) and exits.
 */
import { startEmbeddedPostgres } from '../../../libs/embedded/src';

async function main() {
  const [dataDir, port] = process.argv.slice(2);
  const pg = await startEmbeddedPostgres({ dataDir, port: Number(port) });
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    pg.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  process.stdin.once('end', stop);
  process.stdin.resume();
  process.stdout.write(`${JSON.stringify({ url: pg.url })}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`pg-runner: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

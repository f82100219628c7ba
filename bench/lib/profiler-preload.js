/**
 * Loaded into a child (node --require this file) when a benchmark wants to know where that
 * child's CPU goes during a measurement: SIGWINCH starts the V8 sampling profiler of the main
 * thread, the next SIGWINCH stops it and writes `<BENCH_PROFILE_PREFIX>-<n>.cpuprofile` (Chrome
 * DevTools format). SIGWINCH, because the Temporal SDK's runtime takes SIGUSR2 and Node SIGUSR1.
 * Plain CommonJS, so it also loads (and does nothing) in worker threads that inherit the flags.
 */
'use strict';
const { renameSync, writeFileSync } = require('node:fs');
const { Session } = require('node:inspector');
const { isMainThread } = require('node:worker_threads');

const prefix = process.env.BENCH_PROFILE_PREFIX;
if (prefix && isMainThread) {
  const session = new Session();
  session.connect();
  let running = false;
  let n = 0;
  process.on('SIGWINCH', () => {
    if (!running) {
      running = true;
      session.post('Profiler.enable', () =>
        session.post('Profiler.setSamplingInterval', { interval: 500 }, () =>
          session.post('Profiler.start'),
        ),
      );
      return;
    }
    running = false;
    const file = `${prefix}-${n++}.cpuprofile`;
    session.post('Profiler.stop', (err, res) => {
      if (err) {
        process.stderr.write(`profiler: ${err.message}\n`);
        return;
      }
      // Renamed when complete, so a reader never sees half a file.
      writeFileSync(`${file}.tmp`, JSON.stringify(res.profile));
      renameSync(`${file}.tmp`, file);
    });
  });
}

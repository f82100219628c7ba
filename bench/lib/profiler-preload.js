/**
 * Loaded into a child (node --require this file) when a benchmark wants to know where that
 * child's CPU goes during a measurement: SIGWINCH starts the V8 sampling profiler, the next
 * SIGWINCH stops it and writes `<BENCH_PROFILE_PREFIX>-<n>.cpuprofile` (Chrome DevTools format)
 * for the main thread. Worker threads that inherit the flag (the Temporal worker's workflow
 * threads, where the workflow code runs) are told by a BroadcastChannel and write
 * `<BENCH_PROFILE_PREFIX>-thread<threadId>-<n>.cpuprofile` beside it. SIGWINCH, because the
 * Temporal SDK's runtime takes SIGUSR2 and Node SIGUSR1. Plain CommonJS.
 */
'use strict';
const { renameSync, writeFileSync } = require('node:fs');
const { Session } = require('node:inspector');
const { BroadcastChannel, isMainThread, threadId } = require('node:worker_threads');

const prefix = process.env.BENCH_PROFILE_PREFIX;

/** A profiler of this thread: start(), then stop(file) writes it (renamed when complete). */
function profiler() {
  const session = new Session();
  session.connect();
  return {
    start: () =>
      session.post('Profiler.enable', () =>
        session.post('Profiler.setSamplingInterval', { interval: 500 }, () =>
          session.post('Profiler.start'),
        ),
      ),
    stop: (file) =>
      session.post('Profiler.stop', (err, res) => {
        if (err) {
          process.stderr.write(`profiler: ${err.message}\n`);
          return;
        }
        // Renamed when complete, so a reader never sees half a file.
        writeFileSync(`${file}.tmp`, JSON.stringify(res.profile));
        renameSync(`${file}.tmp`, file);
      }),
  };
}

if (prefix) {
  const channel = new BroadcastChannel('bench-profiler');
  channel.unref();
  const p = profiler();
  if (isMainThread) {
    let running = false;
    let n = 0;
    process.on('SIGWINCH', () => {
      if (!running) {
        running = true;
        channel.postMessage({ start: true });
        p.start();
        return;
      }
      running = false;
      const at = n++;
      // Threads first: the main thread's file is what the benchmark waits for.
      channel.postMessage({ stop: `${prefix}-thread{id}-${at}.cpuprofile` });
      p.stop(`${prefix}-${at}.cpuprofile`);
    });
  } else {
    channel.onmessage = ({ data }) => {
      if (data.start) p.start();
      else if (data.stop) p.stop(data.stop.replace('{id}', String(threadId)));
    };
  }
}

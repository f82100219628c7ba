/**
 * Loaded into the product's worker and API by the soak (NODE_OPTIONS=--require this file), in
 * every thread, the Temporal SDK's workflow thread included (where the cached workflows live):
 * when the file `<BENCH_HEAP_PREFIX>.request` holds a new tag, the thread runs a full garbage
 * collection and writes its V8 heap figures and the process's memory to
 * `<BENCH_HEAP_PREFIX>-<pid>-<threadId>.json`. Checked every 250 ms on an unref'd timer, so it
 * keeps nothing alive. Plain CommonJS.
 */
'use strict';
const { readFileSync, renameSync, writeFileSync } = require('node:fs');
const v8 = require('node:v8');
const vm = require('node:vm');
const { isMainThread, threadId } = require('node:worker_threads');

const prefix = process.env.BENCH_HEAP_PREFIX;
if (prefix) {
  let gc;
  let last = '';
  const tick = () => {
    let tag;
    try {
      tag = readFileSync(`${prefix}.request`, 'utf8').trim();
    } catch {
      return;
    }
    if (!tag || tag === last) return;
    last = tag;
    if (!gc) {
      v8.setFlagsFromString('--expose-gc');
      gc = vm.runInNewContext('gc');
    }
    const t0 = Date.now();
    gc();
    const h = v8.getHeapStatistics();
    const m = process.memoryUsage();
    const file = `${prefix}-${process.pid}-${threadId}.json`;
    writeFileSync(
      `${file}.tmp`,
      JSON.stringify({
        tag,
        pid: process.pid,
        threadId,
        isMainThread,
        at: Date.now(),
        gcMs: Date.now() - t0,
        heapUsed: h.used_heap_size,
        heapTotal: h.total_heap_size,
        heapLimit: h.heap_size_limit,
        external: h.external_memory,
        malloced: h.malloced_memory,
        rss: m.rss,
        arrayBuffers: m.arrayBuffers,
      }),
    );
    renameSync(`${file}.tmp`, file);
  };
  setInterval(tick, 250).unref();
}

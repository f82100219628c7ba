/** Progress lines with the seconds since the test started, so a reader sees where time went. */
const t0 = Date.now();

export function elapsedS(): number {
  return Math.round((Date.now() - t0) / 100) / 10;
}

export function log(line: string): void {
  process.stdout.write(`[${elapsedS().toFixed(1).padStart(6)} s] ${line}\n`);
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

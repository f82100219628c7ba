/**
 * Runs `task` now and then every `seconds`, never two at once (a tick while one runs is
 * skipped); a failure is reported and the next tick tries again. `stop` waits for the one running.
 */
export function every(
  seconds: number,
  task: () => Promise<unknown>,
  onError: (err: unknown) => void,
): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  const tick = () => {
    running ??= task()
      .then(() => undefined)
      .catch(onError)
      .finally(() => (running = undefined));
  };
  tick();
  const timer = setInterval(tick, seconds * 1000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}

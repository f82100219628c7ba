import { LoadStalled, runLoad } from './runner';

describe('runLoad', () => {
  it('counts errors, and ends a run whose operations stop finishing with LoadStalled', async () => {
    const hang = new Promise<void>(() => undefined);
    const started = Date.now();
    const run = runLoad({
      label: 'a server that stops answering',
      concurrency: 3,
      total: 1000,
      log: null,
      stallSeconds: 1,
      // The first ten answer (two of them fail); every later one never does.
      op: async (i) => {
        if (i >= 10) return hang;
        if (i % 5 === 4) throw new Error('refused');
      },
    });
    const err = await run.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(LoadStalled);
    expect(err).toMatchObject({ inFlight: 3, completed: 8, seconds: 1 });
    expect((err as Error).message).toMatch(/stalled — nothing finished for 1 s with 3 operations/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('finishes normally without a stall limit', async () => {
    const r = await runLoad({
      label: 'quick',
      concurrency: 2,
      total: 20,
      log: null,
      op: async () => {},
    });
    expect(r).toMatchObject({ completed: 20, errors: 0, issued: 20 });
  });
});

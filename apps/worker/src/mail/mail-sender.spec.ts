import { afterFailure, retryDelayMs } from './mail-sender';

describe('the notice mail sender puts off a mail the server did not take', () => {
  it('waits 1 s, 2 s, 4 s … after each failed try, at most a minute', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map(retryDelayMs)).toEqual([
      1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000,
    ]);
  });

  it('gives up on a mail not sent within three days of its notice', () => {
    const now = Date.parse('2026-12-08T10:00:00Z');
    const written = (hoursAgo: number) => new Date(now - hoursAgo * 3600_000);
    expect(afterFailure({ attempts: 3, createdAt: written(1) }, now)).toEqual({ retryInMs: 4000 });
    expect(afterFailure({ attempts: 40, createdAt: written(71) }, now)).toEqual({
      retryInMs: 60000,
    });
    expect(afterFailure({ attempts: 4000, createdAt: written(72) }, now)).toBe('GIVE_UP');
  });
});

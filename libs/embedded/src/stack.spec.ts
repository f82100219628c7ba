import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Stack } from './stack';

/** The supervision of children, without servers (no PostgreSQL, no dev server). */
describe('Stack children', () => {
  let stack: Stack;
  const script = (name: string, code: string) => {
    const file = join(stack.dir, `${name}.js`);
    writeFileSync(file, code);
    return file;
  };

  beforeEach(() => {
    stack = new Stack({ name: 'stack-spec', postgres: false, temporal: false });
  });
  afterEach(() => stack.stop());

  it('fails a wait at once when a child dies, with its last lines', async () => {
    stack.startNode({
      name: 'api',
      entry: script(
        'dies',
        "console.log('listening soon'); console.error('boom: no config'); process.exit(3);",
      ),
      env: process.env,
    });
    const t0 = Date.now();
    await expect(
      stack.waitUntil('the API', async () => false, { timeoutMs: 60_000 }),
    ).rejects.toThrow(
      /the API: the api \(pid \d+\) exited on its own with code 3; its last lines:\n.*boom: no config/s,
    );
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(stack.unexpectedExits()).toMatchObject([
      { name: 'api', how: 'code 3', expected: false },
    ]);
  });

  it('kills a child as asked (not a death), restarts it as it was, and stops it on stop()', async () => {
    const entry = script(
      'runs',
      "console.log('up ' + process.env.MARK); setInterval(() => {}, 1000);",
    );
    const first = stack.startNode({ name: 'worker', entry, env: { ...process.env, MARK: 'one' } });
    await stack.waitUntil('output', async () => first.tail().includes('up one'), {
      timeoutMs: 20_000,
    });

    await stack.kill('worker', 'SIGKILL');
    expect(first.running()).toBe(false);
    expect(stack.exits).toMatchObject([{ name: 'worker', how: 'signal SIGKILL', expected: true }]);
    expect(stack.deadChild()).toBeUndefined();

    const again = stack.restart('worker');
    expect(again.pid).not.toBe(first.pid);
    await stack.waitUntil(
      'output',
      async () => again.tail().filter((l) => l === 'up one').length === 2,
      {
        timeoutMs: 20_000,
      },
    );
    expect(stack.running('worker')).toBe(true);

    const dir = stack.dir;
    await stack.stop();
    expect(again.running()).toBe(false);
    expect(stack.unexpectedExits()).toEqual([]);
    expect(existsSync(dir)).toBe(false);
  });
});

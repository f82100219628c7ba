import type { E2eStack } from './e2e-stack';

export default async function globalTeardown(): Promise<void> {
  await (globalThis as { __E2E_STACK__?: E2eStack }).__E2E_STACK__?.stop();
}

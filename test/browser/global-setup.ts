import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../../playwright.config';

/** The stack is up (webServer); wait for `npm start`'s demo seed so every role has projects. */
export default async function globalSetup(): Promise<void> {
  const marker = join(dataDir, 'demo-seeded');
  const deadline = Date.now() + 180_000;
  while (!existsSync(marker)) {
    if (Date.now() > deadline) throw new Error(`the demo seed did not finish (${marker})`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

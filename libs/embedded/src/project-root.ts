import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The folder holding package.json, from source (ts) or from dist alike. */
export function projectRoot(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'scripts', 'setup.js')))
      return dir;
    if (dirname(dir) === dir) throw new Error(`no project root above ${from}`);
  }
}

/** Where `npm run build` puts the web app, which the API serves at `/` (WEB_DIR overrides it). */
export function webDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.WEB_DIR?.trim() || join(projectRoot(), 'dist', 'web'));
}

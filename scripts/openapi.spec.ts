import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOpenApiDocument } from './openapi';

const ROOT = join(__dirname, '..');
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);

/**
 * The web app's client is generated from a committed copy of the OpenAPI document; if the API
 * changed and `npm run gen:api` was not run, the client would be typed against an old contract.
 */
describe('the web app’s copy of the OpenAPI document', () => {
  it('is the document the API serves (run `npm run gen:api` after changing a route or DTO)', async () => {
    const committed = JSON.parse(
      readFileSync(join(__dirname, '..', 'apps', 'web', 'src', 'api', 'openapi.json'), 'utf8'),
    ) as unknown;
    const current = await buildOpenApiDocument();
    expect(current).toEqual(committed);
  });

  it('is what api/schema.ts (the client’s types and value lists) was generated from (`npm run gen:api`)', () => {
    // As `npm run gen:api` does it (in processes of their own: both tools are ES modules).
    const types = execFileSync(
      bin('openapi-typescript'),
      ['apps/web/src/api/openapi.json', '--enum-values'],
      { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    const formatted = execFileSync(
      bin('prettier'),
      ['--stdin-filepath', 'apps/web/src/api/schema.ts'],
      {
        cwd: ROOT,
        encoding: 'utf8',
        input: types,
      },
    );
    expect(formatted).toEqual(readFileSync(join(ROOT, 'apps/web/src/api/schema.ts'), 'utf8'));
  });
});

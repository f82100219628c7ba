import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildOpenApiDocument } from './openapi';

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
});

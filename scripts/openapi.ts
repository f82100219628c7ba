/**
 * Writes the API's OpenAPI document without starting anything (Nest's preview mode builds the
 * module graph but instantiates no provider: no database, no Temporal). `npm run gen:api` runs it
 * and generates the web app's typed client from it; a unit test keeps the committed copy current.
 */
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { AppModule } from '../apps/api/src/app.module';
import { openApiDocument } from '../apps/api/src/common/openapi';

export async function buildOpenApiDocument() {
  const app = await NestFactory.create(AppModule, {
    preview: true,
    logger: ['error'],
    abortOnError: false,
  });
  app.setGlobalPrefix('api', { exclude: ['health'] });
  return normalise(openApiDocument(app));
}

/** Parameters in a stable order (the order of decorators' metadata differs between compilers). */
export function normalise<T>(doc: T): T {
  const copy = JSON.parse(JSON.stringify(doc)) as {
    paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
  };
  for (const path of Object.values(copy.paths))
    for (const op of Object.values(path))
      op.parameters?.sort((a, b) => `${a.in}:${a.name}`.localeCompare(`${b.in}:${b.name}`));
  return copy as T;
}

if (require.main === module) {
  const out = resolve(process.argv[2] ?? 'apps/web/src/api/openapi.json');
  buildOpenApiDocument()
    .then((doc) => {
      writeFileSync(out, `${JSON.stringify(doc, null, 2)}\n`);
      process.stdout.write(`wrote ${out} (${Object.keys(doc.paths).length} paths)\n`);
      process.exit(0);
    })
    .catch((err: unknown) => {
      process.stderr.write(`openapi: ${(err as Error).stack ?? String(err)}\n`);
      process.exit(1);
    });
}

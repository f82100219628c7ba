import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { JointProcedureResultDto } from '../projects/dto/report.dto';

const ERROR_SCHEMA = {
  type: 'object',
  required: ['statusCode', 'error', 'message'],
  properties: {
    statusCode: { type: 'integer' },
    error: { type: 'string' },
    message: { oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }] },
  },
};

/** The OpenAPI document, generated from the controllers and DTOs (docs/design.md §6). */
export function openApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Parallel approvals of construction projects')
    .setDescription(
      'Applicants, agents and officers drive each project through PLAN, START_PERMIT and COMPLETION; ' +
        'every report shows the project against its 80 (35, 12) working-day limit. Sign in with ' +
        '`POST /api/auth/login` and send `Authorization: Bearer <accessToken>`. Errors are ' +
        '`{ statusCode, error, message }`: 400 names the field, 404 for what the caller may not ' +
        'see, 409 when the state forbids the action, 503 while a dependency is down.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  // Referenced only by $ref inside another schema (a map of results), so listed here to be emitted.
  const doc = SwaggerModule.createDocument(app, config, { extraModels: [JointProcedureResultDto] });
  doc.components = {
    ...doc.components,
    schemas: { ...doc.components?.schemas, Error: ERROR_SCHEMA },
  };
  const errors = {
    '400': 'Invalid input; the message names each bad field',
    '401': 'No valid bearer token',
    '403': 'The role may not do this',
    '404': 'Not found, or not visible to the caller',
    '409': 'The state of the project or item forbids it',
    '503': 'A dependency (PostgreSQL, Temporal) is down; retry after Retry-After seconds',
  };
  for (const path of Object.values(doc.paths)) {
    for (const op of Object.values(path) as { responses?: Record<string, unknown> }[]) {
      if (!op || typeof op !== 'object' || !('responses' in op)) continue;
      for (const [code, description] of Object.entries(errors)) {
        op.responses![code] ??= {
          description,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
        };
      }
    }
  }
  return doc;
}

/** Swagger UI at /docs and the document at /docs/openapi.json (no token needed). */
export function setupOpenApi(app: INestApplication): void {
  SwaggerModule.setup('docs', app, () => openApiDocument(app), {
    jsonDocumentUrl: 'docs/openapi.json',
    yamlDocumentUrl: 'docs/openapi.yaml',
  });
}

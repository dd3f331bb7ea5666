import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ErrorDto } from '../common/error.dto';

export const DOCS_PATH = 'docs';

/** The OpenAPI document of the contract (shared/contracts/api.md), built from the routes. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('claimtrail API')
    .setDescription(
      'Claims and sources from Arabic and English news articles, and the review workflow around them.\n\n' +
        'Every route but GET /health needs `Authorization: Bearer <api key>`: a missing, unknown or revoked key → 401, a role that may not → 403. ' +
        'Errors are `{statusCode, error, message}`; validation messages name the field. Lists take `limit` (1–200, default 50) and an opaque `cursor` and answer `{items, nextCursor}`. ' +
        'Roles: admin (everything), editor (ingest and correct; everything a reviewer may), reviewer (lease, verdicts, read), auditor (read, audit log, exports).',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key.' })
    .build();
  return SwaggerModule.createDocument(app, config, { extraModels: [ErrorDto] });
}

/** Serves the UI at /docs and the document at /docs-json (both need an API key). */
export function setupSwagger(app: INestApplication): void {
  SwaggerModule.setup(DOCS_PATH, app, () => buildOpenApiDocument(app), {
    raw: ['json'],
    jsonDocumentUrl: `${DOCS_PATH}-json`,
    swaggerOptions: { persistAuthorization: true },
  });
}

import { Controller, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { buildOpenApiDocument } from '../application/openapi-document';
import { RouteCatalogue } from '../application/route-catalogue';
import { EdgeError } from '../domain/edge-error';
import { docsAsset, DOCS_PAGE } from '../infrastructure/swagger-ui-assets';
import { Edge, type EdgeContext } from './edge-context';
import { Endpoint } from './endpoint.decorator';
import { OPERATIONAL_ROUTES } from './operational.routes';

export const OPENAPI_INFO = Symbol('OPENAPI_INFO');

/** GET /docs-json (generated once from the route catalogue) and the /docs page. */
@Controller()
export class DocsController {
  private document?: Record<string, unknown>;

  constructor(
    private readonly catalogue: RouteCatalogue,
    @Inject(OPENAPI_INFO) private readonly info: Parameters<typeof buildOpenApiDocument>[1],
  ) {}

  @Endpoint(OPERATIONAL_ROUTES.docsJson)
  json(): Record<string, unknown> {
    this.document ??= buildOpenApiDocument(this.catalogue.routes, this.info);
    return this.document;
  }

  @Endpoint(OPERATIONAL_ROUTES.docsPage)
  page(@Res() reply: FastifyReply): FastifyReply {
    return reply.type('text/html; charset=utf-8').send(DOCS_PAGE);
  }

  @Endpoint(OPERATIONAL_ROUTES.docsAsset)
  asset(@Edge() edge: EdgeContext<typeof OPERATIONAL_ROUTES.docsAsset>, @Res() reply: FastifyReply): FastifyReply {
    const asset = docsAsset(edge.input.params.file);
    if (!asset) throw new EdgeError('NOT_FOUND', 404, 'no such file');
    return reply.type(asset.contentType).header('cache-control', 'public, max-age=3600').send(asset.body);
  }
}

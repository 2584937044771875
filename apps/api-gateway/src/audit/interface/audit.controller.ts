import { Controller } from '@nestjs/common';
import { toChecksumAddress } from '@liqpass/events';
import { Edge, type EdgeContext } from '../../http-edge/interface/edge-context';
import { Endpoint } from '../../http-edge/interface/endpoint.decorator';
import type { AuditRecord } from '../domain/audit-entry';
import { AuditRepository } from '../infrastructure/audit.repository';
import { AUDIT_ROUTES } from './audit.routes';

const DEFAULT_LIMIT = 50;

@Controller()
export class AuditController {
  constructor(private readonly audit: AuditRepository) {}

  /** `nextBefore` is the cursor of the next (older) page, null on the last one. */
  @Endpoint(AUDIT_ROUTES.list)
  async list(@Edge() edge: EdgeContext<typeof AUDIT_ROUTES.list>): Promise<{ items: AuditRecord[]; nextBefore: string | null }> {
    const { limit = DEFAULT_LIMIT, before, actor, action } = edge.input.query;
    const items = await this.audit.list({ limit, beforeId: before, actor: actor && toChecksumAddress(actor), action });
    return { items, nextBefore: items.length === limit ? items[items.length - 1].id : null };
  }
}

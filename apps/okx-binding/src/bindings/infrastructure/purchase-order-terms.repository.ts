import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { PurchaseOrderTerms, QuoteTerms } from '../../bindings/domain/quote-terms';

interface TermsRow {
  purchase_order_id: string;
  wallet: string;
  inst_id: string;
  pos_side: QuoteTerms['posSide'];
  mgn_mode: QuoteTerms['mgnMode'];
  lever: string;
}

/** The read model PolicyCreated feeds: each purchase order's owner and quoted position terms. */
@Injectable()
export class PurchaseOrderTermsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** PolicyCreated never changes: the first delivery is kept, redeliveries change nothing. */
  async record(manager: EntityManager, terms: PurchaseOrderTerms, quoteExpiresAt: string, sourceEventId: string): Promise<void> {
    await manager.query(
      `INSERT INTO purchase_order_terms (purchase_order_id, wallet, inst_id, pos_side, mgn_mode, lever, quote_expires_at, source_event_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (purchase_order_id) DO NOTHING`,
      [terms.purchaseOrderId, terms.wallet, terms.terms.instId, terms.terms.posSide, terms.terms.mgnMode, terms.terms.lever, quoteExpiresAt, sourceEventId],
    );
  }

  async find(purchaseOrderId: string): Promise<PurchaseOrderTerms | null> {
    const rows: TermsRow[] = await this.dataSource.query(
      `SELECT purchase_order_id, wallet, inst_id, pos_side, mgn_mode, lever FROM purchase_order_terms WHERE purchase_order_id = $1`,
      [purchaseOrderId],
    );
    const row = rows[0];
    if (!row) return null;
    return { purchaseOrderId: row.purchase_order_id, wallet: row.wallet, terms: { instId: row.inst_id, posSide: row.pos_side, mgnMode: row.mgn_mode, lever: row.lever } };
  }
}

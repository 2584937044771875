import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { OutboxWriter } from '@liqpass/messaging';
import type { Logger } from '@liqpass/observability';
import { isOkxClientError, type OkxClientError, type OkxOrder } from '@liqpass/okx-client';
import { LOGGER, RpcError } from '@liqpass/service-kit';
import { LinkedOkxAccounts, type LinkedOkxAccount } from '../../../accounts/infrastructure/linked-okx-accounts';
import { OKX_BINDING_SETTINGS, type OkxBindingSettings } from '../../../config/okx-binding-settings';
import { OkxBindingMetrics } from '../../../shared/infrastructure/okx-binding.metrics';
import { okxRpcError, rethrowOkx } from '../../../shared/interface/okx-rpc-error';
import { BINDING_REFUSAL_STATUS, refuse, type BindingRefusal } from '../../domain/binding-refusal';
import { checkOpeningOrder, checkPosition } from '../../domain/binding-rules';
import { okxMetaOf, type OkxMeta } from '../../domain/okx-meta';
import type { PurchaseOrderTerms } from '../../domain/quote-terms';
import { BindingRepository, bindingConflictOf, type BindingRecord } from '../../infrastructure/binding.repository';
import { PurchaseOrderTermsRepository } from '../../infrastructure/purchase-order-terms.repository';
import type { VerifyBindingCommand } from './verify-binding.command';

export interface VerifyBindingResult {
  readonly purchaseOrderId: string;
  /** `okx_meta_json` for purchase_orders (PRODUCT.md §3). */
  readonly okxMeta: OkxMeta;
  /** True when this purchase order was already bound to this order: nothing new happened. */
  readonly replayed: boolean;
}

/**
 * Binds an OKX opening order to a purchase order after checking with OKX, on the caller's
 * linked account, every rule of PRODUCT.md §2 step 6 and the liquidation-distance control;
 * then records the binding and OkxOrderBound in one transaction. Idempotent per order.
 */
@Injectable()
export class VerifyBindingHandler {
  constructor(
    private readonly linked: LinkedOkxAccounts,
    private readonly terms: PurchaseOrderTermsRepository,
    private readonly bindings: BindingRepository,
    private readonly outbox: OutboxWriter,
    private readonly dataSource: DataSource,
    private readonly metrics: OkxBindingMetrics,
    @Inject(OKX_BINDING_SETTINGS) private readonly settings: OkxBindingSettings,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(command: VerifyBindingCommand): Promise<VerifyBindingResult> {
    const purchaseOrder = await this.purchaseOrder(command);
    const replay = await this.replay(command);
    if (replay) return replay;
    const { terms } = purchaseOrder;
    if (command.instId !== terms.instId) this.refuse(refuse('OKX_ORDER_MISMATCH', `instrument ${command.instId} is not the quoted ${terms.instId}`));
    const accounts = await this.linked.ofWallet(command.wallet);
    if (accounts.length === 0) this.refuse(refuse('OKX_ACCOUNT_NOT_LINKED', 'link a read-only OKX API key first (POST /okx/accounts)'));
    const { linked, order } = await this.findOrder(accounts, command);
    const notOpening = checkOpeningOrder(order, terms);
    if (notOpening) this.refuse(notOpening);
    const positions = await linked.okx.getPositions({ instId: order.instId }).catch((error: unknown) => rethrowOkx(error, 'linked'));
    const verdict = checkPosition({ order, positions: positions.data, terms, minLiqDistanceBps: this.settings.minLiqDistanceBps });
    if (!verdict.ok) this.refuse(verdict.refusal);
    const meta = okxMetaOf(order, verdict.position, verdict.liqPx, linked.account.okxUid, new Date());
    const holder = await this.bindings.findByPosition(meta.okxUid, meta.posId, meta.posCTime);
    if (holder) this.refuse(refuse('POSITION_ALREADY_INSURED', `position ${meta.posId} (opened ${meta.posCTime}) is already insured by another policy`));
    return this.record({ purchaseOrderId: command.purchaseOrderId, wallet: command.wallet, linkedAccountId: linked.account.id, meta }, command);
  }

  /** The purchase order's owner and terms: PolicyCreated's read model first, else the caller's terms. */
  private async purchaseOrder(command: VerifyBindingCommand): Promise<PurchaseOrderTerms> {
    const known = await this.terms.find(command.purchaseOrderId);
    if (known) {
      if (known.wallet !== command.wallet) throw new RpcError('FORBIDDEN', 'this purchase order belongs to another wallet', 403);
      return known;
    }
    if (command.terms) return { purchaseOrderId: command.purchaseOrderId, wallet: command.wallet, terms: command.terms };
    throw new RpcError('PURCHASE_ORDER_NOT_FOUND', `purchase order ${command.purchaseOrderId} is unknown here (no PolicyCreated yet, no terms given)`, 404);
  }

  /** Binding the same order again answers as before; another order for a bound purchase order is refused. */
  private async replay(command: VerifyBindingCommand): Promise<VerifyBindingResult | null> {
    const existing = await this.bindings.findByPurchaseOrder(command.purchaseOrderId);
    if (!existing) return null;
    if (existing.wallet !== command.wallet) throw new RpcError('FORBIDDEN', 'this purchase order belongs to another wallet', 403);
    if (existing.meta.ordId !== command.ordId || existing.meta.instId !== command.instId) {
      this.refuse(refuse('PURCHASE_ORDER_ALREADY_BOUND', `purchase order ${command.purchaseOrderId} is already bound to order ${existing.meta.ordId}`));
    }
    return { purchaseOrderId: existing.purchaseOrderId, okxMeta: existing.meta, replayed: true };
  }

  /**
   * Asks each linked account for the order. "Not found" on one account is normal; any other
   * failure matters only if no account has it, since the order may sit on the failing one.
   */
  private async findOrder(accounts: readonly LinkedOkxAccount[], command: VerifyBindingCommand): Promise<{ linked: LinkedOkxAccount; order: OkxOrder }> {
    const failures: OkxClientError[] = [];
    for (const linked of accounts) {
      try {
        const { data } = await linked.okx.getOrder({ instId: command.instId, ordId: command.ordId });
        const order = data.find((o) => o.ordId === command.ordId);
        if (order) return { linked, order };
      } catch (error) {
        if (!isOkxClientError(error)) throw error;
        if (error.reason !== 'OKX_NOT_FOUND') failures.push(error);
      }
    }
    if (failures[0]) throw okxRpcError(failures[0], 'linked');
    return this.refuse(refuse('OKX_ORDER_NOT_FOUND', `order ${command.ordId} on ${command.instId} is not on any OKX account linked to this wallet`));
  }

  private async record(binding: BindingRecord, command: VerifyBindingCommand): Promise<VerifyBindingResult> {
    const okxOrderBound = binding.meta;
    try {
      await this.dataSource.transaction(async (manager) => {
        await this.bindings.insert(manager, binding);
        await this.outbox.appendNew(manager, 'OkxOrderBound', { purchaseOrderId: binding.purchaseOrderId, ...okxOrderBound });
      });
    } catch (error) {
      const conflict = bindingConflictOf(error);
      if (conflict === 'PURCHASE_ORDER_ALREADY_BOUND') return (await this.replay(command))!;
      if (conflict === 'POSITION_ALREADY_INSURED') this.refuse(refuse(conflict, `position ${binding.meta.posId} is already insured by another policy`));
      throw error;
    }
    this.metrics.bindings.inc();
    this.logger.info({ purchaseOrderId: binding.purchaseOrderId, ordId: binding.meta.ordId, posId: binding.meta.posId, posCTime: binding.meta.posCTime }, 'okx order bound');
    return { purchaseOrderId: binding.purchaseOrderId, okxMeta: binding.meta, replayed: false };
  }

  private refuse(refusal: BindingRefusal): never {
    this.metrics.bindingRefusals.inc({ reason: refusal.code });
    throw new RpcError(refusal.code, refusal.message, BINDING_REFUSAL_STATUS[refusal.code]);
  }
}

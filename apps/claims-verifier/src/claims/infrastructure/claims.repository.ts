import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { EventPayload, EventType } from '@liqpass/events';
import { preparedQuery } from '@liqpass/db';
import { OutboxWriter, type InboxRowCte, type StateChange } from '@liqpass/messaging';
import type { PolicyView } from '../domain/claim-preconditions';
import { canTransition, type ClaimStatus } from '../domain/claim-state-machine';
import { ClaimRpcError } from '../../shared/claim-rpc-error';

export interface ClaimRow {
  id: string;
  purchase_order_id: string;
  claimant: string;
  source: string;
  submit_tx_hash: string | null;
  okx_event_id: string | null;
  status: ClaimStatus;
  reason_code: string | null;
  evidence_root: string | null;
  evidence_json: unknown;
  liquidation_kind: string | null;
  liquidation_time_ms: string | null;
  coverage_window_start: Date | null;
  coverage_window_end: Date | null;
  payout_amount_usdc: string | null;
  payout_cap_usdc: string | null;
  fraud_signals: unknown[];
  approved_by: string | null;
  approved_at: Date | null;
  rejected_reason: string | null;
  multisig_safe: string | null;
  multisig_tx_hash: string | null;
  paid_at: Date | null;
  trace_id: string | null;
  attempts: number;
  verify_deadline_at: Date | null;
  created_at: Date;
  updated_at: Date;
}

/** A claim without its evidence bundle (tens of kB of JSON): what a state change answers. */
export type ClaimSummary = Omit<ClaimRow, 'evidence_json'>;

/** What a transition needs of the claim it moves on, and what a verification starts from. */
export type ClaimKey = Pick<ClaimSummary, 'id' | 'purchase_order_id' | 'status' | 'updated_at'>;

/** The event a state change announces, appended in the same statement. */
export interface Announcement<T extends EventType = EventType> {
  readonly type: T;
  readonly payload: EventPayload<T>;
}

/** An announcement of any one event type. */
export type AnyAnnouncement = { [T in EventType]: Announcement<T> }[EventType];

/** What opening a claim looks at, read in one statement (PRODUCT.md §5 preconditions and fraud controls). */
export interface OpeningContext {
  readonly policy: PolicyView | null;
  /** The policy's open claim (any status but REJECTED), if it has one. */
  readonly openClaim: { readonly id: string; readonly status: ClaimStatus } | null;
  /** Claims of the last 30 days by this wallet and by the policy's OKX uid. */
  readonly recent: { readonly byWallet: number; readonly byOkxUid: number };
  /** Distinct wallets whose policies are bound to the policy's OKX uid. */
  readonly okxUidWallets: string[];
}

/** SQL over the service's own schema (insurance_claims, claim_transitions, policies). */
@Injectable()
export class ClaimsRepository {
  constructor(private readonly outbox: OutboxWriter) {}

  async policy(manager: EntityManager, purchaseOrderId: string): Promise<PolicyView | null> {
    const [row] = (await manager.query('SELECT * FROM policies WHERE purchase_order_id = $1', [purchaseOrderId])) as Record<string, unknown>[];
    return row ? policyView(row) : null;
  }

  /**
   * The policy, its open claim, the recent claims of the claimant and of the policy's OKX uid,
   * and the uid's wallets: one round trip (the claim storm's hot path) where four lookups were.
   * The recent-claims counts are two index lookups, not a scan of every recent claim.
   */
  async openingContext(manager: EntityManager, purchaseOrderId: string, claimant: string): Promise<OpeningContext> {
    const [row] = await preparedQuery<Record<string, unknown>[]>(manager, OPENING_CONTEXT_SQL, [purchaseOrderId, claimant]);
    const policy = prefixed(row!, 'policy__');
    return {
      policy: policy['found'] ? policyView(policy) : null,
      openClaim: row!['open_claim_id'] ? { id: row!['open_claim_id'] as string, status: row!['open_claim_status'] as ClaimStatus } : null,
      recent: { byWallet: row!['by_wallet'] as number, byOkxUid: row!['by_uid'] as number },
      okxUidWallets: row!['uid_wallets'] as string[],
    };
  }

  /** Upserts the given columns of one policy (events arrive in any order). */
  async upsertPolicy(manager: EntityManager, purchaseOrderId: string, columns: Record<string, unknown>): Promise<void> {
    const names = Object.keys(columns);
    const values = names.map((name) => columns[name]);
    await manager.query(
      `INSERT INTO policies (purchase_order_id, ${names.join(', ')}) VALUES ($1, ${names.map((_, i) => `$${i + 2}`).join(', ')})
       ON CONFLICT (purchase_order_id) DO UPDATE SET ${names.map((name) => `${name} = EXCLUDED.${name}`).join(', ')}, updated_at = now()`,
      [purchaseOrderId, ...values],
    );
  }

  async find(manager: EntityManager, id: string, lock = false): Promise<ClaimRow | null> {
    const [row] = (await manager.query(`SELECT * FROM insurance_claims WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id])) as ClaimRow[];
    return row ?? null;
  }

  /**
   * A verification starts (or restarts, after a crash or a retry), with the policy it claims on,
   * in one round trip; null when the claim is no longer VERIFYING. It gets its full
   * VERIFY_DEADLINE_MS with OKX however long it waited its turn: the sweeper's deadline
   * (verify_deadline_at, VERIFY_START_WITHIN_MS after the request) is moved on only when less
   * than that is left. Otherwise — every claim of a storm that started within two minutes of
   * its request — the statement writes nothing: no row version, no WAL, no commit to flush
   * (a transaction that changed no row has no id to commit). Only the claim's key comes back.
   */
  async startVerification(manager: EntityManager, id: string, deadlineMs: number): Promise<{ claim: ClaimKey; policy: PolicyView | null } | null> {
    const rows = await preparedQuery<Record<string, unknown>[]>(manager, START_VERIFICATION_SQL, [id, deadlineMs]);
    const [row] = rows;
    if (!row) return null;
    const claim = Object.fromEntries(Object.entries(row).filter(([name]) => !name.startsWith('policy__')));
    const policy = prefixed(row, 'policy__');
    return { claim: claim as unknown as ClaimKey, policy: policy['found'] ? policyView(policy) : null };
  }

  async openClaimOf(manager: EntityManager, purchaseOrderId: string): Promise<ClaimRow | null> {
    const [row] = (await manager.query(`SELECT * FROM insurance_claims WHERE purchase_order_id = $1 AND status <> 'REJECTED' FOR UPDATE`, [purchaseOrderId])) as ClaimRow[];
    return row ?? null;
  }

  /** A new claim in VERIFYING, its first transition (none → VERIFYING) and the event announcing it: one statement. */
  async insert<T extends EventType>(manager: EntityManager, claim: Partial<ClaimRow> & { id: string; purchase_order_id: string; claimant: string; source: string }, actor: string, announce: Announcement<T>): Promise<ClaimRow> {
    const names = Object.keys(claim);
    const change: StateChange = {
      with: insertText(names),
      gate: 'inserted',
      select: 'SELECT * FROM inserted',
      params: [actor, ...names.map((name) => serialise((claim as Record<string, unknown>)[name]))],
    };
    const { rows } = await this.outbox.appendNewWith<T, ClaimRow>(manager, change, announce.type, announce.payload);
    return rows[0]!;
  }

  /**
   * The one way a claim's status changes: checked against the state machine, guarded by the
   * status it had (a concurrent change makes it refuse), audited — and, given `announce`, its
   * event appended — in the same statement.
   */
  async transition(manager: EntityManager, claim: ClaimKey, to: ClaimStatus, actor: string, reason: string | null, columns: Partial<ClaimRow> = {}, announce?: AnyAnnouncement): Promise<ClaimSummary> {
    const change = transitionChange(claim, to, actor, reason, columns);
    const [updated] = announce
      ? (await this.appendWith<ClaimSummary>(manager, change, announce))
      : await preparedQuery<ClaimSummary[]>(manager, `WITH ${change.with} ${change.select}`, change.params);
    if (!updated) throw new ClaimRpcError('INVALID_STATUS_TRANSITION', `the claim is no longer ${claim.status}`, 409);
    return updated;
  }

  /**
   * A staged consumer's decision as one statement with the event's inbox row (InboxCommit's
   * `inOneStatement`): the row, and — only if this statement recorded it and the claim still
   * has the status it had — the transition, its audit row and its event. `changed` false with
   * `recorded` true: the claim moved on meanwhile (the sweeper), its state stands.
   */
  async transitionRecorded(
    manager: EntityManager,
    inbox: InboxRowCte,
    claim: ClaimKey,
    to: ClaimStatus,
    actor: string,
    reason: string | null,
    columns: Partial<ClaimRow>,
    announce: AnyAnnouncement,
  ): Promise<{ recorded: boolean; changed: boolean }> {
    const [row] = await this.appendWith<{ inbox_recorded: boolean; id: string | null }>(manager, transitionChange(claim, to, actor, reason, columns, inbox), announce);
    return { recorded: row!.inbox_recorded, changed: row!.id !== null };
  }

  private async appendWith<R>(manager: EntityManager, change: StateChange, announce: AnyAnnouncement): Promise<R[]> {
    // The pair (type, payload) is one of the union's; the writer validates the payload against the type's schema.
    return (await this.outbox.appendNewWith<EventType, R>(manager, change, announce.type, announce.payload as EventPayload<EventType>)).rows;
  }

  async history(manager: EntityManager, claimId: string): Promise<unknown[]> {
    return manager.query('SELECT from_status AS "from", to_status AS "to", actor, reason, at FROM claim_transitions WHERE claim_id = $1 ORDER BY id', [claimId]) as Promise<unknown[]>;
  }

  /**
   * One page and the total in one statement (a window count over the filter): this is the
   * gateway's hottest read, and a second round trip for count(*) was a third of its Postgres
   * time. A page past the end has no row to carry the total, so only then is it counted apart.
   */
  async list(manager: EntityManager, filter: { claimant?: string; status?: string; limit: number; offset: number }): Promise<{ items: ClaimRow[]; total: number }> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.claimant) where.push(`claimant = $${params.push(filter.claimant)}`);
    if (filter.status) where.push(`status = $${params.push(filter.status)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const rows = (await manager.query(
      `SELECT *, count(*) OVER ()::int AS total_matching FROM insurance_claims ${clause} ORDER BY created_at DESC, id DESC LIMIT ${filter.limit} OFFSET ${filter.offset}`,
      params,
    )) as (ClaimRow & { total_matching: number })[];
    if (rows.length === 0) {
      if (filter.offset === 0) return { items: [], total: 0 };
      const [{ total }] = (await manager.query(`SELECT count(*)::int AS total FROM insurance_claims ${clause}`, params)) as [{ total: number }];
      return { items: [], total };
    }
    const total = rows[0].total_matching;
    return { items: rows.map(({ total_matching: _, ...row }) => row as ClaimRow), total };
  }

  /** Claims in VERIFYING past their deadline, locked for the sweeper (skipping any being verified); found through the status index. */
  async overdue(manager: EntityManager, limit: number): Promise<ClaimRow[]> {
    return manager.query(`SELECT * FROM insurance_claims WHERE status = 'VERIFYING' AND verify_deadline_at < now() ORDER BY verify_deadline_at LIMIT ${limit} FOR UPDATE SKIP LOCKED`) as Promise<ClaimRow[]>;
  }
}

const SUMMARY_COLUMNS = [
  'id', 'purchase_order_id', 'claimant', 'source', 'submit_tx_hash', 'okx_event_id', 'status', 'reason_code', 'evidence_root', 'liquidation_kind', 'liquidation_time_ms',
  'coverage_window_start', 'coverage_window_end', 'payout_amount_usdc', 'payout_cap_usdc', 'fraud_signals', 'approved_by', 'approved_at', 'rejected_reason', 'multisig_safe',
  'multisig_tx_hash', 'paid_at', 'trace_id', 'attempts', 'verify_deadline_at', 'created_at', 'updated_at',
].join(', ');

const POLICY_COLUMNS = ['purchase_order_id', 'order_id', 'user_wallet', 'chain_id', 'payout_fixed_usdc', 'payout_cap_usdc', 'inst_id', 'pos_side', 'mgn_mode', 'ord_id', 'pos_id', 'pos_c_time', 'okx_uid', 'pos_sz_at_bind', 'bound_at', 'paid_at', 'coverage_start_at', 'coverage_end_at'];

const POLICY_SELECT = POLICY_COLUMNS.map((name) => `p.${name} AS policy__${name}`).join(', ');

// The hot statements' texts, built once: a prepared statement is found by its text.
const OPENING_CONTEXT_SQL = `SELECT p.purchase_order_id IS NOT NULL AS policy__found, ${POLICY_SELECT},
              open_claim.id AS open_claim_id, open_claim.status AS open_claim_status,
              (SELECT count(*) FROM insurance_claims WHERE claimant = $2 AND created_at > now() - interval '30 days')::int AS by_wallet,
              (SELECT count(*) FROM insurance_claims c JOIN policies q ON q.purchase_order_id = c.purchase_order_id
                WHERE q.okx_uid = p.okx_uid AND c.created_at > now() - interval '30 days')::int AS by_uid,
              ARRAY(SELECT DISTINCT w.user_wallet FROM policies w WHERE w.okx_uid = p.okx_uid AND w.user_wallet IS NOT NULL ORDER BY w.user_wallet) AS uid_wallets
         FROM (VALUES (1)) AS one
         LEFT JOIN policies p ON p.purchase_order_id = $1
         LEFT JOIN LATERAL (SELECT id, status FROM insurance_claims WHERE purchase_order_id = $1 AND status <> 'REJECTED' LIMIT 1) AS open_claim ON true`;

const START_VERIFICATION_SQL = `WITH claim AS (
         SELECT id, purchase_order_id, status, updated_at, verify_deadline_at FROM insurance_claims WHERE id = $1 AND status = 'VERIFYING'
       ), extended AS (
         UPDATE insurance_claims c SET verify_deadline_at = now() + make_interval(secs => $2::double precision / 1000)
           FROM claim
          WHERE c.id = claim.id AND c.status = 'VERIFYING'
            AND (claim.verify_deadline_at IS NULL OR claim.verify_deadline_at < now() + make_interval(secs => $2::double precision / 1000))
          RETURNING c.id
       )
       SELECT claim.id, claim.purchase_order_id, claim.status, claim.updated_at, p.purchase_order_id IS NOT NULL AS policy__found, ${POLICY_SELECT}
         FROM claim LEFT JOIN policies p ON p.purchase_order_id = claim.purchase_order_id`;

/** A row of the policies read model as the verifier uses it. */
function policyView(row: Record<string, unknown>): PolicyView {
  return {
    purchaseOrderId: row['purchase_order_id'] as string,
    orderId: row['order_id'] as string | null,
    userWallet: row['user_wallet'] as string | null,
    chainId: row['chain_id'] as number | null,
    payoutFixedUsdc: row['payout_fixed_usdc'] as string | null,
    payoutCapUsdc: row['payout_cap_usdc'] as string | null,
    instId: row['inst_id'] as string | null,
    posSide: row['pos_side'] as string | null,
    mgnMode: row['mgn_mode'] as string | null,
    ordId: row['ord_id'] as string | null,
    posId: row['pos_id'] as string | null,
    posCTime: row['pos_c_time'] as string | null,
    okxUid: row['okx_uid'] as string | null,
    // NUMERIC comes back as text; trailing zeros of the scale are not part of the size.
    posSzAtBind: row['pos_sz_at_bind'] === null || row['pos_sz_at_bind'] === undefined ? null : trimDecimal(row['pos_sz_at_bind'] as string),
    boundAt: row['bound_at'] as Date | null,
    paidAt: row['paid_at'] as Date | null,
    coverageStartAt: row['coverage_start_at'] as Date | null,
    coverageEndAt: row['coverage_end_at'] as Date | null,
  };
}

/**
 * The statement parts of a transition (see `transition`); after `inbox`'s CTE and guarded by it
 * when given, answering then one row: whether the inbox row was recorded, and the claim's
 * columns (null when nothing changed).
 */
function transitionChange(claim: ClaimKey, to: ClaimStatus, actor: string, reason: string | null, columns: Partial<ClaimRow>, inbox?: InboxRowCte): StateChange {
  if (!canTransition(claim.status, to)) throw new ClaimRpcError('INVALID_STATUS_TRANSITION', `a ${claim.status} claim cannot become ${to}`, 409);
  const names = Object.keys(columns);
  const { with: ctes, select } = transitionText(names, inbox);
  return {
    with: ctes,
    gate: 'updated',
    select,
    params: [...(inbox?.params ?? []), claim.id, to, claim.status, actor, reason, ...names.map((name) => serialise((columns as Record<string, unknown>)[name]))],
  };
}

const insertTexts = new Map<string, string>();

/** A new claim's statement text for these columns, built once (see `transitionText`). */
function insertText(names: readonly string[]): string {
  const key = names.join(', ');
  let text = insertTexts.get(key);
  if (!text) {
    text = `inserted AS (
         INSERT INTO insurance_claims (${key}, status) VALUES (${names.map((_, i) => `$${i + 2}`).join(', ')}, 'VERIFYING') RETURNING *
       ), audited AS (
         INSERT INTO claim_transitions (claim_id, from_status, to_status, actor, reason) SELECT id, NULL, 'VERIFYING', $1, NULL FROM inserted
       )`;
    insertTexts.set(key, text);
  }
  return text;
}

const transitionTexts = new Map<string, { readonly with: string; readonly select: string }>();

/**
 * A transition's statement text, built once per shape (the columns it sets, with or without an
 * inbox row) and kept: the same string each time, so the outbox writer and node-postgres find
 * the prepared statement without hashing and comparing ~2 kB of fresh text on every decision.
 */
function transitionText(names: readonly string[], inbox: InboxRowCte | undefined): { readonly with: string; readonly select: string } {
  const key = `${inbox ? `${inbox.with}|${inbox.recorded}` : '-'}|${names.join(',')}`;
  let text = transitionTexts.get(key);
  if (text) return text;
  const o = inbox?.params.length ?? 0;
  const $ = (n: number) => `$${n + o}`;
  text = {
    with: `${inbox ? `${inbox.with}, ` : ''}updated AS (
         UPDATE insurance_claims SET status = ${$(2)}, updated_at = now()${names.map((name, i) => `, ${name} = ${$(i + 6)}`).join('')}
          WHERE id = ${$(1)} AND status = ${$(3)}${inbox ? ` AND ${inbox.recorded}` : ''}
          RETURNING ${SUMMARY_COLUMNS}
       ), audited AS (
         INSERT INTO claim_transitions (claim_id, from_status, to_status, actor, reason) SELECT id, ${$(3)}, ${$(2)}, ${$(4)}, ${$(5)} FROM updated
       )`,
    // Not the evidence it may just have written: parsing it back cost Postgres and this process.
    // With an inbox row, only whether anything changed: its caller has all it needs.
    select: inbox ? `SELECT ${inbox.recorded} AS inbox_recorded, updated.id FROM (VALUES (1)) AS one LEFT JOIN updated ON true` : 'SELECT * FROM updated',
  };
  transitionTexts.set(key, text);
  return text;
}

/** The columns of `row` named `<prefix><name>`, by name. */
function prefixed(row: Record<string, unknown>, prefix: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row)) if (name.startsWith(prefix)) out[name.slice(prefix.length)] = value;
  return out;
}

const serialise = (value: unknown) => (value !== null && typeof value === 'object' && !(value instanceof Date) ? JSON.stringify(value) : value);

function trimDecimal(value: string): string {
  return value.includes('.') ? value.replace(/0+$/, '').replace(/\.$/, '') : value;
}

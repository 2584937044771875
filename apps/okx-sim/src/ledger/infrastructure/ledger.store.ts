import { Injectable } from '@nestjs/common';
import { IdSequence } from '../../shared/domain/id-sequence';
import type { OkxRecord } from '../domain/okx-records';
import type { MgnMode, PositionHistoryState, PositionState, PosSide } from '../domain/position';

/** A stored wire record with the keys the lists filter and page on. */
export interface StoredRecord {
  readonly uid: string;
  /** ordId for orders, billId for fills and bills. */
  readonly id: bigint;
  /** cTime for orders, ts for fills and bills. */
  readonly timeMs: number;
  /** uTime for orders (retention), ts otherwise. */
  readonly updatedMs: number;
  readonly view: OkxRecord;
}

const reuseKey = (uid: string, instId: string, posSide: PosSide, mgnMode: MgnMode) => `${uid}|${instId}|${posSide}|${mgnMode}`;

/** Records per account in the order they were added: every list the API serves is one account's. */
class ByAccount<T> {
  private readonly byUid = new Map<string, T[]>();

  add(uid: string, record: T): void {
    const list = this.byUid.get(uid);
    if (list) list.push(record);
    else this.byUid.set(uid, [record]);
  }

  of(uid: string): T[] {
    return [...(this.byUid.get(uid) ?? [])];
  }

  clear(): void {
    this.byUid.clear();
  }
}

/**
 * Orders, fills, bills, open positions and positions history of every account, in memory, kept
 * per account: a claim storm's reads over thousands of accounts each scanned every account's
 * records, and that scan was most of the simulator's CPU.
 */
@Injectable()
export class LedgerStore {
  readonly ids = new IdSequence();
  private readonly orders = new ByAccount<StoredRecord>();
  private readonly fills = new ByAccount<StoredRecord>();
  private readonly bills = new ByAccount<StoredRecord>();
  private readonly positions = new Map<string, PositionState>();
  /** posIds of each account's open positions, in the order first saved. */
  private readonly positionsByUid = new Map<string, Set<string>>();
  private readonly history = new Map<string, PositionHistoryState>();
  /** History keys of each account, in the order first saved. */
  private readonly historyByUid = new Map<string, Set<string>>();
  private readonly closed = new Map<string, { posId: string; closedAt: number }>();

  addOrder(uid: string, view: OkxRecord): void {
    this.orders.add(uid, { uid, id: BigInt(view.ordId), timeMs: Number(view.cTime), updatedMs: Number(view.uTime), view });
  }

  addFill(uid: string, view: OkxRecord): void {
    this.fills.add(uid, { uid, id: BigInt(view.billId), timeMs: Number(view.ts), updatedMs: Number(view.ts), view });
  }

  addBill(uid: string, view: OkxRecord): void {
    this.bills.add(uid, { uid, id: BigInt(view.billId), timeMs: Number(view.ts), updatedMs: Number(view.ts), view });
  }

  ordersOf(uid: string): StoredRecord[] {
    return this.orders.of(uid);
  }

  fillsOf(uid: string): StoredRecord[] {
    return this.fills.of(uid);
  }

  billsOf(uid: string): StoredRecord[] {
    return this.bills.of(uid);
  }

  openPositions(uid: string): PositionState[] {
    return [...(this.positionsByUid.get(uid) ?? [])].map((posId) => this.positions.get(posId)!);
  }

  allOpenPositions(): PositionState[] {
    return [...this.positions.values()];
  }

  openPosition(uid: string, posId: string): PositionState | undefined {
    const position = this.positions.get(posId);
    return position?.uid === uid ? position : undefined;
  }

  findSamePosition(uid: string, instId: string, posSide: PosSide, mgnMode: MgnMode): PositionState | undefined {
    return this.openPositions(uid).find((p) => p.instId === instId && p.posSide === posSide && p.mgnMode === mgnMode);
  }

  savePosition(position: PositionState): void {
    const previous = this.positions.get(position.posId);
    if (previous && previous.uid !== position.uid) this.positionsByUid.get(previous.uid)?.delete(position.posId);
    this.positions.set(position.posId, position);
    indexUnder(this.positionsByUid, position.uid, position.posId);
  }

  /** Removes a fully closed position and remembers its posId for OKX's 30-day reuse. */
  closePosition(position: PositionState, closedAt: number): void {
    this.positions.delete(position.posId);
    this.positionsByUid.get(position.uid)?.delete(position.posId);
    this.closed.set(reuseKey(position.uid, position.instId, position.posSide, position.mgnMode), { posId: position.posId, closedAt });
  }

  /** The posId OKX would give a new position opened at `at`: the last one's, within 30 days of its close. */
  reusablePosId(uid: string, instId: string, posSide: PosSide, mgnMode: MgnMode, at: number, windowMs: number): string | undefined {
    const last = this.closed.get(reuseKey(uid, instId, posSide, mgnMode));
    return last && at >= last.closedAt && at - last.closedAt <= windowMs ? last.posId : undefined;
  }

  historyOf(uid: string): PositionHistoryState[] {
    return [...(this.historyByUid.get(uid) ?? [])].map((key) => this.history.get(key)!);
  }

  historyFor(posId: string, cTime: number): PositionHistoryState | undefined {
    return this.history.get(`${posId}|${cTime}`);
  }

  saveHistory(record: PositionHistoryState): void {
    const key = `${record.posId}|${record.cTime}`;
    const previous = this.history.get(key);
    if (previous && previous.uid !== record.uid) this.historyByUid.get(previous.uid)?.delete(key);
    this.history.set(key, record);
    indexUnder(this.historyByUid, record.uid, key);
  }

  reset(): void {
    this.orders.clear();
    this.fills.clear();
    this.bills.clear();
    this.positions.clear();
    this.positionsByUid.clear();
    this.history.clear();
    this.historyByUid.clear();
    this.closed.clear();
  }
}

function indexUnder(index: Map<string, Set<string>>, uid: string, key: string): void {
  const keys = index.get(uid);
  if (keys) keys.add(key);
  else index.set(uid, new Set([key]));
}

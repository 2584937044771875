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

/** Orders, fills, bills, open positions and positions history of every account, in memory. */
@Injectable()
export class LedgerStore {
  readonly ids = new IdSequence();
  private readonly orders: StoredRecord[] = [];
  private readonly fills: StoredRecord[] = [];
  private readonly bills: StoredRecord[] = [];
  private readonly positions = new Map<string, PositionState>();
  private readonly history = new Map<string, PositionHistoryState>();
  private readonly closed = new Map<string, { posId: string; closedAt: number }>();

  addOrder(uid: string, view: OkxRecord): void {
    this.orders.push({ uid, id: BigInt(view.ordId), timeMs: Number(view.cTime), updatedMs: Number(view.uTime), view });
  }

  addFill(uid: string, view: OkxRecord): void {
    this.fills.push({ uid, id: BigInt(view.billId), timeMs: Number(view.ts), updatedMs: Number(view.ts), view });
  }

  addBill(uid: string, view: OkxRecord): void {
    this.bills.push({ uid, id: BigInt(view.billId), timeMs: Number(view.ts), updatedMs: Number(view.ts), view });
  }

  ordersOf(uid: string): StoredRecord[] {
    return this.orders.filter((o) => o.uid === uid);
  }

  fillsOf(uid: string): StoredRecord[] {
    return this.fills.filter((f) => f.uid === uid);
  }

  billsOf(uid: string): StoredRecord[] {
    return this.bills.filter((b) => b.uid === uid);
  }

  openPositions(uid: string): PositionState[] {
    return [...this.positions.values()].filter((p) => p.uid === uid);
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
    this.positions.set(position.posId, position);
  }

  /** Removes a fully closed position and remembers its posId for OKX's 30-day reuse. */
  closePosition(position: PositionState, closedAt: number): void {
    this.positions.delete(position.posId);
    this.closed.set(reuseKey(position.uid, position.instId, position.posSide, position.mgnMode), { posId: position.posId, closedAt });
  }

  /** The posId OKX would give a new position opened at `at`: the last one's, within 30 days of its close. */
  reusablePosId(uid: string, instId: string, posSide: PosSide, mgnMode: MgnMode, at: number, windowMs: number): string | undefined {
    const last = this.closed.get(reuseKey(uid, instId, posSide, mgnMode));
    return last && at >= last.closedAt && at - last.closedAt <= windowMs ? last.posId : undefined;
  }

  historyOf(uid: string): PositionHistoryState[] {
    return [...this.history.values()].filter((h) => h.uid === uid);
  }

  historyFor(posId: string, cTime: number): PositionHistoryState | undefined {
    return this.history.get(`${posId}|${cTime}`);
  }

  saveHistory(record: PositionHistoryState): void {
    this.history.set(`${record.posId}|${record.cTime}`, record);
  }

  reset(): void {
    this.orders.length = 0;
    this.fills.length = 0;
    this.bills.length = 0;
    this.positions.clear();
    this.history.clear();
    this.closed.clear();
  }
}

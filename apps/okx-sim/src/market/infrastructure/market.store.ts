import { Injectable } from '@nestjs/common';
import { INSTRUMENTS } from '../domain/instrument';

/** Mark prices per instrument; they start at each instrument's default. */
@Injectable()
export class MarketStore {
  private readonly marks = new Map<string, { markPx: number; ts: number }>();

  markOf(instId: string): { markPx: number; ts: number } {
    const mark = this.marks.get(instId);
    if (mark) return mark;
    const instrument = INSTRUMENTS.find((i) => i.instId === instId);
    if (!instrument) throw new Error(`unknown instrument ${instId}`);
    return { markPx: instrument.defaultMarkPx, ts: 0 };
  }

  setMark(instId: string, markPx: number, ts: number): void {
    this.marks.set(instId, { markPx, ts });
  }

  reset(): void {
    this.marks.clear();
  }
}

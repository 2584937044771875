import { Injectable } from '@nestjs/common';
import { QuoteRepository, type QuoteRecord } from './quote.repository';

const MAX_BATCH = 100;

/**
 * Stores quotes in small groups: quotes arriving together are written by one multi-row INSERT
 * (one round trip, one commit) and each caller is answered once its group is stored. Under
 * load this is the difference between one database write per quote and one per burst.
 */
@Injectable()
export class QuoteWriter {
  private pending: { quote: QuoteRecord; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private scheduled = false;

  constructor(private readonly quotes: QuoteRepository) {}

  store(quote: QuoteRecord): Promise<void> {
    return new Promise((resolve, reject) => {
      this.pending.push({ quote, resolve, reject });
      if (this.pending.length >= MAX_BATCH) this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.scheduled = false;
    const batch = this.pending.splice(0, MAX_BATCH);
    if (batch.length === 0) return;
    this.quotes.insertMany(batch.map((b) => b.quote)).then(
      () => batch.forEach((b) => b.resolve()),
      (error: unknown) => batch.forEach((b) => b.reject(error)),
    );
    if (this.pending.length > 0 && !this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.flush());
    }
  }
}

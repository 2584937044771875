import { Injectable, type BeforeApplicationShutdown } from '@nestjs/common';

/**
 * Injected latency. Pending delays are released at shutdown: an HTTP server waits for its
 * in-flight requests, and a ten-minute "timeout" fault must not hold the process open.
 */
@Injectable()
export class DelayScheduler implements BeforeApplicationShutdown {
  private readonly pending = new Map<NodeJS.Timeout, () => void>();

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        resolve();
      }, ms);
      this.pending.set(timer, resolve);
    });
  }

  releaseAll(): void {
    for (const [timer, resolve] of this.pending) {
      clearTimeout(timer);
      resolve();
    }
    this.pending.clear();
  }

  beforeApplicationShutdown(): void {
    this.releaseAll();
  }
}

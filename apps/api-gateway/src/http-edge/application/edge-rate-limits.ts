import { EdgeError } from '../domain/edge-error';
import { TokenBucketLimiter } from '../domain/token-bucket-limiter';

/**
 * The two request budgets of the edge: per client IP (every request, before anything else)
 * and per signed-in wallet (after the session is checked). Exceeding either is a 429
 * RATE_LIMITED with Retry-After.
 */
export class EdgeRateLimits {
  private readonly byIp: TokenBucketLimiter;
  private readonly byWallet: TokenBucketLimiter;

  constructor(ipPerMinute: number, walletPerMinute: number, now: () => number = Date.now) {
    this.byIp = new TokenBucketLimiter(ipPerMinute, now);
    this.byWallet = new TokenBucketLimiter(walletPerMinute, now);
  }

  takeIp(ip: string): void {
    const decision = this.byIp.take(ip);
    if (!decision.allowed) throw EdgeError.rateLimited(decision.retryAfterSeconds);
  }

  takeWallet(wallet: string): void {
    const decision = this.byWallet.take(wallet.toLowerCase());
    if (!decision.allowed) throw EdgeError.rateLimited(decision.retryAfterSeconds);
  }
}

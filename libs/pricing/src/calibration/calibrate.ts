import { estimatedLiquidationDistance, SECONDS_PER_YEAR, touchProbability } from '../model/barrier';
import { volatilityFromCandles } from '../model/volatility';
import { SeededRandom } from '../testing/random';

/**
 * The calibration check of PRODUCT.md §6: on simulated price paths, the liquidation frequency
 * the model predicts should match the one observed. Each path has a hidden volatility; the
 * model sees only its recent hourly candles (as it sees OKX's), estimates σ, and predicts the
 * probability that the price touches the liquidation price of a position at the bucket's
 * leverage within the coverage; the path then runs on and we record whether it did.
 */
export interface CalibrationOptions {
  readonly seed?: number;
  readonly pathsPerBucket?: number;
  readonly leverages?: readonly number[];
  readonly coverageSeconds?: number;
  /** Monitoring step of the simulated mark price. */
  readonly stepSeconds?: number;
  readonly historyCandles?: number;
  readonly volRange?: readonly [number, number];
  readonly maintenanceMarginRatio?: number;
}

export interface CalibrationRow {
  readonly leverage: number;
  readonly paths: number;
  readonly predicted: number;
  readonly observed: number;
  /** Binomial standard error of the observed frequency at the predicted rate. */
  readonly standardError: number;
  /** (observed − predicted) / standardError. */
  readonly zScore: number;
}

export function calibrate(options: CalibrationOptions = {}): CalibrationRow[] {
  const {
    seed = 7,
    pathsPerBucket = 2000,
    leverages = [3, 5, 10, 20, 50],
    coverageSeconds = 86_400,
    stepSeconds = 10,
    historyCandles = 168,
    volRange = [0.4, 1.2],
    maintenanceMarginRatio = 0.005,
  } = options;
  const random = new SeededRandom(seed);
  return leverages.map((leverage) => {
    let predictedSum = 0;
    let liquidated = 0;
    for (let path = 0; path < pathsPerBucket; path += 1) {
      const sigma = volRange[0] + random.next() * (volRange[1] - volRange[0]);
      const side = random.next() < 0.5 ? 'long' : 'short';
      const candles = hourlyCandles(random, sigma, historyCandles);
      const estimate = volatilityFromCandles(candles, '1H', { floor: 0.01, cap: 10 });
      const distance = estimatedLiquidationDistance(leverage, maintenanceMarginRatio, side);
      predictedSum += touchProbability(distance, estimate!.annualized, coverageSeconds);
      if (touches(random, sigma, distance, side, coverageSeconds, stepSeconds)) liquidated += 1;
    }
    const predicted = predictedSum / pathsPerBucket;
    const observed = liquidated / pathsPerBucket;
    const standardError = Math.sqrt(Math.max(predicted * (1 - predicted), 1e-12) / pathsPerBucket);
    return { leverage, paths: pathsPerBucket, predicted, observed, standardError, zScore: (observed - predicted) / standardError };
  });
}

/** Hourly OKX-shaped candle rows (newest first) of a driftless log-normal walk ending at 100. */
function hourlyCandles(random: SeededRandom, sigma: number, count: number): string[][] {
  const step = sigma * Math.sqrt(3600 / SECONDS_PER_YEAR);
  const closes = [100];
  for (let i = 1; i <= count; i += 1) closes.push(closes[i - 1]! / Math.exp(step * random.normal()));
  return closes.map((close, i) => [String((count - i) * 3_600_000), '', '', '', close.toString()]);
}

/** Runs the mark price forward from the quote and reports whether it touched the liquidation price. */
function touches(random: SeededRandom, sigma: number, distance: number, side: 'long' | 'short', seconds: number, stepSeconds: number): boolean {
  const step = sigma * Math.sqrt(stepSeconds / SECONDS_PER_YEAR);
  let logPrice = 0;
  for (let t = 0; t < seconds; t += stepSeconds) {
    logPrice += step * random.normal();
    if (side === 'long' ? logPrice <= -distance : logPrice >= distance) return true;
  }
  return false;
}

/** The table as printed by the bench. */
export function formatCalibrationTable(rows: readonly CalibrationRow[]): string {
  const header = 'leverage | paths | predicted | observed | std err | z';
  const lines = rows.map(
    (r) => `${`${r.leverage}x`.padStart(8)} | ${String(r.paths).padStart(5)} | ${pct(r.predicted)} | ${pct(r.observed)} | ${pct(r.standardError)} | ${r.zScore.toFixed(2).padStart(5)}`,
  );
  return [header, '-'.repeat(header.length), ...lines].join('\n');
}

const pct = (value: number) => `${(value * 100).toFixed(2)} %`.padStart(9);

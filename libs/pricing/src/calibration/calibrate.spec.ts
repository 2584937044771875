import { describe, expect, it } from 'vitest';
import { calibrate, formatCalibrationTable } from './calibrate';

describe('calibration on simulated paths', () => {
  it('predicts the observed liquidation frequency per leverage bucket within sampling error', () => {
    const rows = calibrate({ seed: 11, pathsPerBucket: 300, leverages: [5, 10, 20], coverageSeconds: 43_200, stepSeconds: 30 });
    for (const row of rows) {
      expect(Math.abs(row.observed - row.predicted)).toBeLessThan(4 * row.standardError + 0.02);
    }
    expect(rows.map((r) => r.predicted)).toEqual([...rows.map((r) => r.predicted)].sort((a, b) => a - b));
    expect(formatCalibrationTable(rows)).toMatch(/leverage \| paths \| predicted \| observed/);
  });
});

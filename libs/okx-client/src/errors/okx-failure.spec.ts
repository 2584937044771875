import { describe, expect, it } from 'vitest';
import { classifyHttpStatus, classifyOkxCode } from './okx-failure';

describe('classifyOkxCode', () => {
  it.each([
    // OKX.md's error table, every row.
    ['50103', 'OKX_KEY_INVALID', false],
    ['50104', 'OKX_KEY_INVALID', false],
    ['50106', 'OKX_UNAVAILABLE', false],
    ['50107', 'OKX_UNAVAILABLE', false],
    ['50105', 'OKX_KEY_INVALID', false],
    ['50111', 'OKX_KEY_INVALID', false],
    ['50112', 'OKX_UNAVAILABLE', false],
    ['50102', 'OKX_UNAVAILABLE', false],
    ['50113', 'OKX_KEY_INVALID', false],
    ['50110', 'OKX_KEY_INVALID', false],
    ['50101', 'OKX_KEY_INVALID', false],
    ['50119', 'OKX_KEY_INVALID', false],
    ['50120', 'OKX_KEY_INVALID', false],
    ['50011', 'OKX_RATE_LIMITED', true],
    ['51603', 'OKX_NOT_FOUND', false],
    ['51001', 'OKX_NOT_FOUND', false],
    // OKX's outage codes.
    ['50001', 'OKX_UNAVAILABLE', true],
    ['50013', 'OKX_UNAVAILABLE', true],
  ] as const)('%s → %s (retry: %s)', (code, reason, retryable) => {
    expect(classifyOkxCode(code)).toEqual({ reason, retryable });
  });

  it('never retries a code it does not know (a business refusal)', () => {
    expect(classifyOkxCode('51000')).toEqual({ reason: 'OKX_UNAVAILABLE', retryable: false });
    expect(classifyOkxCode('59999')).toEqual({ reason: 'OKX_UNAVAILABLE', retryable: false });
  });
});

describe('classifyHttpStatus', () => {
  it('retries 429 and 5xx only', () => {
    expect(classifyHttpStatus(429)).toEqual({ reason: 'OKX_RATE_LIMITED', retryable: true });
    expect(classifyHttpStatus(500)).toEqual({ reason: 'OKX_UNAVAILABLE', retryable: true });
    expect(classifyHttpStatus(503)).toEqual({ reason: 'OKX_UNAVAILABLE', retryable: true });
    expect(classifyHttpStatus(401)).toEqual({ reason: 'OKX_KEY_INVALID', retryable: false });
    expect(classifyHttpStatus(404)).toEqual({ reason: 'OKX_UNAVAILABLE', retryable: false });
  });
});

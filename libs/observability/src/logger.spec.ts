import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { withCorrelationId } from './correlation';
import { createLogger } from './logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  });
  return { lines, stream };
}

describe('createLogger', () => {
  it('writes JSON lines with the service and the current correlation id', () => {
    const { lines, stream } = capture();
    const logger = createLogger('policy', 'info', stream);
    withCorrelationId('corr-123', () => logger.info('linked'));
    logger.info('outside');
    expect(lines[0]).toMatchObject({ service: 'policy', correlationId: 'corr-123', msg: 'linked' });
    expect(lines[1]).not.toHaveProperty('correlationId');
  });

  it('never writes secrets', () => {
    const { lines, stream } = capture();
    const logger = createLogger('okx-binding', 'info', stream);
    logger.info({ secretKey: 'S3CR3T', account: { passphrase: 'PASS-PHRASE' } }, 'linking');
    expect(JSON.stringify(lines[0])).not.toMatch(/S3CR3T|PASS-PHRASE/);
    expect(lines[0]).toMatchObject({ secretKey: '[redacted]', account: { passphrase: '[redacted]' } });
  });
});

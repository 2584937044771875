import pino, { type DestinationStream, type Logger } from 'pino';
import { currentCorrelationId } from './correlation';

/** Field names whose values never reach a log line, wherever they appear. */
const REDACTED_PATHS = [
  'secretKey',
  'passphrase',
  'password',
  'apiKey',
  'privateKey',
  'authorization',
  '*.secretKey',
  '*.passphrase',
  '*.password',
  '*.apiKey',
  '*.privateKey',
  '*.authorization',
  'req.headers.authorization',
  'req.headers["x-internal-key"]',
  'req.headers["ok-access-key"]',
  'req.headers["ok-access-passphrase"]',
];

/** The one logger: structured JSON lines carrying service and correlationId. */
export function createLogger(service: string, level: string = 'info', destination?: DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    base: { service },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    mixin() {
      const correlationId = currentCorrelationId();
      return correlationId ? { correlationId } : {};
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };

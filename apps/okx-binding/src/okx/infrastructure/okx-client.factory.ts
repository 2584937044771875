import { OkxClient } from '@liqpass/okx-client';
import type { OkxBindingSettings } from '../../config/okx-binding-settings';
import type { OkxBindingMetrics } from '../../shared/infrastructure/okx-binding.metrics';

/**
 * The process's one OKX client: its limiter holds every linked key's budget per endpoint.
 * OKX_REQUEST_TIMEOUT_MS bounds each call, retries included: a trader is waiting for the answer.
 */
export function createOkxClient(settings: OkxBindingSettings, metrics: OkxBindingMetrics): OkxClient {
  return new OkxClient({
    baseUrl: settings.okx.baseUrl,
    demoTrading: settings.okx.demoTrading,
    timeoutMs: settings.okx.timeoutMs,
    deadlineMs: settings.okx.timeoutMs,
    onResponse: (raw) => metrics.okxResponses.inc({ path: raw.path, status: String(raw.status) }),
  });
}

import { useEffect, useState } from 'react';
import { getJson } from './gateway-client';

interface HealthReport {
  status: 'ok' | 'down';
  checks: Record<string, { status: 'ok' | 'down'; detail?: string }>;
}

/** Shows the platform's health as the gateway reports it, refreshed every few seconds. */
export function SystemStatus() {
  const [report, setReport] = useState<HealthReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    const load = () =>
      getJson<HealthReport>('/health')
        .then(({ body }) => !cancelled && (setReport(body), setError(null)))
        .catch(() => !cancelled && setError('The gateway is not answering.'));
    void load();
    const timer = setInterval(load, 5000);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, []);

  if (error) return <p role="alert">{error}</p>;
  if (!report) return <p>Checking the platform…</p>;
  return (
    <section aria-label="Platform status">
      <h2>Platform status: {report.status === 'ok' ? 'all services healthy' : 'degraded'}</h2>
      <ul>
        {Object.entries(report.checks).map(([name, check]) => (
          <li key={name} data-status={check.status}>
            {name}: {check.status}
            {check.detail ? ` — ${check.detail}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}

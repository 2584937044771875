import { useEffect, useState } from 'react';
import { api, query } from '../gateway-client';
import type { OkxOrder, Position, PurchaseOrder, Quote } from '../lib/api-types';
import { explainPolicyStatus } from '../lib/statuses';
import { formatDuration } from '../lib/time';
import { showUsdcDecimal } from '../lib/usdc';
import { useSession } from '../session/session-context';
import { Countdown, ErrorNote, Hex } from '../ui/bits';
import { approveAndPay, permitAndPay, permitDomain, PROGRESS_WORDS, type PayMethod, type PayProgress, type PermitDomain } from './checkout';

const COVERAGE_CHOICES = [
  { seconds: 3600, label: '1 hour' },
  { seconds: 4 * 3600, label: '4 hours' },
  { seconds: 24 * 3600, label: '24 hours' },
  { seconds: 7 * 24 * 3600, label: '7 days' },
];

type Step = 'quote' | 'order' | 'bind' | 'pay' | 'done';

/**
 * Quote → purchase order → bind the OKX order → pay, each step's progress shown. Where USDC
 * offers EIP-2612 (FiatToken does) the trader pays with one signature and one transaction
 * (permit + payPremiumWithPermit); approve + pay stays available, and is the only way otherwise.
 */
export function QuoteFlow({ position }: { position: Position }) {
  const { config, wallet } = useSession();
  const [coverageSeconds, setCoverageSeconds] = useState(24 * 3600);
  const [quote, setQuote] = useState<Quote | null>(null);
  const [order, setOrder] = useState<PurchaseOrder | null>(null);
  const [orders, setOrders] = useState<OkxOrder[] | null>(null);
  const [ordId, setOrdId] = useState('');
  const [pay, setPay] = useState<PayProgress[]>([]);
  const [step, setStep] = useState<Step>('quote');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [permit, setPermit] = useState<PermitDomain | null | undefined>(undefined);
  const [method, setMethod] = useState<PayMethod>('permit');

  // Whether the token takes a permit from this wallet: asked once the pay step is reached.
  useEffect(() => {
    if (step !== 'pay' || !wallet || !config) return;
    let cancelled = false;
    void permitDomain(wallet.signer, config.contracts.usdc, config.chainId).then((found) => !cancelled && setPermit(found));
    return () => {
      cancelled = true;
    };
  }, [step, wallet, config]);
  const usePermit = permit != null && method === 'permit';

  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const getQuote = () =>
    run(async () => {
      if (!config) return;
      setQuote(await api.post<Quote>('/quote', { chainId: config.chainId, instId: position.instId, posId: position.posId, coverageSeconds }));
      setOrder(null);
      setStep('order');
    });

  const createOrder = () =>
    run(async () => {
      const created = await api.post<PurchaseOrder>('/purchase_orders', { quoteId: quote!.quoteId });
      setOrder(created);
      const found = await api.get<{ orders: OkxOrder[] }>(`/okx/orders${query({ instId: position.instId, posId: position.posId })}`);
      setOrders(found.orders);
      setOrdId(found.orders.find((o) => o.state === 'filled')?.ordId ?? found.orders[0]?.ordId ?? '');
      setStep('bind');
    });

  const bind = () =>
    run(async () => {
      setOrder(await api.post<PurchaseOrder>(`/purchase_orders/${order!.id}/bind-okx`, { ordId, instId: position.instId }));
      setStep('pay');
    });

  const payPremium = () =>
    run(async () => {
      if (!wallet || !config) throw new Error('Connect the wallet you signed in with.');
      const onProgress = (p: PayProgress) => setPay((prev) => [...prev, p]);
      if (usePermit) await permitAndPay(wallet.signer, config.contracts, permit, quote!.typedData.message, quote!.signature, onProgress);
      else await approveAndPay(wallet.signer, config.contracts, quote!.typedData.message, quote!.signature, onProgress);
      setOrder(await api.get<PurchaseOrder>(`/purchase_orders/${order!.id}`));
      setStep('done');
    });

  return (
    <section aria-labelledby="quote-title" className="card">
      <h2 id="quote-title">
        Insure {position.instId} {position.posSide} {position.lever}×
      </h2>
      <ol className="steps">
        {(['quote', 'order', 'bind', 'pay', 'done'] as const).map((s) => (
          <li key={s} aria-current={s === step ? 'step' : undefined}>
            {s === 'quote' ? 'Quote' : s === 'order' ? 'Create order' : s === 'bind' ? 'Bind OKX order' : s === 'pay' ? 'Pay' : 'Active'}
          </li>
        ))}
      </ol>
      <label>
        Coverage
        <select value={coverageSeconds} onChange={(e) => setCoverageSeconds(Number(e.target.value))} disabled={step !== 'quote' && step !== 'order'}>
          {COVERAGE_CHOICES.map((c) => (
            <option key={c.seconds} value={c.seconds}>
              {c.label}
            </option>
          ))}
        </select>
      </label>{' '}
      <button type="button" onClick={getQuote} disabled={busy || (step !== 'quote' && step !== 'order')}>
        {quote ? 'New quote' : 'Get quote'}
      </button>
      {quote ? <QuoteCard quote={quote} /> : null}
      {step === 'order' ? (
        <button type="button" onClick={createOrder} disabled={busy || Date.parse(quote!.expiresAt) <= Date.now()}>
          Create order
        </button>
      ) : null}
      {step === 'bind' && order ? (
        <div>
          <p>
            Purchase order <Hex value={order.id} /> — {explainPolicyStatus(order.status)}
          </p>
          {orders && orders.length === 0 ? <p className="empty">OKX lists no recent orders for this position.</p> : null}
          <label>
            Opening OKX order
            <select value={ordId} onChange={(e) => setOrdId(e.target.value)}>
              {(orders ?? []).map((o) => (
                <option key={o.ordId} value={o.ordId}>
                  {o.ordId} — {o.side} {o.sz} @ {o.avgPx} ({o.state})
                </option>
              ))}
            </select>
          </label>{' '}
          <button type="button" onClick={bind} disabled={busy || !ordId}>
            Bind order
          </button>
        </div>
      ) : null}
      {step === 'pay' ? (
        <div>
          <p>Bound to OKX order {order?.okxMeta?.ordId ?? ordId}.</p>
          {permit === undefined ? <p aria-busy="true">Checking whether USDC takes a permit…</p> : null}
          {permit ? (
            <fieldset>
              <legend>How to pay {showUsdcDecimal(quote!.premiumUsdc)}</legend>
              <label className="inline">
                <input type="radio" name="pay-method" checked={method === 'permit'} onChange={() => setMethod('permit')} /> One signature: a permit for exactly the
                premium, then one transaction that pays
              </label>
              <label className="inline">
                <input type="radio" name="pay-method" checked={method === 'approve'} onChange={() => setMethod('approve')} /> Two transactions: approve exactly the
                premium, then pay
              </label>
            </fieldset>
          ) : permit === null ? (
            <p>Your wallet approves exactly the premium, then pays the signed quote (this token offers no permit).</p>
          ) : null}
          <button type="button" onClick={payPremium} disabled={busy || permit === undefined}>
            {busy ? 'Paying…' : `Pay ${showUsdcDecimal(quote!.premiumUsdc)}`}
          </button>
        </div>
      ) : null}
      {pay.length ? (
        <ul aria-label="Payment progress" role="status">
          {pay.map((p, i) => (
            <li key={i}>
              {PROGRESS_WORDS[p.step]} {p.txHash ? <Hex value={p.txHash} /> : null}
            </li>
          ))}
        </ul>
      ) : null}
      {step === 'done' && order ? (
        <p role="status">
          Paid. The policy becomes active once the payment has {config?.confirmations ?? 'enough'} confirmations — follow it under My policies (now:{' '}
          {order.status}).
        </p>
      ) : null}
      <ErrorNote error={error} />
    </section>
  );
}

function QuoteCard({ quote }: { quote: Quote }) {
  return (
    <dl className="quote" aria-label="Quote">
      <dt>Premium</dt>
      <dd data-testid="quote-premium">{showUsdcDecimal(quote.premiumUsdc)}</dd>
      <dt>Payout if liquidated</dt>
      <dd>{showUsdcDecimal(quote.payoutFixedUsdc)}</dd>
      <dt>Payout cap</dt>
      <dd>{showUsdcDecimal(quote.payoutCapUsdc)}</dd>
      <dt>Coverage</dt>
      <dd>
        {formatDuration(quote.coverageSeconds)}
        {quote.waitingPeriodSeconds ? `, after a ${formatDuration(quote.waitingPeriodSeconds)} waiting period` : ''}
      </dd>
      <dt>What counts</dt>
      <dd>A full or partial liquidation of this position shown by OKX inside the coverage window (partial pays pro rata). ADL, delivery and manual closes do not count.</dd>
      <dt>Quote expires in</dt>
      <dd>
        <Countdown to={quote.expiresAt} />
      </dd>
    </dl>
  );
}

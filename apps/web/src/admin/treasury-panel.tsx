import { showUsdcBaseUnits } from '../lib/usdc';
import { Time } from '../ui/bits';

/** GET /admin/reconciliation `treasury`, as payment-listener relays it from the payout service. */
export type TreasuryReport =
  | {
      readonly available: true;
      readonly safeAddress: string;
      readonly balanceUsdc: string;
      readonly pendingPayoutsUsdc: string;
      readonly floorUsdc: string;
      readonly hotBalanceCeilingUsdc: string;
      readonly alerts: readonly { readonly kind: string; readonly detail: string }[];
      readonly checkedAt: string;
    }
  | { readonly available: false; readonly reason: string };

const ALERT_TITLES: Record<string, string> = {
  TREASURY_BELOW_FLOOR: 'The treasury is below its floor: new payouts are held until it is topped up.',
  TREASURY_ABOVE_CEILING: 'The treasury holds more than its hot-balance ceiling: move the excess to cold storage.',
};

/** The treasury Safe's balance against its floor and ceiling, with the alerts first. */
export function TreasuryPanel({ treasury }: { treasury: TreasuryReport | undefined }) {
  if (!treasury) return null;
  if (!treasury.available) {
    return (
      <p role="status" className="warning">
        Treasury status unavailable: {treasury.reason}.
      </p>
    );
  }
  return (
    <div aria-label="Treasury">
      {treasury.alerts.length === 0 ? (
        <p role="status">Treasury within its floor and ceiling.</p>
      ) : (
        <ul role="alert">
          {treasury.alerts.map((alert) => (
            <li key={alert.kind}>
              <strong>{ALERT_TITLES[alert.kind] ?? alert.kind}</strong> {alert.detail}
            </li>
          ))}
        </ul>
      )}
      <dl>
        <dt>Safe</dt>
        <dd>
          <code>{treasury.safeAddress}</code>
        </dd>
        <dt>Balance</dt>
        <dd>{showUsdcBaseUnits(treasury.balanceUsdc)}</dd>
        <dt>Pending payouts</dt>
        <dd>{showUsdcBaseUnits(treasury.pendingPayoutsUsdc)}</dd>
        <dt>Floor / hot-balance ceiling</dt>
        <dd>
          {showUsdcBaseUnits(treasury.floorUsdc)} / {showUsdcBaseUnits(treasury.hotBalanceCeilingUsdc)}
        </dd>
        <dt>Checked</dt>
        <dd>
          <Time value={treasury.checkedAt} />
        </dd>
      </dl>
    </div>
  );
}

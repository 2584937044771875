import { AuditPage, DeadLettersPage, ReconciliationPage } from './admin/ops-pages';
import { ClaimDetailPage } from './admin/claim-detail';
import { ClaimQueuePage } from './admin/claim-queue';
import { PayoutsPage } from './admin/payouts';
import { Link, usePath } from './router';
import { isAdmin, SessionProvider, useSession } from './session/session-context';
import { SystemStatus } from './system-status';
import { MyClaimsPage } from './trader/my-claims';
import { MyPoliciesPage } from './trader/my-policies';
import { PositionsPage } from './trader/positions';
import { WalletPanel } from './wallet/wallet-panel';
import './styles.css';

export function App() {
  return (
    <SessionProvider>
      <Shell />
    </SessionProvider>
  );
}

const TRADER_NAV = [
  ['/', 'Insure a position'],
  ['/policies', 'My policies'],
  ['/claims', 'My claims'],
] as const;
const ADMIN_NAV = [
  ['/admin', 'Claims'],
  ['/admin/payouts', 'Payouts'],
  ['/admin/reconciliation', 'Reconciliation'],
  ['/admin/dead-letters', 'Dead letters'],
  ['/admin/audit', 'Audit log'],
] as const;

function Shell() {
  const path = usePath();
  const { session } = useSession();
  const inAdmin = path.startsWith('/admin');
  return (
    <>
      <a href="#main" className="skip">
        Skip to content
      </a>
      <header>
        <h1>
          <Link to="/">LiqPass</Link>
        </h1>
        {session ? (
          <nav aria-label={inAdmin ? 'Admin' : 'Trader'}>
            {(inAdmin ? ADMIN_NAV : TRADER_NAV).map(([to, label]) => (
              <Link key={to} to={to}>
                {label}
              </Link>
            ))}
            {isAdmin(session) ? <Link to={inAdmin ? '/' : '/admin'}>{inAdmin ? 'Trader pages' : 'Admin console'}</Link> : null}
          </nav>
        ) : null}
      </header>
      <main id="main">
        <WalletPanel />
        {session ? <Page path={path} admin={isAdmin(session)} /> : <Welcome />}
      </main>
    </>
  );
}

function Page({ path, admin }: { path: string; admin: boolean }) {
  if (path.startsWith('/admin')) {
    if (!admin) return <p role="alert">The admin console needs a wallet with an admin role (reviewer, finance or superadmin).</p>;
    const claim = /^\/admin\/claims\/([0-9a-f-]{36})$/i.exec(path);
    if (claim) return <ClaimDetailPage id={claim[1]!} />;
    if (path === '/admin/payouts') return <PayoutsPage />;
    if (path === '/admin/reconciliation') return <ReconciliationPage />;
    if (path === '/admin/dead-letters') return <DeadLettersPage />;
    if (path === '/admin/audit') return <AuditPage />;
    return <ClaimQueuePage />;
  }
  if (path === '/policies') return <MyPoliciesPage />;
  if (path === '/claims') return <MyClaimsPage />;
  return <PositionsPage />;
}

function Welcome() {
  return (
    <>
      <p>Liquidation insurance for one open OKX position, paid in USDC, claims checked against OKX itself.</p>
      <SystemStatus />
    </>
  );
}

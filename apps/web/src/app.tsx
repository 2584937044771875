import { lazy, Suspense } from 'react';
import { sectionsFor } from './admin/admin-sections';
import { Link, usePath } from './router';
import { isAdmin, SessionProvider, useSession } from './session/session-context';
import { SystemStatus } from './system-status';
import { WalletPanel } from './wallet/wallet-panel';
import './styles.css';

// Only the shell, the sign-in panel and the status list are in the first chunk. Each trader page
// and the whole admin console load when first opened; ethers (most of the weight) comes with
// the first page or wallet that needs it.
const PositionsPage = lazy(async () => ({ default: (await import('./trader/positions')).PositionsPage }));
const MyPoliciesPage = lazy(async () => ({ default: (await import('./trader/my-policies')).MyPoliciesPage }));
const MyClaimsPage = lazy(async () => ({ default: (await import('./trader/my-claims')).MyClaimsPage }));
const AdminConsole = lazy(async () => ({ default: (await import('./admin/admin-console')).AdminConsole }));

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

function Shell() {
  const path = usePath();
  const { session } = useSession();
  const inAdmin = path.startsWith('/admin');
  const adminNav = sectionsFor(session?.roles ?? []);
  const nav: readonly (readonly [string, string])[] = inAdmin ? adminNav.map((s) => [s.path, s.label] as const) : TRADER_NAV;
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
            {nav.map(([to, label]) => (
              <Link key={to} to={to}>
                {label}
              </Link>
            ))}
            {adminNav.length ? <Link to={inAdmin ? '/' : adminNav[0]!.path}>{inAdmin ? 'Trader pages' : 'Admin console'}</Link> : null}
          </nav>
        ) : null}
      </header>
      <main id="main">
        <WalletPanel />
        {session ? (
          <Suspense fallback={<p aria-busy="true">Loading the page…</p>}>
            <Page path={path} roles={session.roles} admin={isAdmin(session)} />
          </Suspense>
        ) : (
          <Welcome />
        )}
      </main>
    </>
  );
}

function Page({ path, roles, admin }: { path: string; roles: readonly string[]; admin: boolean }) {
  if (path.startsWith('/admin')) {
    if (!admin) return <p role="alert">The admin console needs a wallet with an admin role (reviewer, finance or superadmin).</p>;
    return <AdminConsole path={path} roles={roles} />;
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

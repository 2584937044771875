import { SystemStatus } from './system-status';

export function App() {
  return (
    <main>
      <h1>LiqPass</h1>
      <p>Liquidation insurance for one open OKX position, paid in USDC, claims checked against OKX itself.</p>
      <SystemStatus />
    </main>
  );
}

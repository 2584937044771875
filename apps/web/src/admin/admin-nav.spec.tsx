import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../app';
import { sectionsFor } from './admin-sections';

const CONFIG = { chainId: 8453, rpcUrl: 'http://127.0.0.1:8545', confirmations: 2, contracts: { usdc: '0x1', checkout: '0x2', treasurySafe: '0x3' }, okxBaseUrl: '' };

/** A signed-in tab (the session as sign-in stored it) at `path`; the gateway answers /config and an empty list to everything else. */
function openAs(roles: string[], path: string) {
  const session = { token: 't', address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', roles, expiresAt: new Date(Date.now() + 3_600_000).toISOString() };
  sessionStorage.setItem('liqpass.session', JSON.stringify({ session }));
  window.history.pushState(null, '', path);
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (url === '/api/config') return new Response(JSON.stringify(CONFIG));
      if (url === '/api/health') return new Response(JSON.stringify({ status: 'ok', checks: {} }));
      return new Response(JSON.stringify({ items: [], total: 0, runs: [], latest: null, chainId: 8453 }));
    }),
  );
  render(<App />);
}

const navLinks = async (name: 'Admin' | 'Trader') => within(await screen.findByRole('navigation', { name })).getAllByRole('link').map((a) => a.textContent);

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  sessionStorage.clear();
  window.history.pushState(null, '', '/');
});

describe('the admin navigation, by the signed-in wallet’s roles', () => {
  it('a reviewer sees claims, payouts and the audit log — not finance’s or the superadmin’s sections', async () => {
    openAs(['reviewer'], '/admin');
    expect(await navLinks('Admin')).toEqual(['Claims', 'Payouts', 'Audit log', 'Trader pages']);
    expect(await screen.findByRole('heading', { name: 'Claims' })).toBeTruthy();
  });

  it('finance sees payouts, reconciliation and dead letters as well, but not roles', async () => {
    openAs(['finance'], '/admin/reconciliation');
    expect(await navLinks('Admin')).toEqual(['Claims', 'Payouts', 'Reconciliation', 'Dead letters', 'Audit log', 'Trader pages']);
    expect(await screen.findByRole('heading', { name: 'Reconciliation' })).toBeTruthy();
  });

  it('a superadmin sees roles, dead letters and the audit log, and /admin opens the first of them', async () => {
    openAs(['superadmin'], '/admin');
    expect(await navLinks('Admin')).toEqual(['Dead letters', 'Audit log', 'Roles', 'Trader pages']);
    expect(await screen.findByRole('heading', { name: 'Dead letters' })).toBeTruthy();
  });

  it('a wallet with several roles sees the union, in nav order', () => {
    expect(sectionsFor(['reviewer', 'superadmin']).map((s) => s.label)).toEqual(['Claims', 'Payouts', 'Dead letters', 'Audit log', 'Roles']);
    expect(sectionsFor([])).toEqual([]);
  });

  it('a section typed into the address bar without its role says which role it needs, and calls nothing', async () => {
    openAs(['reviewer'], '/admin/reconciliation');
    expect((await screen.findByRole('alert')).textContent).toBe('Reconciliation needs the role finance; this wallet holds reviewer.');
    const calls = vi.mocked(fetch).mock.calls.map(([url]) => String(url));
    expect(calls.some((u) => u.startsWith('/api/admin/reconciliation'))).toBe(false);
  });

  it('a trader has no admin console link at all', async () => {
    openAs([], '/');
    expect(await navLinks('Trader')).toEqual(['Insure a position', 'My policies', 'My claims']);
  });
});

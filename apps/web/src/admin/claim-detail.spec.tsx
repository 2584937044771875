import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { evidenceLeaf, sortedPairRoot } from '../evidence/evidence-root';
import { SessionProvider } from '../session/session-context';
import { ClaimDetailPage } from './claim-detail';

const ID = '0190d0c4-7a5e-7c2a-9a4b-1f2e3d4c5b6a';
const CONFIG = { chainId: 8453, rpcUrl: 'http://127.0.0.1:8545', confirmations: 2, contracts: { usdc: '0x1', checkout: '0x2', treasurySafe: '0x3' }, okxBaseUrl: '' };
const items = [
  { name: 'positions-history', request: { method: 'GET', path: '/api/v5/account/positions-history', query: { type: '3' } }, status: 200, fetchedAt: '2026-01-01T00:00:01.000Z', body: { code: '0', data: [{ posId: '7', type: '3' }] } },
  { name: 'bills', request: { method: 'GET', path: '/api/v5/account/bills', query: {} }, status: 200, fetchedAt: '2026-01-01T00:00:02.000Z', body: { code: '0', data: [] } },
];
const leaves = items.map(evidenceLeaf);
const root = sortedPairRoot(leaves);
const bundle = { claimId: ID, orderId: '0x01', items, leaves, root, summary: { kind: 'FULL' }, signature: '0x', signer: '0x' };
const detail = {
  claim: { id: ID, status: 'VERIFIED_PENDING_REVIEW', evidenceRoot: root, reasonCode: null, payoutAmountUsdc: '500', payoutCapUsdc: '500' },
  policy: null,
  // What GET /admin/claims/:id carries: the items without their bodies.
  evidence: { root, signer: '0x', items: items.map(({ name, request, status, fetchedAt }) => ({ name, path: request.path, status, fetchedAt })), summary: { kind: 'FULL' } },
  rootCheck: { ok: true, recomputedRoot: root, recoveredSigner: '0x', problems: [] },
  fraudSignals: [],
  history: [],
};

function open(roles: string[], served: unknown) {
  const session = { token: 't', address: '0x70997970C51812dc3A010C7d01b50e0d17dc79C8', roles, expiresAt: new Date(Date.now() + 3_600_000).toISOString() };
  sessionStorage.setItem('liqpass.session', JSON.stringify({ session }));
  const fetchMock = vi.fn(async (url: string) => {
    if (url === '/api/config') return new Response(JSON.stringify(CONFIG));
    if (url === `/api/admin/claims/${ID}`) return new Response(JSON.stringify(detail));
    if (url === `/api/admin/claims/${ID}/evidence`) return new Response(JSON.stringify(served));
    return new Response('{}', { status: 404 });
  });
  vi.stubGlobal('fetch', fetchMock);
  render(
    <SessionProvider>
      <ClaimDetailPage id={ID} />
    </SessionProvider>,
  );
  return fetchMock;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

describe('the admin claim detail', () => {
  it('loads the sealed bundle for a reviewer and marks the root recomputed in the browser ✓, with the raw bodies', async () => {
    open(['reviewer'], bundle);
    const mark = await screen.findByTestId('root-check');
    expect(mark.getAttribute('data-ok')).toBe('true');
    expect(mark.textContent).toContain('✓');
    expect(screen.getByText(/"posId": "7"/)).toBeTruthy();
  });

  it('marks ✗ when a body in the served bundle was altered after sealing', async () => {
    const tampered = structuredClone(bundle);
    (tampered.items[0]!.body.data[0] as { posId: string }).posId = '8';
    open(['reviewer'], tampered);
    const mark = await screen.findByTestId('root-check');
    expect(mark.getAttribute('data-ok')).toBe('false');
    expect(mark.textContent).toContain('leaf 0 does not match item 0');
  });

  it('flags a bundle that is internally consistent but sealed with another root than the claim', async () => {
    const other = { ...bundle, items: [items[0]], leaves: [leaves[0]], root: leaves[0] };
    open(['reviewer'], other);
    expect((await screen.findByTestId('root-check')).getAttribute('data-ok')).toBe('true');
    expect((await screen.findByRole('alert')).textContent).toMatch(/different root than the claim/);
  });

  it('does not ask for the raw bundle for finance, and shows the verifier’s own check instead', async () => {
    const fetchMock = open(['finance'], bundle);
    expect(await screen.findByText(/shown to reviewers only/)).toBeTruthy();
    expect(screen.queryByTestId('root-check')).toBeNull();
    expect(fetchMock.mock.calls.some(([url]) => String(url).endsWith('/evidence'))).toBe(false);
  });
});

import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SessionProvider } from '../session/session-context';
import { WalletPanel } from './wallet-panel';

const config = (chainId: number) => ({ chainId, rpcUrl: 'http://127.0.0.1:8545', confirmations: 2, contracts: { usdc: '0x1', checkout: '0x2', treasurySafe: '0x3' }, okxBaseUrl: '' });

function serveConfig(chainId: number) {
  const calls: { url: string; body?: string }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url, body: init?.body as string | undefined });
      if (url === '/api/config') return new Response(JSON.stringify(config(chainId)), { status: 200 });
      if (url === '/api/auth/siwe/nonce') return new Response(JSON.stringify({ nonce: 'n0nce12345678', expiresAt: '' }), { status: 201 });
      if (url === '/api/auth/siwe/verify')
        return new Response(JSON.stringify({ error: 'UNAUTHORIZED', message: 'the message is for domain x, not localhost:3000', traceId: 't-1' }), { status: 401 });
      return new Response('{}', { status: 404 });
    }),
  );
  return calls;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  sessionStorage.clear();
});

describe('WalletPanel', () => {
  it('offers the DEVELOPMENT ONLY wallet on the local chain, signs in with SIWE for the gateway domain, and shows a refusal in words', async () => {
    const calls = serveConfig(31337);
    render(
      <SessionProvider>
        <WalletPanel />
      </SessionProvider>,
    );
    expect(await screen.findByText(/DEVELOPMENT ONLY/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Development account'), { target: { value: '7' } });
    fireEvent.click(screen.getByRole('button', { name: 'Use development account' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Sign in' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('UNAUTHORIZED');
    expect(alert.textContent).toContain('trace t-1');
    const verify = calls.find((c) => c.url === '/api/auth/siwe/verify');
    const { message } = JSON.parse(verify!.body!) as { message: string };
    expect(message).toMatch(/^localhost:3000 wants you to sign in/);
    expect(message).toContain('0x14dC79964da2C08b23698B3D3cc7Ca32193d9955'); // anvil account 7
    expect(message).toContain('Nonce: n0nce12345678');
  });

  it('never shows the development wallet on another chain', async () => {
    serveConfig(8453);
    render(
      <SessionProvider>
        <WalletPanel />
      </SessionProvider>,
    );
    await waitFor(() => expect(screen.getByText(/Sign in with your wallet/)).toBeTruthy());
    expect(screen.queryByText(/DEVELOPMENT ONLY/)).toBeNull();
  });
});

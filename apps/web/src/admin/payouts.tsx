import { useState } from 'react';
import type { Signer, TypedDataField } from 'ethers';
import { api, query } from '../gateway-client';
import type { Page, Payout } from '../lib/api-types';
import { showUsdcBaseUnits } from '../lib/usdc';
import { hasRole, useSession } from '../session/session-context';
import { ErrorNote, Hex, Loadable, StatusBadge, Time } from '../ui/bits';
import { useAsync } from '../ui/use-async';
import { connectDevWallet, DEV_CHAIN_ID } from '../wallet/wallet';

/** An owner's EIP-712 signature of the payout's SafeTx (the domain type is implied, as ethers wants it). */
export async function signSafeTx(signer: Signer, typedData: NonNullable<Payout['typedData']>): Promise<string> {
  const { EIP712Domain: _domain, ...types } = typedData.types;
  return signer.signTypedData(typedData.domain, types as Record<string, TypedDataField[]>, typedData.message);
}

/**
 * Payouts: each Safe transaction with its signatures; an owner signs with the connected wallet
 * (or, on the local chain, a development owner account), finance posts it, and executes once
 * the threshold is met. The two-person rule is the service's: the approver cannot execute.
 */
export function PayoutsPage() {
  const { session, wallet, config } = useSession();
  const [status, setStatus] = useState('');
  const state = useAsync(() => api.get<Page<Payout>>(`/admin/payouts${query({ status: status || undefined })}`), status, 5000);
  const [ownerIndex, setOwnerIndex] = useState<number | ''>('');
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [executed, setExecuted] = useState<Record<string, string>>({});

  const signingWallet = async () => (ownerIndex !== '' && config ? connectDevWallet(ownerIndex, config.rpcUrl) : wallet);

  const run = async (id: string, action: () => Promise<void>) => {
    setBusy(id);
    setError(null);
    try {
      await action();
      state.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };

  const sign = (p: Payout) =>
    run(p.id, async () => {
      const signer = await signingWallet();
      if (!signer) throw new Error('Connect a Safe owner wallet.');
      const signature = await signSafeTx(signer.signer, p.typedData!);
      await api.post(`/admin/payouts/${p.id}/signatures`, { signer: signer.address, signature });
    });

  const execute = (p: Payout) =>
    run(p.id, async () => {
      const { txHash } = await api.post<{ txHash: string }>(`/admin/payouts/${p.id}/execute`);
      setExecuted((prev) => ({ ...prev, [p.id]: txHash }));
    });

  return (
    <section aria-labelledby="payouts-title" className="card">
      <h2 id="payouts-title">Payouts</h2>
      <label>
        Status{' '}
        <select value={status} onChange={(e) => setStatus(e.target.value)}>
          <option value="">all</option>
          {['HELD', 'PROPOSED', 'EXECUTING', 'EXECUTED', 'FLAGGED'].map((s) => (
            <option key={s}>{s}</option>
          ))}
        </select>
      </label>
      {config?.chainId === DEV_CHAIN_ID ? (
        <label className="dev-wallet">
          {' '}
          Sign as (DEVELOPMENT ONLY){' '}
          <select value={ownerIndex} onChange={(e) => setOwnerIndex(e.target.value === '' ? '' : Number(e.target.value))} aria-label="Signing owner">
            <option value="">the connected wallet</option>
            {[3, 4, 5].map((i) => (
              <option key={i} value={i}>
                dev Safe owner #{i}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      <ErrorNote error={error} />
      <Loadable state={state} empty="No payouts." isEmpty={(d) => d.items.length === 0}>
        {(data) => (
          <ul className="payouts">
            {data.items.map((p) => (
              <li key={p.id} data-payout-id={p.id} data-claim-id={p.claimId}>
                <StatusBadge status={p.status} /> {showUsdcBaseUnits(p.amountUsdc)} to <Hex value={p.recipient} /> for claim <Hex value={p.claimId} />
                <p className="muted">
                  Safe <Hex value={p.safeAddress} /> nonce {p.nonce ?? '—'}, SafeTx <Hex value={p.safeTxHash} />, approved by <Hex value={p.approvedBy} />,
                  created <Time value={p.createdAt} />
                  {p.heldReason ? `; held: ${p.heldReason}` : ''}
                  {p.lastError ? `; last error: ${p.lastError}` : ''}
                </p>
                <p>
                  Signatures ({p.signatures.length}):{' '}
                  {p.signatures.length
                    ? p.signatures.map((s) => (
                        <span key={s.signer}>
                          <Hex value={s.signer} />{' '}
                        </span>
                      ))
                    : 'none yet'}
                </p>
                {p.txHash || executed[p.id] ? (
                  <p>
                    Executed in <Hex value={p.txHash ?? executed[p.id]} />
                  </p>
                ) : null}
                {p.status === 'PROPOSED' && p.typedData ? (
                  <button type="button" disabled={busy === p.id} onClick={() => void sign(p)}>
                    Sign SafeTx
                  </button>
                ) : null}{' '}
                {p.status === 'PROPOSED' && hasRole(session, 'finance') ? (
                  <button type="button" disabled={busy === p.id} onClick={() => void execute(p)}>
                    Execute
                  </button>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </Loadable>
    </section>
  );
}

import { useState } from 'react';
import { useSession } from '../session/session-context';
import { ErrorNote, Hex } from '../ui/bits';
import { connectDevWallet, connectInjectedWallet, DEV_ACCOUNT_ROLES, DEV_CHAIN_ID, hasInjectedWallet } from './wallet';

/**
 * Connect and sign in. The development wallet appears only when `/config` names the local
 * chain (31337): its keys come from anvil's public mnemonic and are worthless anywhere else.
 */
export function WalletPanel() {
  const { config, configError, wallet, session, connect, signIn, signOut } = useSession();
  const [devIndex, setDevIndex] = useState(6);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const run = async (action: () => Promise<void> | void) => {
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

  if (configError) return <p role="alert">The gateway is not answering ({configError}).</p>;
  if (!config) return <p aria-busy="true">Loading the chain configuration…</p>;

  if (session) {
    return (
      <section aria-label="Account" className="wallet-panel">
        <p>
          Signed in as <Hex value={session.address} />
          {session.roles.length ? ` — roles: ${session.roles.join(', ')}` : ''}
          {wallet?.kind === 'dev' ? <span className="dev-badge"> dev account {wallet.devIndex}</span> : null}
        </p>
        <button type="button" onClick={signOut}>
          Sign out
        </button>
      </section>
    );
  }

  return (
    <section aria-label="Sign in" className="wallet-panel">
      <h2>Sign in with your wallet</h2>
      {hasInjectedWallet() ? (
        <button type="button" disabled={busy} onClick={() => run(async () => connect(await connectInjectedWallet(config.chainId)))}>
          Connect browser wallet
        </button>
      ) : (
        <p className="muted">No browser wallet (such as MetaMask) was found.</p>
      )}
      {config.chainId === DEV_CHAIN_ID ? (
        <fieldset className="dev-wallet">
          <legend>DEVELOPMENT ONLY — built-in test wallet</legend>
          <p className="warning">Uses anvil&apos;s public test keys. Never use it with real funds; it exists only on the local chain.</p>
          <label>
            Account
            <select value={devIndex} onChange={(e) => setDevIndex(Number(e.target.value))} aria-label="Development account">
              {Object.entries(DEV_ACCOUNT_ROLES).map(([index, role]) => (
                <option key={index} value={index}>
                  #{index} — {role}
                </option>
              ))}
            </select>
          </label>
          <button type="button" disabled={busy} onClick={() => run(async () => connect(await connectDevWallet(devIndex, config.rpcUrl)))}>
            Use development account
          </button>
        </fieldset>
      ) : null}
      {wallet ? (
        <p>
          Connected: <Hex value={wallet.address} />{' '}
          <button type="button" disabled={busy} onClick={() => run(signIn)}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </p>
      ) : null}
      <ErrorNote error={error} />
    </section>
  );
}

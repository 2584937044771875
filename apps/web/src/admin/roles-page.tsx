import { useState, type FormEvent } from 'react';
import { api } from '../gateway-client';
import { ErrorNote, Hex, Loadable } from '../ui/bits';
import { useAsync } from '../ui/use-async';
import type { AdminRole } from './admin-sections';

const ROLES: readonly AdminRole[] = ['reviewer', 'finance', 'superadmin'];

interface AdminWallet {
  wallet: string;
  roles: AdminRole[];
}

/** Superadmin: every admin wallet and its roles; set exactly a wallet's roles (the gateway audits it and keeps the last superadmin). */
export function RolesPage() {
  const state = useAsync(() => api.get<{ items: AdminWallet[] }>('/admin/roles'), 'roles');
  const [wallet, setWallet] = useState('');
  const [roles, setRoles] = useState<AdminRole[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.put(`/admin/roles/${wallet.trim()}`, { roles });
      state.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="roles-title" className="card">
      <h2 id="roles-title">Roles</h2>
      <Loadable state={state} empty="No admin wallets." isEmpty={(d) => d.items.length === 0}>
        {(d) => (
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Wallet</th>
                  <th scope="col">Roles</th>
                  <th scope="col">
                    <span className="sr-only">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {d.items.map((w) => (
                  <tr key={w.wallet} data-wallet={w.wallet}>
                    <td>
                      <Hex value={w.wallet} />
                    </td>
                    <td>{w.roles.join(', ') || '—'}</td>
                    <td>
                      <button type="button" onClick={() => (setWallet(w.wallet), setRoles(w.roles))}>
                        Edit
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Loadable>
      <form onSubmit={(e) => void save(e)} aria-label="Set roles">
        <label>
          Wallet
          <input value={wallet} onChange={(e) => setWallet(e.target.value)} pattern="0x[0-9a-fA-F]{40}" required spellCheck={false} />
        </label>
        <fieldset>
          <legend>Roles (exactly these; none removes all)</legend>
          {ROLES.map((r) => (
            <label key={r} className="inline">
              <input type="checkbox" checked={roles.includes(r)} onChange={(e) => setRoles(e.target.checked ? [...roles, r] : roles.filter((x) => x !== r))} /> {r}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={busy}>
          Set roles
        </button>
      </form>
      <ErrorNote error={error} />
    </section>
  );
}

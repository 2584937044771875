import { useState, type FormEvent } from 'react';
import { api } from '../gateway-client';
import type { LinkedAccount } from '../lib/api-types';
import { ErrorNote } from '../ui/bits';

/** Link an OKX API key. Only read-only keys are accepted; the page says why before asking. */
export function LinkOkx({ onLinked }: { onLinked: () => void }) {
  const [form, setForm] = useState({ apiKey: '', secretKey: '', passphrase: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [linked, setLinked] = useState<LinkedAccount | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setLinked(await api.post<LinkedAccount>('/okx/accounts', form));
      setForm({ apiKey: '', secretKey: '', passphrase: '' });
      onLinked();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const field = (name: keyof typeof form, label: string, type = 'text') => (
    <label>
      {label}
      <input name={name} type={type} autoComplete="off" required value={form[name]} onChange={(e) => setForm({ ...form, [name]: e.target.value })} />
    </label>
  );

  return (
    <section aria-labelledby="link-okx-title" className="card">
      <h2 id="link-okx-title">Link your OKX account</h2>
      <p>
        Create an API key on OKX with the <strong>Read</strong> permission only. LiqPass reads your positions and, when you claim, the
        liquidation record — nothing else. A key that can trade or withdraw is refused: we never want the power to move your money, and
        nobody who steals our database would get it either. Secrets are encrypted at rest and never shown again.
      </p>
      <form onSubmit={submit}>
        {field('apiKey', 'API key')}
        {field('secretKey', 'Secret key', 'password')}
        {field('passphrase', 'Passphrase', 'password')}
        <button type="submit" disabled={busy}>
          {busy ? 'Checking with OKX…' : 'Link read-only key'}
        </button>
      </form>
      {linked ? (
        <p role="status">
          Linked OKX account {linked.okxUid} ({linked.perm}).
        </p>
      ) : null}
      <ErrorNote error={error} />
    </section>
  );
}

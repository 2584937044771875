import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, setBearerToken, setUnauthorizedHandler } from '../gateway-client';
import type { PublicConfig, Session } from '../lib/api-types';
import { connectDevWallet, type ConnectedWallet } from '../wallet/wallet';
import { SIWE_DOMAIN, siweMessage } from './siwe-message';

/**
 * Who is using the app: the chain config from `/config`, the connected wallet and the SIWE
 * session. The token lives in memory and sessionStorage (gone with the tab, never in
 * localStorage) and is refreshed a minute before it expires.
 */
interface SessionState {
  config: PublicConfig | null;
  configError: string | null;
  wallet: ConnectedWallet | null;
  session: Session | null;
  connect: (wallet: ConnectedWallet) => void;
  signIn: () => Promise<void>;
  signOut: () => void;
}

const SessionContext = createContext<SessionState | null>(null);
const STORAGE_KEY = 'liqpass.session';

interface Stored {
  session: Session;
  devIndex?: number;
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [config, setConfig] = useState<PublicConfig | null>(null);
  const [configError, setConfigError] = useState<string | null>(null);
  const [wallet, setWallet] = useState<ConnectedWallet | null>(null);
  const [session, setSession] = useState<Session | null>(null);
  const restored = useRef(false);

  const store = useCallback((next: Session | null, devIndex?: number) => {
    setBearerToken(next?.token ?? null);
    setSession(next);
    if (next) sessionStorage.setItem(STORAGE_KEY, JSON.stringify({ session: next, devIndex } satisfies Stored));
    else sessionStorage.removeItem(STORAGE_KEY);
  }, []);

  const signOut = useCallback(() => {
    store(null);
    setWallet(null);
  }, [store]);

  useEffect(() => {
    let cancelled = false;
    api
      .get<PublicConfig>('/config')
      .then((c) => !cancelled && setConfig(c))
      .catch((e: Error) => !cancelled && setConfigError(e.message));
    return () => {
      cancelled = true;
    };
  }, []);

  // Restore a session from this tab (a reload), with the dev wallet it was made with.
  useEffect(() => {
    if (!config || restored.current) return;
    restored.current = true;
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return;
    try {
      const stored = JSON.parse(raw) as Stored;
      if (Date.parse(stored.session.expiresAt) <= Date.now()) return sessionStorage.removeItem(STORAGE_KEY);
      setBearerToken(stored.session.token);
      setSession(stored.session);
      if (stored.devIndex !== undefined && config.chainId === 31337) void connectDevWallet(stored.devIndex, config.rpcUrl).then(setWallet);
    } catch {
      sessionStorage.removeItem(STORAGE_KEY);
    }
  }, [config]);

  useEffect(() => {
    setUnauthorizedHandler(() => store(null));
    return () => setUnauthorizedHandler(null);
  }, [store]);

  // Refresh a minute before expiry; if the gateway refuses (past the maximum age) the session ends.
  useEffect(() => {
    if (!session) return;
    const wait = Math.max(5_000, Date.parse(session.expiresAt) - Date.now() - 60_000);
    const timer = setTimeout(() => {
      api
        .post<Omit<Session, 'roles'>>('/auth/refresh')
        .then((fresh) => store({ ...session, ...fresh }, wallet?.devIndex))
        .catch(() => store(null));
    }, wait);
    return () => clearTimeout(timer);
  }, [session, store, wallet]);

  const connect = useCallback(
    (next: ConnectedWallet) => {
      if (session && session.address.toLowerCase() !== next.address.toLowerCase()) store(null);
      setWallet(next);
    },
    [session, store],
  );

  const signIn = useCallback(async () => {
    if (!wallet || !config) throw new Error('Connect a wallet first.');
    const { nonce } = await api.post<{ nonce: string }>('/auth/siwe/nonce');
    const message = siweMessage({ domain: SIWE_DOMAIN, address: wallet.address, chainId: config.chainId, nonce, issuedAt: new Date() });
    const signature = await wallet.signer.signMessage(message);
    const next = await api.post<Session>('/auth/siwe/verify', { message, signature });
    store(next, wallet.devIndex);
  }, [wallet, config, store]);

  const value = useMemo(() => ({ config, configError, wallet, session, connect, signIn, signOut }), [config, configError, wallet, session, connect, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

export const isAdmin = (session: Session | null) => (session?.roles.length ?? 0) > 0;
export const hasRole = (session: Session | null, role: string) => session?.roles.includes(role) ?? false;

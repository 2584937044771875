import { isOkxClientError, type OkxClientError } from '@liqpass/okx-client';
import type { LinkedOkxAccount } from '../../accounts/infrastructure/linked-okx-accounts';
import { maskUid } from '../../accounts/domain/masked-uid';
import { okxRpcError } from '../../shared/interface/okx-rpc-error';

/** A linked account OKX would not answer for, reported beside the others' results. */
export interface AccountError {
  readonly accountId: string;
  readonly okxUid: string;
  readonly code: string;
  readonly message: string;
}

export interface PerAccount<T> {
  readonly items: T[];
  readonly accountErrors: AccountError[];
}

/**
 * Reads every linked account in parallel. One account failing does not hide the others: its
 * error is listed. When every account fails, the first failure is the answer.
 */
export async function collectPerAccount<T>(accounts: readonly LinkedOkxAccount[], read: (linked: LinkedOkxAccount) => Promise<T[]>): Promise<PerAccount<T>> {
  type Outcome = { readonly linked: LinkedOkxAccount; readonly items: T[] } | { readonly linked: LinkedOkxAccount; readonly error: OkxClientError };
  const outcomes = await Promise.all(
    accounts.map(async (linked): Promise<Outcome> => {
      try {
        return { linked, items: await read(linked) };
      } catch (error) {
        if (!isOkxClientError(error)) throw error;
        return { linked, error };
      }
    }),
  );
  const failures = outcomes.flatMap((o) => ('error' in o ? [o] : []));
  if (failures.length > 0 && failures.length === outcomes.length) throw okxRpcError(failures[0]!.error, 'linked');
  return {
    items: outcomes.flatMap((o) => ('items' in o ? o.items : [])),
    accountErrors: failures.map(({ linked, error }) => {
      const rpc = okxRpcError(error, 'linked');
      return { accountId: linked.account.id, okxUid: maskUid(linked.account.okxUid), code: rpc.code, message: rpc.message };
    }),
  };
}

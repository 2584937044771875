import type { ApiKeyRecord, SimAccount } from '../../accounts/domain/sim-account';
import { formatPerm } from '../../accounts/domain/permission';
import type { OkxRecord } from '../../ledger/domain/okx-records';

/** `/account/config`: `perm` is what a linking service checks for read-only keys. */
export function accountConfigView(account: SimAccount, key: ApiKeyRecord): OkxRecord {
  return {
    uid: account.uid, mainUid: account.uid, acctLv: '2', acctStpMode: 'cancel_maker', posMode: account.posMode,
    autoLoan: 'false', greeksType: 'PA', level: 'Lv1', levelTmp: '', ctIsoMode: 'automatic', mgnIsoMode: 'automatic',
    spotOffsetType: '', roleType: '0', spotRoleType: '0', opAuth: '0', kycLv: '2', label: key.label,
    ip: key.ipWhitelist.join(','), perm: formatPerm(key.perm), liquidationGear: '-1', enableSpotBorrow: 'false',
    spotBorrowAutoRepay: 'false', type: '0', settleCcy: 'USDT',
  };
}

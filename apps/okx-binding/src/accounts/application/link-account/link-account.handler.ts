import { Inject, Injectable } from '@nestjs/common';
import { OkxClient } from '@liqpass/okx-client';
import type { Logger } from '@liqpass/observability';
import { LOGGER, RpcError } from '@liqpass/service-kit';
import { OkxBindingMetrics } from '../../../shared/infrastructure/okx-binding.metrics';
import { rethrowOkx } from '../../../shared/interface/okx-rpc-error';
import type { LinkedAccountView } from '../../domain/linked-account';
import { maskUid } from '../../domain/masked-uid';
import { isReadOnlyKey } from '../../domain/okx-permission';
import { CredentialsVault } from '../../infrastructure/credentials-vault';
import { LinkedAccountRepository } from '../../infrastructure/linked-account.repository';
import type { LinkAccountCommand } from './link-account.command';

/**
 * Links a trader's OKX key — only after OKX itself has shown, on /account/config, that the
 * key works and can do nothing but read. The secrets are sealed before they reach the
 * database and never leave this service.
 */
@Injectable()
export class LinkAccountHandler {
  constructor(
    private readonly client: OkxClient,
    private readonly vault: CredentialsVault,
    private readonly accounts: LinkedAccountRepository,
    private readonly metrics: OkxBindingMetrics,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async execute(command: LinkAccountCommand): Promise<LinkedAccountView> {
    const credentials = { apiKey: command.apiKey, secretKey: command.secretKey, passphrase: command.passphrase };
    const config = await this.client
      .forAccount(credentials)
      .getAccountConfig()
      .then((result) => result.data[0])
      .catch((error: unknown) => {
        this.metrics.linkRefusals.inc({ reason: (error as { reason?: string }).reason ?? 'INTERNAL' });
        return rethrowOkx(error, 'linking');
      });
    if (!config?.uid) throw new RpcError('OKX_UNAVAILABLE', 'OKX answered /account/config without an account', 503);
    if (!isReadOnlyKey(config.perm)) {
      this.metrics.linkRefusals.inc({ reason: 'OKX_KEY_NOT_READ_ONLY' });
      this.logger.info({ wallet: command.wallet, okxUid: maskUid(config.uid), perm: config.perm }, 'okx key refused: not read-only');
      throw new RpcError('OKX_KEY_NOT_READ_ONLY', `this key has permission "${config.perm}": link a key with read_only permission only`, 400);
    }
    const account = await this.accounts.upsert({
      wallet: command.wallet,
      okxUid: config.uid,
      perm: config.perm,
      apiKeySha256: CredentialsVault.fingerprint(command.apiKey),
      apiKeyHint: command.apiKey.slice(-4),
      sealed: this.vault.seal(command.wallet, credentials),
    });
    this.metrics.accountsLinked.inc();
    this.logger.info({ accountId: account.id, wallet: command.wallet, okxUid: maskUid(account.okxUid), keyId: account.sealed.keyId }, 'okx key linked');
    return { id: account.id, okxUid: maskUid(account.okxUid), perm: account.perm };
  }
}

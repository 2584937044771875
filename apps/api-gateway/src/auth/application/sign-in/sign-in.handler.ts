import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@liqpass/service-kit';
import type { GatewayConfig } from '../../../config/gateway-config';
import { EdgeError } from '../../../http-edge/domain/edge-error';
import { AdminRoleRepository } from '../../../admin-roles/infrastructure/admin-role.repository';
import type { AdminRole } from '../../../admin-roles/domain/admin-role';
import { refuseSiweMessage } from '../../domain/siwe-rules';
import { SessionTokenSigner } from '../../infrastructure/session-token.signer';
import { readSiweMessage, recoverSigner } from '../../infrastructure/siwe-message.reader';
import { SiweNonceRepository } from '../../infrastructure/siwe-nonce.repository';
import { UserRepository } from '../../infrastructure/user.repository';

export interface SignInCommand {
  readonly message: string;
  readonly signature: string;
}

export interface SignInResult {
  readonly token: string;
  readonly address: string;
  readonly roles: AdminRole[];
  readonly expiresAt: string;
}

const CLOCK_SKEW_MS = 60_000;

/**
 * POST /auth/siwe/verify. The message must be for this domain and chain, current, signed by
 * the address it names, and carry a nonce this gateway issued that is neither expired nor used;
 * the nonce is consumed last, so a refused attempt does not burn it. Every refusal is a 401.
 */
@Injectable()
export class SignInHandler {
  constructor(
    private readonly nonces: SiweNonceRepository,
    private readonly users: UserRepository,
    private readonly roles: AdminRoleRepository,
    private readonly tokens: SessionTokenSigner,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async execute(command: SignInCommand): Promise<SignInResult> {
    const read = readSiweMessage(command.message);
    if (!read.ok) throw EdgeError.unauthorized(read.reason);
    const { fields } = read;
    const refusal = refuseSiweMessage(fields, {
      domain: this.config.SIWE_DOMAIN,
      chainId: this.config.CHAIN_ID,
      now: new Date(),
      maxAgeMs: this.config.SIWE_NONCE_TTL_SECONDS * 1000,
      clockSkewMs: CLOCK_SKEW_MS,
    });
    if (refusal) throw EdgeError.unauthorized(refusal);
    if (recoverSigner(command.message, command.signature) !== fields.address) {
      throw EdgeError.unauthorized('the signature does not match the message and its address');
    }
    if (!(await this.nonces.consume(fields.nonce, fields.address))) {
      throw EdgeError.unauthorized('the nonce is unknown, expired or already used; ask for a new one');
    }
    await this.users.recordSignIn(fields.address);
    const now = Math.floor(Date.now() / 1000);
    const expiresAt = now + this.config.SESSION_TTL_SECONDS;
    const token = await this.tokens.sign({ wallet: fields.address, signedInAt: now, expiresAt });
    return { token, address: fields.address, roles: await this.roles.rolesOf(fields.address), expiresAt: iso(expiresAt) };
  }
}

const iso = (seconds: number) => new Date(seconds * 1000).toISOString();

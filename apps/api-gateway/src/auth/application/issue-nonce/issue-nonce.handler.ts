import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { SERVICE_CONFIG } from '@liqpass/service-kit';
import type { GatewayConfig } from '../../../config/gateway-config';
import { SiweNonceRepository } from '../../infrastructure/siwe-nonce.repository';

/** POST /auth/siwe/nonce: a fresh random nonce (128 bits, hex), stored with its expiry. */
@Injectable()
export class IssueNonceHandler {
  constructor(
    private readonly nonces: SiweNonceRepository,
    @Inject(SERVICE_CONFIG) private readonly config: GatewayConfig,
  ) {}

  async execute(): Promise<{ nonce: string; expiresAt: string }> {
    const nonce = randomBytes(16).toString('hex');
    const expiresAt = await this.nonces.issue(nonce, this.config.SIWE_NONCE_TTL_SECONDS);
    return { nonce, expiresAt: expiresAt.toISOString() };
  }
}

import type { RouteDefinition } from '../http-edge/domain/route-definition';

export const SAMPLE_UUID = '0191c0de-0000-7000-8000-000000000001';

/** A valid body for each routed operation, as a client following the OpenAPI document would send. */
export const VALID_BODIES: Readonly<Record<string, unknown>> = {
  'okx.accounts.link': { apiKey: '8d4b7e3e-1c2a-4f7e-9a41-5b2f0c3d9e11', secretKey: 'A1B2C3D4E5F60718293A4B5C6D7E8F90', passphrase: 'Sim-abc_DEF-123' },
  'quotes.create': { chainId: 31337, instId: 'BTC-USDT-SWAP', posId: '1234567890', leverage: 10, principalUsdc: '250.5', coverageSeconds: 86_400 },
  'purchaseOrders.create': { quoteId: SAMPLE_UUID },
  'purchaseOrders.bindOkx': { ordId: '1234567890123456789', instId: 'BTC-USDT-SWAP' },
  'purchaseOrders.markPaid': { txHash: `0x${'ab'.repeat(32)}` },
  'claims.create': { purchaseOrderId: SAMPLE_UUID },
  'internal.claims.onchainTrigger': { purchaseOrderId: SAMPLE_UUID, claimant: '0x976EA74026E726554dB657fA54763abd0C3a0aa9', triggeredAtSec: 1_767_000_000 },
  'admin.claims.approve': {},
  'admin.claims.reject': { reason: 'liquidation happened before binding' },
  'admin.claims.markPaid': { multisigTxHash: `0x${'cd'.repeat(32)}`, paidAtSec: 1_767_000_000 },
  'admin.payouts.addSignature': { signer: '0x90F79bf6EB2c4f870365E785982E1f101E93b906', signature: `0x${'ef'.repeat(65)}` },
  'admin.payouts.execute': {},
  'admin.payouts.release': { reason: 'daily limit reviewed: one large liquidation, treasury can cover it' },
  'admin.payouts.repropose': {},
  'admin.roles.set': { roles: ['reviewer'] },
  'admin.reconciliation.run': { fromBlock: 1, toBlock: 10 },
  'auth.siwe.nonce': {},
  'auth.siwe.verify': { message: 'localhost:3000 wants you to sign in', signature: `0x${'ab'.repeat(65)}` },
  'auth.refresh': {},
};

export const VALID_QUERIES: Readonly<Record<string, string>> = {
  'admin.deadLetters.list': '?service=policy&limit=10',
  'admin.claims.list': '?status=VERIFIED_PENDING_REVIEW',
  'admin.payouts.export': `?ids=${SAMPLE_UUID},0191c0de-0000-7000-8000-000000000002`,
};

/** The concrete URL of a route with sample path parameters and its sample query. */
export function sampleUrl(route: RouteDefinition): string {
  const path = route.path
    .replace(/:id\b/g, SAMPLE_UUID)
    .replace(/:wallet\b/g, '0x976EA74026E726554dB657fA54763abd0C3a0aa9')
    .replace(/:file\b/g, 'swagger-ui.css');
  return path + (VALID_QUERIES[route.id] ?? '');
}

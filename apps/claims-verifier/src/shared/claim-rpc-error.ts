import { RpcError } from '@liqpass/service-kit';

/** An RpcError with a reason code; the gateway passes code, message and status on. */
export class ClaimRpcError extends RpcError {}

import { z } from 'zod';
import type { DeadLetterQuery } from '@liqpass/messaging';
import { RpcError } from './rpc-protocol';
import type { RpcServer } from './rpc-server';

const listRequest = z.object({
  query: z
    .object({
      limit: z.coerce.number().int().min(1).max(200).optional(),
      offset: z.coerce.number().int().min(0).optional(),
    })
    .default({}),
});

/**
 * `admin.deadLetters.list` (GET /admin/dead-letters?service=<name>): the same answer from every
 * service that consumes events, newest first — so the kit serves it wherever messaging runs.
 */
export function serveDeadLetters(rpc: RpcServer, deadLetters: DeadLetterQuery): void {
  rpc.handle('admin.deadLetters.list', async (request) => {
    const parsed = listRequest.safeParse(request ?? {});
    if (!parsed.success) {
      throw new RpcError('VALIDATION_FAILED', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), 400);
    }
    return deadLetters.list(parsed.data.query);
  });
}

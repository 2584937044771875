import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import { z } from 'zod';
import { DeadLetterQuery } from '@liqpass/messaging';
import { RpcError, RpcServer } from '@liqpass/service-kit';

const listRequest = z.object({
  query: z.object({
    limit: z.coerce.number().int().min(1).max(200).optional(),
    offset: z.coerce.number().int().min(0).optional(),
  }),
});

/** `admin.deadLetters.list` (GET /admin/dead-letters?service=payout): newest first. */
@Injectable()
export class DeadLettersRpc implements OnApplicationBootstrap {
  constructor(
    private readonly rpc: RpcServer,
    private readonly deadLetters: DeadLetterQuery,
  ) {}

  onApplicationBootstrap(): void {
    this.rpc.handle('admin.deadLetters.list', async (request) => {
      const parsed = listRequest.safeParse(request ?? { query: {} });
      if (!parsed.success) throw new RpcError('VALIDATION_FAILED', parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '), 400);
      return this.deadLetters.list(parsed.data.query);
    });
  }
}

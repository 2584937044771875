import type { PipeTransform } from '@nestjs/common';
import type { z } from 'zod';
import { ControlError } from '../domain/control-error';

/** Validates a control-API body against its command schema; a bad body is SIM_BAD_REQUEST naming each field. */
export class ZodBodyPipe<S extends z.ZodType> implements PipeTransform<unknown, z.infer<S>> {
  constructor(private readonly schema: S) {}

  transform(value: unknown): z.infer<S> {
    const result = this.schema.safeParse(value ?? {});
    if (result.success) return result.data;
    const issues = result.error.issues.map((issue) => ({ field: issue.path.map(String).join('.') || '(body)', problem: issue.message }));
    throw new ControlError('SIM_BAD_REQUEST', issues.map((i) => `${i.field}: ${i.problem}`).join('; '), issues);
  }
}

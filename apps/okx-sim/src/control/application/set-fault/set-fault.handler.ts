import { Injectable } from '@nestjs/common';
import { DEFAULT_FAULT_CODE, FaultRules, type FaultSetting } from '../../../faults/domain/fault-rules';
import type { SetFaultCommand } from './set-fault.command';

@Injectable()
export class SetFaultHandler {
  constructor(private readonly rules: FaultRules) {}

  execute(command: SetFaultCommand): { faults: FaultSetting[] } {
    if (command.clear) {
      this.rules.clear();
      return this.current();
    }
    const errorRate = command.errorRate ?? (command.errorCode !== undefined ? 1 : 0);
    this.rules.set({
      path: command.path,
      latencyMs: command.latencyMs ?? 0,
      errorRate,
      errorCode: command.errorCode ?? DEFAULT_FAULT_CODE,
    });
    return this.current();
  }

  current(): { faults: FaultSetting[] } {
    return { faults: this.rules.list() };
  }
}

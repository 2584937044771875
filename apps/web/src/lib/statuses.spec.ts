import { describe, expect, it } from 'vitest';
import * as events from '@liqpass/events';
import { CLAIM_STATUSES, POLICY_STATUSES } from './statuses';

describe('the web app’s state lists', () => {
  it('are exactly the PRODUCT.md §4 states of libs/events', () => {
    expect(POLICY_STATUSES).toEqual(events.POLICY_STATUSES);
    expect(CLAIM_STATUSES).toEqual(events.CLAIM_STATUSES);
  });
});

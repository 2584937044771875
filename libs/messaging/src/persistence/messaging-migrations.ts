import { CreateMessagingTables1764201600000 } from './create-messaging-tables.migration';
import { OrderPendingOutbox1765200000000 } from './order-pending-outbox.migration';
import { OutboxEnvelopeAsJson1765400000000 } from './outbox-envelope-as-json.migration';

/** The messaging tables' migrations, in order: every service lists these first among its own. */
export const MESSAGING_MIGRATIONS: Function[] = [CreateMessagingTables1764201600000, OrderPendingOutbox1765200000000, OutboxEnvelopeAsJson1765400000000];

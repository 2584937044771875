import { DeadLetterOrmEntity } from './dead-letter.orm-entity';
import { InboxMessageOrmEntity } from './inbox-message.orm-entity';
import { OutboxMessageOrmEntity } from './outbox-message.orm-entity';

/** Add these to the service's DataSource entities (next to its own). */
export const MESSAGING_ENTITIES = [OutboxMessageOrmEntity, InboxMessageOrmEntity, DeadLetterOrmEntity];

import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

/**
 * Wakes the relay of this process when an append commits, without Postgres: a NOTIFY costs the
 * database ~0.12 ms per committing statement (and the listening connection as much again in
 * this process), two per claim in a storm. A statement that appended on its own (no transaction)
 * has committed when it returns; one inside a transaction waits for TypeORM's after-commit event
 * of that transaction's query runner. Only for appends through the relay's own DataSource: the
 * writer notifies for any other (and whenever this process's relay is not running), so a
 * replica without a relay, or another service's process, still wakes the relays by NOTIFY.
 */
export class RelayKickOnCommit implements EntitySubscriberInterface {
  private readonly pending = new WeakSet<QueryRunner>();

  private constructor(
    readonly dataSource: DataSource,
    private readonly kick: () => void,
  ) {}

  /** Subscribes to the DataSource's transaction events; `detach()` undoes it. */
  static attach(dataSource: DataSource, kick: () => void): RelayKickOnCommit {
    const wake = new RelayKickOnCommit(dataSource, kick);
    dataSource.subscribers.push(wake);
    return wake;
  }

  detach(): void {
    const subscribers = this.dataSource.subscribers;
    const at = subscribers.indexOf(this);
    if (at >= 0) subscribers.splice(at, 1);
  }

  /** True when appends through `manager` are this relay's to wake (same DataSource). */
  covers(manager: EntityManager): boolean {
    return manager.dataSource === this.dataSource;
  }

  /** After a statement that appended through `manager` returned. */
  appended(manager: EntityManager): void {
    const runner = manager.queryRunner;
    if (runner?.isTransactionActive) this.pending.add(runner);
    else this.kick();
  }

  afterTransactionCommit(event: TransactionCommitEvent): void {
    // A released savepoint is not a commit: wait for the outermost one.
    if (event.queryRunner.isTransactionActive) return;
    if (this.pending.delete(event.queryRunner)) this.kick();
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
  }
}

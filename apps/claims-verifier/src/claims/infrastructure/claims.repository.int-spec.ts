import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { OkxSimProcess } from '@liqpass/okx-client';
import { ClaimsTestApp, randomWallet } from '../../testing/claims-test-app';
import { ClaimsRepository } from './claims.repository';

/** The repository's statements on the service's real schema (Postgres), claims written straight to the table: no event, no verifier run. */
describe('ClaimsRepository on Postgres', () => {
  let sim: OkxSimProcess;
  let service: ClaimsTestApp;
  let claims: ClaimsRepository;
  let dataSource: DataSource;

  beforeAll(async () => {
    sim = await OkxSimProcess.start();
    service = await ClaimsTestApp.start('claims_repository', sim);
    claims = service.app.get(ClaimsRepository);
    dataSource = service.app.get(DataSource);
  }, 60_000);

  afterAll(async () => {
    await service?.close();
    await sim?.stop();
  });

  /** A claim row as opening one writes it, its sweeper deadline `deadlineInMs` from now. */
  async function claimRow(status: string, deadlineInMs: number): Promise<{ id: string; purchaseOrderId: string }> {
    const id = randomUUID();
    const purchaseOrderId = randomUUID();
    await service.sql(
      `INSERT INTO insurance_claims (id, purchase_order_id, claimant, source, status, verify_deadline_at) VALUES ($1, $2, $3, 'TRADER', $4, now() + $5 * interval '1 millisecond')`,
      [id, purchaseOrderId, randomWallet(), status, deadlineInMs],
    );
    return { id, purchaseOrderId };
  }

  const rowVersion = async (id: string) => (await service.sql<{ xmin: string; deadline: Date }>('SELECT xmin::text AS xmin, verify_deadline_at AS deadline FROM insurance_claims WHERE id = $1', [id]))[0]!;

  it('startVerification writes nothing while the sweeper deadline leaves the verification its full time', async () => {
    const { id, purchaseOrderId } = await claimRow('VERIFYING', 120_000);
    const before = await rowVersion(id);
    const started = await claims.startVerification(dataSource.manager, id, 10_000);
    expect(started?.claim).toMatchObject({ id, purchase_order_id: purchaseOrderId, status: 'VERIFYING' });
    expect(started?.policy).toBeNull(); // no policy announced for this purchase order
    expect(await rowVersion(id)).toEqual(before); // same row version, same deadline
  });

  it('startVerification moves the deadline to its full time from now when less is left', async () => {
    const { id } = await claimRow('VERIFYING', 2_000);
    const before = await rowVersion(id);
    const startedAt = Date.now();
    expect(await claims.startVerification(dataSource.manager, id, 10_000)).not.toBeNull();
    const after = await rowVersion(id);
    expect(after.xmin).not.toBe(before.xmin);
    expect(after.deadline.getTime()).toBeGreaterThanOrEqual(startedAt + 10_000 - 1_000); // clocks of this process and Postgres
    expect(after.deadline.getTime()).toBeLessThanOrEqual(Date.now() + 10_000 + 1_000);
    // Started again (a redelivery after a crash): that attempt gets its full time too.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await claims.startVerification(dataSource.manager, id, 10_000);
    expect((await rowVersion(id)).deadline.getTime()).toBeGreaterThan(after.deadline.getTime());
  });

  it('startVerification answers null for a claim no longer VERIFYING, and leaves it alone', async () => {
    const { id } = await claimRow('FAILED', 1_000);
    const before = await rowVersion(id);
    expect(await claims.startVerification(dataSource.manager, id, 10_000)).toBeNull();
    expect(await claims.startVerification(dataSource.manager, randomUUID(), 10_000)).toBeNull();
    expect(await rowVersion(id)).toEqual(before);
  });
});

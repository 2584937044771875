import { describe, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Wallet } from 'ethers';
import { Secp256k1Signer } from '@liqpass/signing';
import { sealEvidence } from '../bundle/evidence-bundle';
import { runCli } from './cli';

const BIN = resolve(__dirname, '../../bin/liqpass-evidence.cjs');
const dir = mkdtempSync(join(tmpdir(), 'liqpass-evidence-'));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

async function sealedBundle() {
  return sealEvidence(
    {
      claimId: '0195a3c4-0000-7000-8000-0000000000aa',
      orderId: `0x${'cd'.repeat(32)}`,
      items: [{ name: 'orders-history', request: { method: 'GET', path: '/api/v5/trade/orders-history', query: { instType: 'SWAP' } }, status: 200, fetchedAt: '2025-11-27T10:00:00.000Z', body: { code: '0', msg: '', data: [{ ordId: '123', category: 'full_liquidation' }] } }],
      summary: { outcome: 'VERIFIED', reasonCode: null, liquidationKind: 'FULL', okxEventId: '123', liquidationTimeMs: 1732700000000, payoutUsdc: '1000000' },
    },
    new Secp256k1Signer(Wallet.createRandom().privateKey),
  );
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { readFile: (path: string) => readFileSync(path, 'utf8'), out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

describe('liqpass-evidence', () => {
  it('verify: 0 on a sealed bundle, 1 with one byte of one raw body changed (through the bin, no build)', async () => {
    const bundle = await sealedBundle();
    const good = file('good.json', bundle);
    expect(JSON.parse(execFileSync(process.execPath, [BIN, 'verify', good], { encoding: 'utf8' }))).toMatchObject({ ok: true, root: bundle.root, signer: bundle.signer, problems: [] });
    const bad = file('bad.json', JSON.stringify(bundle).replace('"ordId":"123"', '"ordId":"124"'));
    const run = spawnSync(process.execPath, [BIN, 'verify', bad], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).problems.join('\n')).toMatch(/leaves\[0\] \(orders-history\)/);
  }, 30_000);

  it('verify --signer: refuses a bundle signed by someone else', async () => {
    const { io, out } = capture();
    expect(await runCli(['verify', file('s.json', await sealedBundle()), '--signer', Wallet.createRandom().address], io)).toBe(1);
    expect(out.join('')).toMatch(/expected/);
  });

  it('classify: prints the verdict of the detection rule for the insured position', async () => {
    const responses = {
      orders: [
        { ordId: '9', instId: 'ETH-USDT-SWAP', category: 'partial_liquidation', state: 'filled', posSide: 'short', tdMode: 'cross', accFillSz: '3', fillTime: '1732700000500', uTime: '1732700000500', avgPx: '3100' },
        { ordId: '8', instId: 'ETH-USDT-SWAP', category: 'full_liquidation', state: 'filled', posSide: 'long', tdMode: 'cross', accFillSz: '3', fillTime: '1732700000400' },
      ],
      positionsHistory: [],
      fills: [],
      bills: [{ billId: '1', type: '5', subType: '101', ordId: '9' }],
    };
    const { io, out } = capture();
    expect(await runCli(['classify', file('r.json', responses), '--pos-side', 'short', '--mgn-mode', 'cross'], io)).toBe(0);
    expect(JSON.parse(out.join(''))).toMatchObject({ liquidated: true, kind: 'PARTIAL', ordId: '9', liquidationTimeMs: 1732700000500, sz: '3', fillPx: '3100', events: [{ corroboratedByBill: true }], ignored: [{ ordId: '8' }] });
  });

  it('exit 2 on usage errors and unreadable files', async () => {
    const { io, err } = capture();
    expect(await runCli([], io)).toBe(2);
    expect(await runCli(['verify', join(dir, 'missing.json')], io)).toBe(2);
    expect(await runCli(['classify', file('x.json', '{"orders": 3}')], io)).toBe(2);
    expect(await runCli(['explode', 'x'], io)).toBe(2);
    expect(err.join('\n')).toMatch(/usage/);
  });
});

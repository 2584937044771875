import { JsonRpcProvider } from 'ethers';
import { describe, expect, it } from 'vitest';
import { findFreePort, startAnvil } from './start-anvil';

describe('startAnvil', () => {
  it('answers with chain id 31337 on the given port and is gone after stop()', async () => {
    const port = await findFreePort();
    const anvil = await startAnvil({ port });
    expect(anvil.rpcUrl).toBe(`http://127.0.0.1:${port}`);
    const provider = new JsonRpcProvider(anvil.rpcUrl, undefined, { staticNetwork: true });
    expect(await provider.send('eth_chainId', [])).toBe('0x7a69');
    provider.destroy();
    await anvil.stop();
    await expect(fetch(anvil.rpcUrl, { method: 'POST', body: '{}' })).rejects.toThrow();
    // the port is free again: a new anvil can take it
    const again = await startAnvil({ port });
    await again.stop();
  });

  it('refuses a port something else already answers on', async () => {
    const anvil = await startAnvil({ port: await findFreePort() });
    try {
      await expect(startAnvil({ port: anvil.port })).rejects.toThrow(/already answers/);
    } finally {
      await anvil.stop();
    }
  });

  it('mines on its own with blockTime', async () => {
    const anvil = await startAnvil({ port: await findFreePort(), blockTime: 1 });
    try {
      const provider = new JsonRpcProvider(anvil.rpcUrl, undefined, { staticNetwork: true });
      const first = await provider.getBlockNumber();
      await new Promise((resolve) => setTimeout(resolve, 2200));
      expect(await provider.getBlockNumber()).toBeGreaterThanOrEqual(first + 2);
      provider.destroy();
    } finally {
      await anvil.stop();
    }
  });
});

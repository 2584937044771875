import { Contract, FunctionFragment, EventFragment, ErrorFragment, Interface, JsonRpcProvider, keccak256, toUtf8Bytes, type Signer } from 'ethers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueToken } from '@liqpass/testing';
import { CHECKOUT_ABI, checkoutInterface, decodePremiumPaid, PREMIUM_PAID_TOPIC } from '../abi/checkout-abi';
import { loadForgeArtifact } from '../artifacts/forge-artifacts';
import { deployLocalChain, type LocalChainDeployment } from '../local/deploy-local-chain';
import { LOCAL_ACCOUNT, localWallets } from '../local/local-accounts';
import { findFreePort, startAnvil, type AnvilHandle } from '../local/start-anvil';
import { checkoutDomain, type Quote } from '../quote/quote';
import { toQuoteMessage } from '../quote/quote-message';
import { hashQuote, QUOTE_TYPE_STRING, signQuote } from '../quote/sign-quote';
import { approveAndPayPremium, payPremiumWithPermit } from './pay-premium';

const BALANCE = ['function balanceOf(address) view returns (uint256)'];

describe('a quote signed in TypeScript, paid on anvil against real FiatToken USDC', () => {
  let anvil: AnvilHandle;
  let provider: JsonRpcProvider;
  let d: LocalChainDeployment;
  let wallets: ReturnType<typeof localWallets>;
  let quoteSigner: Signer;

  beforeAll(async () => {
    anvil = await startAnvil({ port: await findFreePort() });
    provider = new JsonRpcProvider(anvil.rpcUrl, undefined, { cacheTimeout: -1 });
    d = await deployLocalChain({ rpcUrl: anvil.rpcUrl, logger: { info: () => undefined, warn: () => undefined } });
    wallets = localWallets(undefined, provider);
    quoteSigner = wallets[LOCAL_ACCOUNT.deployer];
  });
  afterAll(async () => {
    provider?.destroy();
    await anvil?.stop();
  });

  const trader = (n: number) => wallets[LOCAL_ACCOUNT.traders[n]];
  const domain = () => checkoutDomain(d.chainId, d.checkout);
  const checkoutAs = (signer: Signer) => new Contract(d.checkout, CHECKOUT_ABI, signer);
  const treasuryBalance = async () => (await new Contract(d.usdc, BALANCE, provider).balanceOf(d.treasurySafe)) as bigint;

  async function newQuote(buyer: string, premium = 12_500_000n): Promise<Quote> {
    const now = BigInt((await provider.getBlock('latest'))!.timestamp);
    return {
      orderId: keccak256(toUtf8Bytes(uniqueToken('order'))),
      buyer,
      premium,
      payout: 100_000_000n,
      payoutCap: 150_000_000n,
      coverageSeconds: 86_400n,
      instrument: 'BTC-USDT-SWAP',
      leverage: 2000n,
      deadline: now + 900n,
    };
  }

  /** The custom error a call reverts with, by name, or "none". */
  async function revertReason(call: Promise<unknown>): Promise<string> {
    try {
      await call;
      return 'none';
    } catch (error) {
      // staticCall decodes the error; a send fails in estimateGas, where ethers leaves it raw.
      const { revert, data } = error as { revert?: { name: string }; data?: string };
      return revert?.name ?? (data && checkoutInterface.parseError(data)?.name) ?? String(error);
    }
  }

  it('hashes exactly as the contract does', async () => {
    const quote = await newQuote(trader(0).address);
    const checkout = checkoutAs(trader(0));
    expect(await checkout.QUOTE_TYPEHASH()).toBe(keccak256(toUtf8Bytes(QUOTE_TYPE_STRING)));
    expect(await checkout.hashQuote(quote)).toBe(hashQuote(domain(), quote));
  });

  it('is paid by approve + payPremium: the Safe gains exactly the premium and PremiumPaid says so', async () => {
    const buyer = trader(0);
    const quote = await newQuote(buyer.address, 12_500_000n);
    const signed = await signQuote(quoteSigner, domain(), quote);
    const before = await treasuryBalance();

    const receipt = await (await approveAndPayPremium(buyer, d.checkout, d.usdc, quote, signed.signature)).wait();

    expect(await treasuryBalance()).toBe(before + 12_500_000n);
    const logs = receipt!.logs.filter((log) => log.address === d.checkout && log.topics[0] === PREMIUM_PAID_TOPIC);
    expect(logs).toHaveLength(1);
    expect(decodePremiumPaid(logs[0])).toEqual({
      orderId: quote.orderId,
      buyer: buyer.address,
      token: d.usdc,
      premium: quote.premium,
      payout: quote.payout,
      payoutCap: quote.payoutCap,
      coverageSeconds: quote.coverageSeconds,
      quoteHash: signed.quoteHash,
      treasury: d.treasurySafe,
    });
  });

  it('is paid in one transaction with a USDC permit, straight from the JSON typedData.message', async () => {
    const buyer = trader(1);
    const quote = await newQuote(buyer.address, 7_000_001n);
    const signed = await signQuote(quoteSigner, domain(), quote);
    const before = await treasuryBalance();
    const nonceBefore = await buyer.getNonce();

    await (await payPremiumWithPermit(buyer, d.checkout, d.usdc, toQuoteMessage(quote), signed.signature)).wait();

    expect(await buyer.getNonce()).toBe(nonceBefore + 1); // no separate approve
    expect(await treasuryBalance()).toBe(before + 7_000_001n);
    expect(await checkoutAs(buyer).paid(quote.orderId)).toBe(true);
  });

  it('refuses a quote with any field altered after signing', async () => {
    const buyer = trader(2);
    const quote = await newQuote(buyer.address);
    const { signature } = await signQuote(quoteSigner, domain(), quote);
    const alterations: Partial<Quote>[] = [
      { orderId: keccak256(toUtf8Bytes('another order')) },
      { buyer: trader(3).address },
      { premium: quote.premium - 1n },
      { payout: quote.payout + 1n },
      { payoutCap: quote.payoutCap + 1n },
      { coverageSeconds: quote.coverageSeconds * 2n },
      { instrument: 'ETH-USDT-SWAP' },
      { leverage: quote.leverage + 1n },
      { deadline: quote.deadline + 60n },
    ];
    for (const change of alterations) {
      const altered = { ...quote, ...change };
      const payer = altered.buyer === buyer.address ? buyer : trader(3); // reach the signature check
      const reason = await revertReason(checkoutAs(payer).payPremium.staticCall(altered, signature));
      expect(reason, `altered ${Object.keys(change)[0]}`).toBe('InvalidSignature');
    }
    expect(await revertReason(checkoutAs(trader(3)).payPremium.staticCall(quote, signature))).toBe('NotBuyer');
  });

  it('refuses a quote signed for another chain or another checkout', async () => {
    const buyer = trader(2);
    const quote = await newQuote(buyer.address);
    const otherChain = await signQuote(quoteSigner, checkoutDomain(8453, d.checkout), quote);
    const otherContract = await signQuote(quoteSigner, checkoutDomain(d.chainId, d.usdc), quote);
    expect(await revertReason(checkoutAs(buyer).payPremium.staticCall(quote, otherChain.signature))).toBe('InvalidSignature');
    expect(await revertReason(checkoutAs(buyer).payPremium.staticCall(quote, otherContract.signature))).toBe('InvalidSignature');
  });

  it('refuses a second payment of the same order id', async () => {
    const buyer = trader(3);
    const quote = await newQuote(buyer.address, 1_000_000n);
    const { signature } = await signQuote(quoteSigner, domain(), quote);
    await (await approveAndPayPremium(buyer, d.checkout, d.usdc, quote, signature)).wait();
    const before = await treasuryBalance();

    const reason = await revertReason(approveAndPayPremium(buyer, d.checkout, d.usdc, quote, signature));

    expect(reason).toBe('OrderAlreadyPaid');
    expect(await treasuryBalance()).toBe(before);
  });

  it('publishes an ABI that matches the forge artifact', () => {
    const signatures = (abi: Interface) =>
      abi.fragments
        .filter((f) => f instanceof FunctionFragment || f instanceof EventFragment || f instanceof ErrorFragment)
        .map((f) => `${f.type} ${(f as FunctionFragment).format('sighash')}`)
        .sort();
    const artifact = new Interface(loadForgeArtifact('LiqPassCheckout').abi);
    const ours = signatures(new Interface(CHECKOUT_ABI));
    const theirs = new Set(signatures(artifact));
    expect(ours.filter((s) => !theirs.has(s))).toEqual([]);
    // and every pay/admin function and event of the contract is in ours
    const ourSet = new Set(ours);
    const missing = [...theirs].filter((s) => !ourSet.has(s) && !/getRoleAdmin|grantRole|revokeRole|renounceRole|supportsInterface|eip712Domain|RoleAdmin|RoleGranted|RoleRevoked|EIP712DomainChanged|AccessControlBadConfirmation|InvalidShortString|StringTooLong|SafeERC20|ReentrancyGuard|ExpectedPause|ECDSA/.test(s));
    expect(missing).toEqual([]);
  });
});

import { Contract, Signature, type Signer } from 'ethers';

const PERMIT_TYPES = {
  Permit: [
    { name: 'owner', type: 'address' },
    { name: 'spender', type: 'address' },
    { name: 'value', type: 'uint256' },
    { name: 'nonce', type: 'uint256' },
    { name: 'deadline', type: 'uint256' },
  ],
};

const TOKEN_ABI = ['function name() view returns (string)', 'function version() view returns (string)', 'function nonces(address) view returns (uint256)'];

export interface PermitSignature {
  readonly deadline: bigint;
  readonly v: number;
  readonly r: string;
  readonly s: string;
}

/**
 * The owner's EIP-2612 permit letting `spender` take `value` of a FiatToken (USDC). The domain
 * (name, version — "USD Coin"/"2" for Circle's USDC) and the nonce are read from the token, so
 * the same code works on every chain.
 */
export async function signUsdcPermit(
  owner: Signer,
  usdcAddress: string,
  spender: string,
  value: bigint,
  deadline: bigint,
): Promise<PermitSignature> {
  const token = new Contract(usdcAddress, TOKEN_ABI, owner);
  const ownerAddress = await owner.getAddress();
  const [name, version, nonce, network] = await Promise.all([
    token.name(),
    token.version(),
    token.nonces(ownerAddress),
    owner.provider!.getNetwork(),
  ]);
  const domain = { name, version, chainId: network.chainId, verifyingContract: usdcAddress };
  const signature = Signature.from(
    await owner.signTypedData(domain, PERMIT_TYPES, { owner: ownerAddress, spender, value, nonce, deadline }),
  );
  return { deadline, v: signature.v, r: signature.r, s: signature.s };
}

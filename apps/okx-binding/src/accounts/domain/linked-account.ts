/** A trader's OKX API key as stored: who linked it, which OKX account it reads, and the sealed secrets. */
export interface LinkedAccount {
  readonly id: string;
  /** Lower-case 0x address of the wallet that linked it. */
  readonly wallet: string;
  readonly okxUid: string;
  readonly perm: string;
  /** SHA-256 of the API key: recognises a key linked again without keeping it in clear. */
  readonly apiKeySha256: string;
  /** The key's last four characters, for the trader to tell keys apart. */
  readonly apiKeyHint: string;
  readonly sealed: { readonly keyId: string; readonly ciphertext: string };
}

/** What the trader sees of a linked account: never the key, secret or passphrase. */
export interface LinkedAccountView {
  readonly id: string;
  readonly okxUid: string;
  readonly perm: string;
}

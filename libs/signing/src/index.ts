export * from './secp256k1-signer';

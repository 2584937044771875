export * from './secp256k1-signer';
export * from './wasm-keccak';

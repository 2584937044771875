export * from './secp256k1-signer';
export * from './wasm-keccak';
export * from './eip712-words';

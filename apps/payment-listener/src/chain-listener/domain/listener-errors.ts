/** The chain changed while a range was being read (a log's block hash or the range end moved): read it again. */
export class ChainMovedDuringReadError extends Error {
  constructor(detail: string) {
    super(`the chain moved while reading: ${detail}`);
    this.name = 'ChainMovedDuringReadError';
  }
}

/** A reorg reached below the kept window of block hashes: the listener stops and someone must look. */
export class DeepReorgError extends Error {
  constructor(
    readonly chainId: number,
    readonly cursorBlock: number,
    readonly mismatchAt: number,
    readonly window: number,
  ) {
    super(`chain ${chainId}: reorg deeper than the ${window}-block window (cursor ${cursorBlock}, block ${mismatchAt} replaced); listener stopped`);
    this.name = 'DeepReorgError';
  }
}

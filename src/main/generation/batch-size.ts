/** The most personas asked of a remote LLM in one call: the auto-tuner sets it, each run reads it when it asks. */

/** About what a local model writes in one answer before its JSON starts to break. */
export const DEFAULT_MAX_BATCH_SIZE = 10;

export class BatchSizeControl {
  private max: number;

  constructor(initial = DEFAULT_MAX_BATCH_SIZE) {
    this.max = wholeAtLeastOne(initial);
  }

  get maxBatchSize(): number {
    return this.max;
  }

  /** The tuner moves in fractions; a call asks for whole personas, at least one. */
  setMaxBatchSize(n: number): void {
    this.max = wholeAtLeastOne(n);
  }
}

function wholeAtLeastOne(n: number): number {
  return Math.max(1, Math.round(n));
}

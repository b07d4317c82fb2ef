/** The growable typed array that feature functions write hashed features to. */
/**
 * Where feature functions write: hashed features, masked to the table size as they are pushed, in a
 * growable typed array (no boxed numbers, no copy to mask them afterwards).
 */
export class FeatureBuffer {
  data: Uint32Array;
  length = 0;
  constructor(
    public mask = 0xffffffff,
    capacity = 256,
  ) {
    this.data = new Uint32Array(capacity);
  }

  push(h: number): void {
    if (this.length === this.data.length) {
      const bigger = new Uint32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = (h & this.mask) >>> 0;
  }

  /** Makes room for `k` more entries; returns the (possibly new) data array to write them to. */
  reserve(k: number): Uint32Array {
    if (this.length + k > this.data.length) {
      const bigger = new Uint32Array(Math.max(this.data.length * 2, this.length + k));
      bigger.set(this.data.subarray(0, this.length));
      this.data = bigger;
    }
    return this.data;
  }

  /** Empties the buffer, optionally with a new mask. */
  reset(mask = this.mask): void {
    this.length = 0;
    this.mask = mask;
  }

  /** A copy of what was pushed since position `from`. */
  copy(from = 0): Uint32Array {
    return this.data.slice(from, this.length);
  }
}

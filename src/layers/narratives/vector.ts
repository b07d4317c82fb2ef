import { BREAK } from './features.js';

/**
 * A sentence's feature vector from its units: the distinct known unigram and pair features (ids
 * into `out` from index `n0`) and the count every feature is scaled by (1 / sqrt(count)), which also
 * counts the features the model does not know, so that a sentence of unknown words weighs little.
 * Training and inference both build vectors here.
 */
export interface VectorScratch {
  stamp: Uint32Array;
  epoch: number;
  /** The feature count of the last unitFeatures call, unknown features included. */
  count: number;
}

export function newScratch(features: number): VectorScratch {
  return { stamp: new Uint32Array(features), epoch: 0, count: 0 };
}

/** Starts a new sentence's deduplication. */
export function nextEpoch(sc: VectorScratch): void {
  if (++sc.epoch >= 0xffffffff) {
    sc.stamp.fill(0);
    sc.epoch = 1;
  }
}

/**
 * Appends the unigram and pair features of units codes[0, m) to `out` from n0 (deduplicated with
 * the scratch's current epoch); returns the new length, and leaves in `sc.count` the count of
 * features including unknown ones.
 * `pairId(a, b)` gives the feature id of the pair of units a, b, or -1.
 */
export function unitFeatures(codes: Int32Array, m: number, pairId: (a: number, b: number) => number, sc: VectorScratch, out: Int32Array, n0: number, tokens?: Int32Array, outTokA?: Int32Array, outTokB?: Int32Array): number {
  let n = n0;
  let count = 0;
  const stamp = sc.stamp;
  const epoch = sc.epoch;
  let prev = BREAK;
  for (let k = 0; k < m; k++) {
    const c = codes[k]!;
    if (c === BREAK) {
      prev = BREAK;
      continue;
    }
    if (c >= 0) {
      if (stamp[c] !== epoch) {
        stamp[c] = epoch;
        if (tokens) {
          outTokA![n] = tokens[k]!;
          outTokB![n] = tokens[k]!;
        }
        out[n++] = c;
        count++;
      }
    } else count++;
    if (prev !== BREAK) {
      if (prev >= 0 && c >= 0) {
        const id = pairId(prev, c);
        if (id >= 0) {
          if (stamp[id] !== epoch) {
            stamp[id] = epoch;
            if (tokens) {
              outTokA![n] = tokens[k - 1]!;
              outTokB![n] = tokens[k]!;
            }
            out[n++] = id;
            count++;
          }
        } else count++;
      } else count++;
    }
    prev = c;
  }
  sc.count = count;
  return n;
}

/**
 * Unit pairs to feature ids: open addressing over one int array, no allocation per lookup. A slot
 * holds its two units and its value side by side (stride 4), so a probe reads one cache line: the
 * table is looked up for every pair of neighbouring units of every sentence, often cold.
 */
export class PairTable {
  private readonly slots: Int32Array;
  private readonly mask: number;

  constructor(pairs: ReadonlyArray<readonly [number, number, number]>) {
    let size = 16;
    while (size < pairs.length * 2) size *= 2;
    this.mask = size - 1;
    this.slots = new Int32Array(size * 4).fill(-1);
    for (const [a, b, v] of pairs) {
      let h = PairTable.hash(a, b) & this.mask;
      while (this.slots[h * 4] !== -1) h = (h + 1) & this.mask;
      this.slots[h * 4] = a;
      this.slots[h * 4 + 1] = b;
      this.slots[h * 4 + 2] = v;
    }
  }

  private static hash(a: number, b: number): number {
    return (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b)) >>> 7;
  }

  /** The value of pair (a, b), or -1. */
  readonly get = (a: number, b: number): number => {
    const slots = this.slots;
    let h = PairTable.hash(a, b) & this.mask;
    for (;;) {
      const k = slots[h * 4]!;
      if (k === -1) return -1;
      if (k === a && slots[h * 4 + 1] === b) return slots[h * 4 + 2]!;
      h = (h + 1) & this.mask;
    }
  };
}

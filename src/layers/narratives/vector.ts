import { BREAK, pairKey } from './features.js';

/**
 * A sentence's feature vector from its units: the distinct known unigram and pair features (ids
 * into `out` from index `n0`) and the count every feature is scaled by (1 / sqrt(count)), which also
 * counts the features the model does not know, so that a sentence of unknown words weighs little.
 * Training and inference both build vectors here.
 */
export interface VectorScratch {
  stamp: Uint32Array;
  epoch: number;
}

export function newScratch(features: number): VectorScratch {
  return { stamp: new Uint32Array(features), epoch: 0 };
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
 * the scratch's current epoch); returns [new length, count of features including unknown ones].
 * `pairId` gives a pair's feature id or -1.
 */
export function unitFeatures(codes: Int32Array, m: number, pairId: (key: number) => number, sc: VectorScratch, out: Int32Array, n0: number, tokens?: Int32Array, outTokA?: Int32Array, outTokB?: Int32Array): [number, number] {
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
        const id = pairId(pairKey(prev, c));
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
  return [n, count];
}

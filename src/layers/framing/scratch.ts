/*
 * Buffers that frameMentions and the featurizer need only while they run, kept between documents:
 * typed arrays cost more to allocate (and zero, and collect) per document than the work they hold.
 * Nothing here outlives a call, and nothing a report keeps points into them.
 */

/** frameMentions' per-mention and per-group working arrays, for n mentions and `groups` groups. */
export class FrameScratch {
  /** Archetype weight rows each mention's keys hit (scoreRows): mention k's are [rowStart[k], rowStart[k] + rowCount[k]). */
  rows = new Int32Array(0);
  rowStart = new Int32Array(0);
  rowCount = new Int32Array(0);
  ownLog = new Float64Array(0);
  /** Each read mention's main-role probabilities (K_MAIN from k * K_MAIN; copied out per mention). */
  probs = new Float64Array(0);
  read = new Uint8Array(0);
  full = new Uint8Array(0);
  evRole = new Int8Array(0);
  logs = new Float64Array(0);
  count = new Int32Array(0);

  /** Sizes the arrays; `read`, `full`, `logs` and `count` come back zero over what the call uses. */
  fit(n: number, kMain: number, groups: number): this {
    if (this.read.length < n) {
      const cap = Math.max(n, 2 * this.read.length);
      this.rowStart = new Int32Array(cap);
      this.rowCount = new Int32Array(cap);
      this.ownLog = new Float64Array(cap * kMain);
      this.probs = new Float64Array(cap * kMain);
      this.read = new Uint8Array(cap);
      this.full = new Uint8Array(cap);
      this.evRole = new Int8Array(cap);
    } else {
      this.read.fill(0, 0, n);
      this.full.fill(0, 0, n);
    }
    if (this.count.length < groups) {
      const cap = Math.max(groups, 2 * this.count.length);
      this.logs = new Float64Array(cap * kMain);
      this.count = new Int32Array(cap);
    } else {
      this.logs.fill(0, 0, groups * kMain);
      this.count.fill(0, 0, groups);
    }
    return this;
  }

  /** Room in `rows` for `more` rows past the first `used`. */
  rowRoom(used: number, more: number): Int32Array {
    if (this.rows.length < used + more) {
      const x = new Int32Array(Math.max(used + more, 2 * this.rows.length, 1024));
      x.set(this.rows.subarray(0, used));
      this.rows = x;
    }
    return this.rows;
  }
}

/**
 * Per-token word facts of the document a featurizer reads (stem id, cluster, valence, cue classes and
 * the cue's length), shared by featurizers: `stamp[i] === epoch` says that token i's facts are the
 * current featurizer's. Another featurizer over another document takes a new epoch, so one that
 * runs again later reads its tokens afresh instead of reading the other's.
 */
export interface TokenFacts {
  epoch: number;
  stamp: Int32Array;
  stem: Int32Array;
  cl: Int16Array;
  val: Float32Array;
  cue: Int32Array;
  len: Uint8Array;
}

const factArrays = (cap: number): Omit<TokenFacts, 'epoch'> => ({
  stamp: new Int32Array(cap), stem: new Int32Array(cap), cl: new Int16Array(cap), val: new Float32Array(cap), cue: new Int32Array(cap), len: new Uint8Array(cap),
});
let facts = factArrays(0);
let lastEpoch = 0;

/** Fact arrays for a document of `count` tokens, with a fresh epoch (no token read yet). */
export function tokenFacts(count: number): TokenFacts {
  if (facts.stamp.length < count || lastEpoch >= 0x3fffffff) {
    const cap = Math.max(count, 2 * facts.stamp.length);
    facts = factArrays(cap);
    lastEpoch = 0;
  }
  return { epoch: ++lastEpoch, ...facts };
}

/** The featurizers' output buffers (see Featurizer): grown in place, shared. */
export interface FeatureBuffers {
  keys: Int32Array;
  cueKey: Int32Array;
  cueA: Int32Array;
  cueB: Int32Array;
  cueSeg: Int32Array;
}

const featureBufs: FeatureBuffers = { keys: new Int32Array(256), cueKey: new Int32Array(64), cueA: new Int32Array(64), cueB: new Int32Array(64), cueSeg: new Int32Array(64) };

/** The shared output buffers of featurizers (five typed arrays per document were costly to allocate). */
export function featureBuffers(): FeatureBuffers {
  return featureBufs;
}

/** Counting a phrase's occurrences in a text, with a trigram index for long texts. */

/** Texts at least this long get a trigram index (below it, a scan per phrase is cheaper). */
const INDEX_MIN_LENGTH = 20_000;
/**
 * The trigram index of the last text counted in: every start position, grouped by a hash of the
 * three units there (a bucket's positions ascend: filled by one scan; a bucket may mix trigrams, so
 * each candidate is still checked). Buckets scale with the text, and the arrays are reused.
 */
let indexedText: string | null = null;
let indexShift = 16;
let bucketStart = new Int32Array(0);
let bucketFill = new Int32Array(0);
let positions = new Int32Array(0);
/** Index arrays longer than this are dropped after the document instead of kept. */
const MAX_KEPT_POSITIONS = 1 << 17;

const trigramBucket = (s: string, i: number) => (Math.imul(Math.imul(s.charCodeAt(i), 0x01000193) ^ s.charCodeAt(i + 1), 0x01000193) ^ Math.imul(s.charCodeAt(i + 2), 0x9e3779b1)) >>> indexShift;

function indexText(text: string): void {
  indexedText = text;
  const n = text.length - 2;
  // About two positions per bucket, 2^8 to 2^16 buckets.
  const bits = Math.min(16, Math.max(8, 31 - Math.clz32(n)));
  indexShift = 32 - bits;
  const size = 1 << bits;
  if (bucketStart.length < size + 1) {
    bucketStart = new Int32Array(size + 1);
    bucketFill = new Int32Array(size);
  } else bucketStart.fill(0, 0, size + 1);
  if (positions.length < n) positions = new Int32Array(Math.max(n, 2 * positions.length));
  const starts = bucketStart;
  for (let i = 0; i < n; i++) starts[trigramBucket(text, i) + 1]!++;
  for (let b = 1; b <= size; b++) starts[b]! += starts[b - 1]!;
  const fill = bucketFill;
  fill.set(starts.subarray(0, size));
  const pos = positions;
  for (let i = 0; i < n; i++) pos[fill[trigramBucket(text, i)]!++] = i;
}

/**
 * Candidate places countOccurrencesIn checks per phrase at most (see there). Far above what a phrase
 * of ordinary text needs: a phrase stops at its `atMost`-th match, and its rarest trigram is rare.
 */
export const OCCURRENCE_CHECKS = 4096;

/**
 * countOccurrences, with the same result, for many phrases of one text: a long text is indexed by
 * trigram once, and a phrase is checked only where its rarest trigram may occur, so a document's
 * spans cost time in proportion to those places instead of a scan of the whole text each (quadratic
 * growth with document length otherwise). Counting stops at `atMost` matches, and after `maxChecks`
 * candidate places (then the count so far, a lower bound, is returned): only a text whose every
 * trigram is common yet holds the phrase fewer than `atMost` times gets there, and the bound keeps
 * such texts linear too.
 */
export function countOccurrencesIn(lowerText: string, phrase: string, atMost = Infinity, maxChecks = Infinity): number {
  if (phrase.length < 3 || lowerText.length < INDEX_MIN_LENGTH) return countOccurrences(lowerText, phrase, atMost);
  if (indexedText !== lowerText) indexText(lowerText);
  // Candidates from the phrase's rarest trigram: "the ..." would otherwise check every "the" of the text.
  let b = trigramBucket(phrase, 0);
  let off = 0;
  for (let j = 1; j + 3 <= phrase.length; j++) {
    const c = trigramBucket(phrase, j);
    if (bucketStart[c + 1]! - bucketStart[c]! < bucketStart[b + 1]! - bucketStart[b]!) {
      b = c;
      off = j;
    }
  }
  // Leftmost match first, the next searched from the end of the last: as the indexOf loop does.
  let n = 0;
  let next = 0;
  const end = Math.min(bucketStart[b + 1]!, bucketStart[b]! + maxChecks);
  for (let q = bucketStart[b]!; q < end && n < atMost; q++) {
    const p = positions[q]! - off;
    if (p >= next && lowerText.startsWith(phrase, p)) {
      n++;
      next = p + phrase.length;
    }
  }
  return n;
}

/** Forgets the indexed text, and lets go of the index arrays when a long text made them large. */
export function releaseOccurrenceIndex(): void {
  indexedText = null;
  if (positions.length > MAX_KEPT_POSITIONS) {
    bucketStart = new Int32Array(0);
    bucketFill = new Int32Array(0);
    positions = new Int32Array(0);
  }
}

/** Counts non-overlapping occurrences of a lowercased phrase in a lowercased text (up to `atMost`). */
export function countOccurrences(lowerText: string, phrase: string, atMost = Infinity): number {
  if (phrase.length === 0) return 0;
  let n = 0;
  for (let i = lowerText.indexOf(phrase); i !== -1 && n < atMost; i = lowerText.indexOf(phrase, i + phrase.length)) n++;
  return n;
}

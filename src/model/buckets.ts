/**
 * Bucketing of counts and sums into small feature values. The edges come as one frozen object that
 * users take apart into constants of their own (see WORD_LAYOUT in word-cache.ts for why).
 */

export function bucket(x: number, edges: readonly number[]): number {
  let k = 0;
  while (k < edges.length && x >= edges[k]!) k++;
  return k;
}

const POS_EDGES = [1, 2, 3, 5, 8, 13];
/** bucket(x, POS_EDGES) for x >= 0 (from the last edge up, every x shares the top bucket). */
const POS_TABLE = Uint8Array.from({ length: 16 }, (_, x) => bucket(x, POS_EDGES));
export function posBucket(x: number): number {
  return POS_TABLE[x < 15 ? x : 15]!;
}

export const EDGES = Object.freeze({
  LEN_EDGES: [4, 8, 13, 20, 30, 45],
  VAL_EDGES: [0.5, 1.5, 3, 5, 8],
  COUNT_EDGES: [2, 3, 5, 9],
  SENT_EDGES: [1, 2, 3, 5, 10, 20],
});

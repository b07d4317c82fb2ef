/** Bucketing of counts and sums into small feature values. */

export const bucket = (x: number, edges: readonly number[]): number => {
  let k = 0;
  while (k < edges.length && x >= edges[k]!) k++;
  return k;
};

export const LEN_EDGES = [4, 8, 13, 20, 30, 45];
export const VAL_EDGES = [0.5, 1.5, 3, 5, 8];
const POS_EDGES = [1, 2, 3, 5, 8, 13];
/** bucket(x, POS_EDGES) for x >= 0 (from the last edge up, every x shares the top bucket). */
const POS_TABLE = Uint8Array.from({ length: 16 }, (_, x) => bucket(x, POS_EDGES));
export const posBucket = (x: number): number => POS_TABLE[x < 15 ? x : 15]!;
export const COUNT_EDGES = [2, 3, 5, 9];
export const SENT_EDGES = [1, 2, 3, 5, 10, 20];

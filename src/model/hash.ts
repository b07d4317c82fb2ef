/**
 * Feature hashing. Features are never stored as strings: a template id and the hashes of its values
 * mix into a bucket index, so the artefact holds numbers only and the feature space has a fixed size.
 */

/** FNV-1a over UTF-16 code units, finished with a murmur3 avalanche. Stable across runs and platforms. */
export function hashString(s: string): number {
  return fmix(fnvUpdate(FNV_SEED, s));
}

export const FNV_SEED = 0x811c9dc5;

/** The FNV-1a state after more units: hashString(a + b) === fmix(fnvUpdate(fnvUpdate(FNV_SEED, a), b)). */
export function fnvUpdate(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

export function fmix(h: number): number {
  return fmix32(h) >>> 0;
}

/**
 * fmix's bits as a signed 32-bit integer. Where a hash only feeds masks, typed arrays or further
 * mixing, this form is cheaper: it is a small integer to V8 (on 64-bit Node), so a call that returns
 * it allocates nothing, whereas an unsigned value of 2^31 or more would be a heap number.
 */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * Combines two 32-bit values into one well-mixed 32-bit hash, as a signed integer (see fmix32).
 * The inputs may be signed or unsigned: only their 32 bits count.
 */
export function mix(a: number, b: number): number {
  return fmix32((Math.imul(a, 0x9e3779b1) ^ (b + 0x7f4a7c15 + (a << 6) + (a >>> 2))) | 0);
}

export function mix3(a: number, b: number, c: number): number {
  return mix(mix(a, b), c);
}

/** Seeded PRNG and shuffle for folds: one implementation, in core. */
export { rng, shuffle } from '../core/random.js';

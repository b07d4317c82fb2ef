/**
 * The word hash of the framing artefacts (valence and cluster tables keyed by word): FNV-1a over
 * UTF-16 code units, finished with the murmur3 avalanche. The same function as src/model/hash.ts's
 * hashString, which layers may not import (docs/architecture.md), so tables made with either match.
 */
export function wordHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

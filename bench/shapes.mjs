// Texts of a given size in three shapes, for scaling checks (bench/scaling.mjs and the property test
// src/analysis/scaling.test.ts): `normal` is news-like prose (bench/corpus.mjs articles joined into
// one document), `repetitive` one sentence over and over, `random` random letters in random words,
// sentences and paragraphs (capitalised as prose is: sentence starts and one word in twenty).
// Deterministic for a seed. Written for framewise (no external text).
import { article, rng } from './corpus.mjs';

const REPEATED = 'The brutal regime of Freedonia shelled the border villages again, officials in Sylvania said on Monday. ';

/** A text of about `bytes` UTF-8 bytes (ASCII, so also UTF-16 units) in the given shape. */
export function shapedText(shape, bytes, seed = 1) {
  if (shape === 'repetitive') return REPEATED.repeat(Math.max(1, Math.round(bytes / REPEATED.length)));
  const r = rng(seed);
  const parts = [];
  let size = 0;
  if (shape === 'normal') {
    while (size < bytes) {
      const a = article(r, 5000);
      parts.push(a);
      size += a.length + 1;
    }
    return parts.join('\n');
  }
  if (shape !== 'random') throw new Error(`unknown shape ${shape}`);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  let start = true;
  while (size < bytes) {
    const len = 1 + Math.floor(r() * 9);
    let w = '';
    for (let k = 0; k < len; k++) w += letters[Math.floor(r() * 26)];
    if (start || r() < 0.05) w = w[0].toUpperCase() + w.slice(1);
    const x = r();
    start = x < 0.06 || (x >= 0.08 && x < 0.09);
    const sep = x < 0.06 ? '. ' : x < 0.08 ? ', ' : x < 0.085 ? '.\n\n' : x < 0.09 ? '? ' : ' ';
    parts.push(w + sep);
    size += w.length + sep.length;
  }
  return parts.join('');
}

export const SHAPES = ['normal', 'repetitive', 'random'];

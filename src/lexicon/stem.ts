/**
 * A deliberately light English stemmer for matching, not linguistics: it folds the common
 * inflections ("strikes", "striking", "struck" stays apart) so that a headline word finds its body
 * counterpart and classifier features generalise across plural and tense.
 */
// A Map, not an object literal: a word like "constructor" must not find Object.prototype's.
const IRREGULAR = new Map<string, string>(Object.entries({
  children: 'child', people: 'person', men: 'man', women: 'woman', killed: 'kill', dead: 'die', died: 'die',
  deaths: 'death', says: 'say', said: 'say', taken: 'take', took: 'take', fled: 'flee', struck: 'strike',
  hit: 'hit', shot: 'shoot', won: 'win', lost: 'lose', fell: 'fall', rose: 'rise', risen: 'rise', held: 'hold',
  led: 'lead', paid: 'pay', sold: 'sell', bought: 'buy', left: 'leave', began: 'begin', begun: 'begin',
}));

/** Stems are pure functions of the word and news vocabulary repeats: a bounded cache pays off. */
const cache = new Map<string, string>();
const CACHE_LIMIT = 100_000;

export function stem(word: string): string {
  let s = cache.get(word);
  if (s === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    s = computeStem(word);
    cache.set(word, s);
  }
  return s;
}

function computeStem(word: string): string {
  const lower = word.toLowerCase();
  const w = lower.endsWith("'s") ? lower.slice(0, -2) : lower;
  const irr = IRREGULAR.get(w);
  if (irr) return irr === w ? w : computeStem(irr);
  if (w.length <= 3) return w;
  let s = w;
  if (s.endsWith('ies') && s.length > 4) s = s.slice(0, -3) + 'y';
  else if (s.endsWith('sses')) s = s.slice(0, -2);
  else if (s.endsWith('ches') || s.endsWith('shes') || s.endsWith('xes')) s = s.slice(0, -2);
  else if (s.endsWith('s') && !s.endsWith('ss') && !s.endsWith('us') && !s.endsWith('is')) s = s.slice(0, -1);
  if (s.endsWith('ing') && s.length > 5) s = undouble(s.slice(0, -3));
  else if (s.endsWith('ied') && s.length > 4) s = s.slice(0, -3) + 'y';
  else if (s.endsWith('ed') && s.length > 4) s = undouble(s.slice(0, -2));
  if (s.endsWith('ly') && s.length > 5) s = s.slice(0, -2);
  if (s.endsWith('e') && s.length > 4) s = s.slice(0, -1);
  return s;
}

function undouble(s: string): string {
  const n = s.length;
  if (n > 3 && s[n - 1] === s[n - 2] && !'lsz'.includes(s[n - 1]!)) return s.slice(0, -1);
  return s;
}

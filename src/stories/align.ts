import { numberKey } from './terms.js';
import type { Unit } from './units.js';

/**
 * Facts of a story: near-duplicate units across its versions, one fact each. Units are compared by
 * the cosine of their terms weighted by how rare each term is among the story's units (words every
 * sentence of the story shares, like the place it happened, count for little). The most similar
 * pairs merge first, and a fact never takes two units of the same version.
 *
 * A version whose units were not merged into a fact may still carry it in a sentence that carries
 * more than that fact ("shelled the valley, and 120,000 fled"): `covers` asks whether one of its
 * units contains most of what the fact's versions agree on.
 */

export const ALIGN_DEFAULTS = { threshold: 0.35, coverage: 0.5 };

export interface Fact {
  units: Unit[];
  /** What its agreed numbers count ("resident" for "120,000 residents"). */
  counted: Set<string>;
  /** What the versions that carry the fact agree on: term -> weight. */
  core: Map<string, number>;
  /** Number keys (#value) most of its units carry. */
  numbers: Set<string>;
}

type Vec = Map<string, number>;

function weigh(units: Unit[]): { vectors: Vec[]; idf: (k: string) => number } {
  const df = new Map<string, number>();
  for (const u of units) for (const k of u.terms.keys()) df.set(k, (df.get(k) ?? 0) + 1);
  const n = units.length;
  const idf = (k: string) => Math.log((n + 1) / ((df.get(k) ?? 0) + 0.5));
  const vectors = units.map((u) => {
    const v: Vec = new Map();
    let norm = 0;
    for (const [k, w] of u.terms) {
      const x = w * Math.max(0, idf(k));
      if (x <= 0) continue;
      v.set(k, x);
      norm += x * x;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [k, x] of v) v.set(k, x / norm);
    return v;
  });
  return { vectors, idf };
}

function cosine(a: Vec, b: Vec): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [k, x] of small) {
    const y = large.get(k);
    if (y !== undefined) dot += x * y;
  }
  return dot;
}

/** Groups a story's units into facts. Deterministic: ties break by unit order (version, then sentence). */
export function alignFacts(units: Unit[], threshold = ALIGN_DEFAULTS.threshold): Fact[] {
  const { vectors, idf } = weigh(units);
  const pairs: Array<[number, number, number]> = [];
  for (let a = 0; a < units.length; a++) {
    for (let b = a + 1; b < units.length; b++) {
      if (units[a]!.doc === units[b]!.doc) continue;
      const s = cosine(vectors[a]!, vectors[b]!);
      if (s >= threshold) pairs.push([s, a, b]);
    }
  }
  pairs.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
  const parent = units.map((_, i) => i);
  const docs = units.map((u) => new Set([u.doc]));
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
  for (const [, a, b] of pairs) {
    const ra = find(a);
    const rb = find(b);
    if (ra === rb) continue;
    const [da, db] = [docs[ra]!, docs[rb]!];
    let clash = false;
    for (const d of db) if (da.has(d)) clash = true;
    if (clash) continue;
    const [root, child] = ra < rb ? [ra, rb] : [rb, ra];
    parent[child] = root;
    for (const d of docs[child]!) docs[root]!.add(d);
  }
  const groups = new Map<number, number[]>();
  units.forEach((_, i) => {
    const r = find(i);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = []));
    g.push(i);
  });
  return [...groups.values()].map((members) => {
    const us = members.map((i) => units[i]!);
    const numbers = consensusNumbers(us);
    const counted = new Set(us.flatMap((u) => u.numbers.filter((n) => numbers.has(numberKey(n.value)) && n.counts).map((n) => n.counts!)));
    return { units: us, counted, core: coreOf(us, idf), numbers };
  });
}

/** Terms that at least half of the fact's units (and two) share, weighted by rarity in the story. */
function coreOf(us: Unit[], idf: (k: string) => number): Map<string, number> {
  const count = new Map<string, number>();
  for (const u of us) for (const k of u.terms.keys()) count.set(k, (count.get(k) ?? 0) + 1);
  const need = us.length === 1 ? 1 : Math.max(2, Math.ceil(us.length / 2));
  const core = new Map<string, number>();
  for (const [k, c] of count) {
    if (c < need) continue;
    let w = 0;
    for (const u of us) w += u.terms.get(k) ?? 0;
    const x = (w / us.length) * Math.max(0, idf(k));
    if (x > 0) core.set(k, x);
  }
  return core;
}

function consensusNumbers(us: Unit[]): Set<string> {
  const count = new Map<string, number>();
  for (const u of us) for (const k of new Set(u.numbers.map((n) => numberKey(n.value)))) count.set(k, (count.get(k) ?? 0) + 1);
  const out = new Set<string>();
  for (const [k, c] of count) if (c * 2 >= us.length && (us.length === 1 || c >= 2)) out.add(k);
  return out;
}

/** Share of the fact's core (by weight) that a unit contains: 1 when it says all the versions agree on. */
export function containment(fact: Fact, unit: Unit): number {
  let total = 0;
  let hit = 0;
  for (const [k, w] of fact.core) {
    total += w;
    if (unit.terms.has(k)) hit += w;
  }
  return total > 0 ? hit / total : 0;
}

/** Units of measure and time: "54 percent" and "41 percent" count the same thing and say nothing of what. */
const GENERIC_COUNTS = new Set(['percent', 'per', 'cent', 'percentag', 'point', 'time', 'year', 'month', 'week', 'day', 'hour', 'minut', 'kilometr', 'metr', 'mile']);

/**
 * A unit that tells the fact's count vaguely or differently: it names what the fact's numbers count
 * ("some residents left" for "120,000 residents fled") without that number, and the same kind of
 * event (one of the fact's event concepts, concepts.txt). Facts without an event concept get no
 * such second chance: a shared noun alone is too little.
 */
export function vagueCount(fact: Fact, unit: Unit): boolean {
  const counted = [...fact.counted].filter((c) => !GENERIC_COUNTS.has(c));
  if (!counted.some((c) => unit.terms.has(c))) return false;
  const own = new Set(unit.numbers.map((n) => numberKey(n.value)));
  if ([...fact.numbers].some((k) => own.has(k))) return false;
  return [...fact.core.keys()].some((k) => k.startsWith('c:') && unit.terms.has(k));
}

/** A unit carries a fact with another number, or none, where most versions give one: "some residents left". */
export function changedNumbers(fact: Fact, unit: Unit): boolean {
  if (fact.numbers.size === 0) return false;
  const mine = new Set(unit.numbers.map((n) => numberKey(n.value)));
  for (const k of fact.numbers) if (!mine.has(k)) return true;
  return false;
}

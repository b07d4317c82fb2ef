/**
 * A pattern compiled for the matcher (PatternEntry), and the patterns anchored on one word grouped
 * for a quick reject (AnchorList).
 */
import { OPCODES } from './match.js';
import type { CompiledPattern, Elem } from './pattern.js';

/**
 * A pattern compiled for the matcher: elements as parallel typed arrays (one shape, no string
 * switches) and word sets as bitmaps over vocab ids, so a token test is an array load.
 */
export interface PatternEntry {
  rule: number;
  anchorOffset: number;
  /** Element count, opcode, flags and arguments per element. */
  n: number;
  op: Uint8Array;
  optional: Uint8Array;
  neg: Uint8Array;
  /** Gap: min and max; class: the class code; set: index into `sets`. */
  a: Int32Array;
  b: Int32Array;
  markSlots: Int8Array;
  sets: IdSet[];
  /** First element that consumes a token when it is required (a cheap pre-test), else -1. */
  first: number;
  /**
   * A plain word set (required, not negated, no prefixes) other than the anchor whose element
   * always lands within offsets [filterFrom, filterTo] of the match start (at most 3 positions),
   * the most selective such; a necessary condition tested before a try. Null when there is none.
   */
  filterSet: IdSet | null;
  filterFrom: number;
  filterTo: number;
}

export interface IdSet {
  lo: number;
  bits: Uint8Array;
  prefixes: string[];
  /** Per vocab id: does the word start with one of the prefixes (0 unknown, 1 yes, 2 no). */
  prefixHit: Uint8Array;
  /** The same for words outside the vocab, by the tokeniser's key, valid for generation `localGen`. */
  localHit: Uint8Array;
  localGen: number;
}

const { OP_MARK, OP_GAP, OP_SET, OP_CLASS } = OPCODES;
const CLASS_CODES: Record<string, number> = { CAP: 0, UPPER: 1, NUM: 2, WORD: 3, PUNCT: 4 };

export function compileEntry(rule: number, pattern: CompiledPattern): PatternEntry {
  const n = pattern.elems.length;
  const entry: PatternEntry = {
    rule,
    anchorOffset: pattern.anchorOffset,
    n,
    op: new Uint8Array(n),
    optional: new Uint8Array(n),
    neg: new Uint8Array(n),
    a: new Int32Array(n),
    b: new Int32Array(n),
    markSlots: new Int8Array(n).fill(-1),
    sets: [],
    first: -1,
    filterSet: null,
    filterFrom: 0,
    filterTo: 0,
  };
  let m = 0;
  pattern.elems.forEach((e, k) => {
    if (e.t === 'mark') {
      entry.op[k] = OP_MARK;
      entry.markSlots[k] = m++;
    } else if (e.t === 'gap') {
      entry.op[k] = OP_GAP;
      entry.a[k] = e.min;
      entry.b[k] = e.max;
    } else {
      entry.optional[k] = e.optional ? 1 : 0;
      entry.neg[k] = e.neg ? 1 : 0;
      if (e.t === 'class') {
        entry.op[k] = OP_CLASS;
        entry.a[k] = CLASS_CODES[e.cls]!;
      } else {
        entry.op[k] = OP_SET;
        entry.a[k] = entry.sets.length;
        let lo = Infinity;
        let hi = -1;
        for (const id of e.ids) {
          if (id < lo) lo = id;
          if (id > hi) hi = id;
        }
        const bits = new Uint8Array(hi >= 0 ? hi - lo + 1 : 0);
        for (const id of e.ids) bits[id - lo] = 1;
        entry.sets.push({ lo: hi >= 0 ? lo : 0, bits, prefixes: e.prefixes, prefixHit: new Uint8Array(0), localHit: new Uint8Array(0), localGen: -1 });
      }
    }
  });
  for (let k = 0; k < n; k++) {
    if (entry.op[k] === OP_MARK) continue;
    if (entry.op[k] !== OP_GAP && entry.optional[k] === 0) entry.first = k;
    break;
  }
  // Offsets each element can land at: gaps and optional elements widen the range.
  let minOff = 0;
  let maxOff = 0;
  let best = Infinity;
  for (let k = 0; k < n; k++) {
    const op = entry.op[k]!;
    if (op === OP_MARK) continue;
    if (op === OP_GAP) {
      minOff += entry.a[k]!;
      maxOff += entry.b[k]!;
      continue;
    }
    if (entry.optional[k] === 1) {
      maxOff++;
      continue;
    }
    if (op === OP_SET && entry.neg[k] === 0 && k !== pattern.anchor && maxOff - minOff <= 2) {
      const set = entry.sets[entry.a[k]!]!;
      const cost = (pattern.elems[k] as Extract<Elem, { t: 'set' }>).ids.size * (maxOff - minOff + 1);
      if (set.prefixes.length === 0 && cost < best) {
        best = cost;
        entry.filterSet = set;
        entry.filterFrom = minOff;
        entry.filterTo = maxOff;
      }
    }
    minOff++;
    maxOff++;
  }
  return entry;
}

/** The patterns anchored on one word, with a quick reject for all of them at once. */
export interface AnchorList {
  entries: PatternEntry[];
  /** The entries without a filter set, in order: all that can match when no group below hits. */
  unfiltered: PatternEntry[];
  /** Per offset range of a filter from the anchor token: the union of the filter sets there. */
  groups: Array<{ from: number; to: number; lo: number; bits: Uint8Array }>;
  /**
   * All groups at once (for 2-8 groups, else null): per vocab id - masksLo, a bit per group whose
   * set holds it; per offset from the anchor - coverFrom, a bit per group whose range covers it.
   * One load per token near the anchor instead of one per group.
   */
  masks: Uint8Array | null;
  masksLo: number;
  cover: Uint8Array;
  coverFrom: number;
}

export function anchorList(entries: PatternEntry[]): AnchorList {
  const byDelta = new Map<string, { from: number; to: number; sets: IdSet[] }>();
  const unfiltered: PatternEntry[] = [];
  for (const e of entries) {
    if (e.filterSet === null) {
      unfiltered.push(e);
      continue;
    }
    const from = e.filterFrom - e.anchorOffset;
    const to = e.filterTo - e.anchorOffset;
    const key = `${from},${to}`;
    let group = byDelta.get(key);
    if (!group) byDelta.set(key, (group = { from, to, sets: [] }));
    group.sets.push(e.filterSet);
  }
  const groups: AnchorList['groups'] = [];
  for (const { from, to, sets } of byDelta.values()) {
    let lo = Infinity;
    let hi = -1;
    for (const x of sets) {
      if (x.bits.length === 0) continue;
      lo = Math.min(lo, x.lo);
      hi = Math.max(hi, x.lo + x.bits.length - 1);
    }
    const bits = new Uint8Array(hi >= 0 ? hi - lo + 1 : 0);
    for (const x of sets) for (let k = 0; k < x.bits.length; k++) if (x.bits[k] === 1) bits[x.lo + k - lo] = 1;
    groups.push({ from, to, lo: hi >= 0 ? lo : 0, bits });
  }
  const list: AnchorList = { entries, unfiltered, groups, masks: null, masksLo: 0, cover: new Uint8Array(0), coverFrom: 0 };
  if (groups.length >= 2 && groups.length <= 8) {
    let lo = Infinity;
    let hi = -1;
    let from = Infinity;
    let to = -Infinity;
    for (const g of groups) {
      from = Math.min(from, g.from);
      to = Math.max(to, g.to);
      if (g.bits.length === 0) continue;
      lo = Math.min(lo, g.lo);
      hi = Math.max(hi, g.lo + g.bits.length - 1);
    }
    const masks = new Uint8Array(hi >= 0 ? hi - lo + 1 : 0);
    const cover = new Uint8Array(to - from + 1);
    groups.forEach((g, k) => {
      for (let x = 0; x < g.bits.length; x++) if (g.bits[x] === 1) masks[g.lo + x - lo]! |= 1 << k;
      for (let d = g.from; d <= g.to; d++) cover[d - from]! |= 1 << k;
    });
    list.masks = masks;
    list.masksLo = hi >= 0 ? lo : 0;
    list.cover = cover;
    list.coverFrom = from;
  }
  return list;
}


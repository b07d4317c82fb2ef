import { builtinLexicon } from '../../lexicon/builtin.js';
import { stem } from '../../lexicon/stem.js';
import { Vocab } from '../../text/vocab.js';
import { FRAME_IDS, type FrameId } from '../../core/frames.js';
import type { ActiveRole } from './roles.js';
import { segment, type Doc } from '../../text/segment.js';
import { F_CAP, F_UPPER, K_NUMBER, K_PUNCT, K_WORD, tokenLower, type Tokens } from '../../text/tokenise.js';
import type { DocEvidence, RolesBySentence } from './evidence.js';
import type { NarrativePack } from './pack.js';

/**
 * What the narrative model sees of a sentence. Words become units: the stem of a common word, one
 * placeholder for every name (`@name`), or `@party:<id>` for a name the pack lists as a party, so a
 * pack without parties cannot tell who is named and swapping the parties changes nothing. Features
 * are the units, pairs of neighbouring units (function words skipped, punctuation breaks a pair),
 * the pack's cues that fired in the sentence, the frames of its paragraph and the roles its actors
 * are cast in. Training (train.ts) and inference (model.ts) share this code.
 */

export const NAME_UNIT = '@name';
export const partyUnit = (id: string) => `@party:${id}`;

/** Unit codes other than a unit: a word the model does not know, a function word, a break. */
export const UNKNOWN = -1;
export const SKIP = -2;
export const BREAK = -3;

export const ROLES: readonly ActiveRole[] = ['aggressor', 'victim', 'authority'];
const ROLE_INDEX = new Map<ActiveRole, number>(ROLES.map((r, k) => [r, k]));
const FRAME_INDEX = new Map<FrameId, number>(FRAME_IDS.map((f, k) => [f, k]));

/** Words that carry stance in a narrative although they are function words elsewhere. */
const KEEP = new Set(['no', 'not', 'nor', 'against', 'our', 'ours', 'ourselves', 'own', 'we', 'us', 'they', 'them', 'their', 'theirs', 'people', 'only', 'never', 'why', 'who']);

let stops: Set<string> | null = null;
function stopwords(): Set<string> {
  if (!stops) {
    stops = new Set(builtinLexicon('stopwords'));
    for (const w of KEEP) stops.delete(w);
  }
  return stops;
}

/** The unit string of a lowercased word, or null for a function word or a word too short to mean much. */
export function wordUnit(w: string): string | null {
  if (w === "n't") return 'not';
  if (w.length < 2 || stopwords().has(w)) return null;
  const c = w.charCodeAt(0);
  // Words must begin with a letter ("--", "'s" and the like are no units).
  if (!((c >= 97 && c <= 122) || c > 127)) return null;
  return stem(w);
}

/** Maps words to unit codes: growing while training, fixed in a trained model. */
export interface UnitCoder {
  /** The code of token i's word: a unit (>= 0), UNKNOWN or SKIP. */
  word(t: Tokens, i: number): number;
  readonly name: number;
  party(k: number): number;
}

/**
 * Where modelUnits writes the tokens at which a cue may start (`pays[k]`: the index + 1 of the
 * one-word cue or term a word is, or -1 where a phrase may start and the matcher must look), and
 * those of claim-shape anchors.
 */
export interface StartsOut {
  starts: Int32Array;
  pays: Int32Array;
  n: number;
  anchors: Int32Array;
  na: number;
}

/** Where each party alias starts and which tokens it covers (per token; -1 where none). */
export interface Parties {
  partyAt: Int32Array;
  partyCover: Int32Array;
}

/** A document without parties shares one array of -1 (never written), grown as needed. */
let noParties = new Int32Array(0);

export function scanParties(doc: Doc, pack: NarrativePack): Parties {
  const n = doc.tokens.count;
  if (pack.parties.length === 0) {
    if (noParties.length < n) noParties = new Int32Array(Math.max(n, 2 * noParties.length)).fill(-1);
    return { partyAt: noParties, partyCover: noParties };
  }
  const partyAt = new Int32Array(n).fill(-1);
  const partyCover = new Int32Array(n).fill(-1);
  if (pack.parties.length > 0) {
    const flags = doc.tokens.flags;
    pack.partyMatcher.scanEntries(doc, 0, n, (entry, a, b) => {
      const { party, caseReq } = entry.value;
      if (caseReq === 1 && (flags[a]! & F_CAP) === 0) return;
      if (caseReq === 2 && (flags[a]! & F_UPPER) === 0) return;
      partyAt[a] = party * 256 + Math.min(255, b - a);
      for (let k = a; k < b; k++) partyCover[k] = party;
    });
  }
  return { partyAt, partyCover };
}

/**
 * The units of tokens [from, to) into `codes` (BREAK between clause pieces) with the token of each
 * in `tokens`; returns the count. Consecutive name words make one `@name`.
 */
export function sentenceUnits(doc: Doc, from: number, to: number, parties: Parties, coder: UnitCoder, codes: Int32Array, tokens: Int32Array, disowned: Uint8Array | null = null): number {
  const t = doc.tokens;
  let n = 0;
  for (let i = from; i < to; i++) {
    // Words the author disowns read as a break (see DocSignals.disowned).
    if (disowned !== null && disowned[i] === 1) {
      if (n > 0 && codes[n - 1] !== BREAK) {
        codes[n] = BREAK;
        tokens[n++] = i;
      }
      continue;
    }
    const p = parties.partyAt[i]!;
    if (p >= 0) {
      codes[n] = coder.party(p >> 8);
      tokens[n++] = i;
      i += (p & 255) - 1;
      continue;
    }
    const kind = t.kind[i]!;
    if (kind === K_PUNCT) {
      const c = doc.text.charCodeAt(t.start[i]!);
      // Apostrophes and hyphens join words; other punctuation ends a clause piece.
      if (c !== 39 && c !== 45 && c !== 0x2019 && n > 0 && codes[n - 1] !== BREAK) {
        codes[n] = BREAK;
        tokens[n++] = i;
      }
      continue;
    }
    if (kind !== K_WORD) continue;
    let c = coder.word(t, i);
    if (c === SKIP) continue;
    if (c === UNKNOWN && (t.flags[i]! & F_CAP) !== 0) {
      if (n > 0 && codes[n - 1] === coder.name && tokens[n - 1] === i - 1) {
        tokens[n - 1] = i;
        continue;
      }
      c = coder.name;
    }
    codes[n] = c;
    tokens[n++] = i;
  }
  return n;
}

/** The layout of a model's feature space: units, then unit pairs, then cues, frames and roles. */
export interface FeatureLayout {
  units: number;
  pairs: number;
  items: number;
  parties: number;
}

export const cueFeature = (l: FeatureLayout, item: number) => l.units + l.pairs + item;
export const frameFeature = (l: FeatureLayout, frame: number) => l.units + l.pairs + l.items + frame;
export const roleFeature = (l: FeatureLayout, role: number, who: number) =>
  l.units + l.pairs + l.items + FRAME_IDS.length + role * (l.parties + 1) + (who < 0 ? l.parties : who);
export const featureCount = (l: FeatureLayout) => l.units + l.pairs + l.items + FRAME_IDS.length + ROLES.length * (l.parties + 1);

/** The special features (cues, frames, roles) of sentence s, appended to `out` from `n`; returns the new count. */
export function specialFeatures(
  l: FeatureLayout,
  doc: Doc,
  s: number,
  ev: Pick<DocEvidence, 'hits' | 'hitOff'>,
  frames: ReadonlyArray<readonly FrameId[] | undefined>,
  roles: RolesBySentence,
  out: Int32Array,
  n: number,
): number {
  const start = n;
  for (let h = ev.hitOff[s]!; h < ev.hitOff[s + 1]!; h++) {
    const f = cueFeature(l, ev.hits[h]!.item);
    let seen = false;
    for (let k = start; k < n; k++) if (out[k] === f) seen = true;
    if (!seen) out[n++] = f;
  }
  const fr = frames[doc.sentences[s]!.paragraph];
  if (fr) for (const f of fr) out[n++] = frameFeature(l, FRAME_INDEX.get(f)!);
  const rs = roles[s];
  if (rs) {
    for (const r of rs) {
      const f = roleFeature(l, ROLE_INDEX.get(r.role)!, r.who);
      let seen = false;
      for (let k = start; k < n; k++) if (out[k] === f) seen = true;
      if (!seen) out[n++] = f;
    }
  }
  return n;
}

/** A coder over a fixed unit table (a trained model's): unknown words are UNKNOWN. */
export class ModelCoder implements UnitCoder {
  readonly name: number;
  private readonly partyCodes: number[];
  /**
   * Per word, packed: bit 0 when a cue phrase of several words may start at it, bit 1 when it
   * anchors a claim shape, bits 2-15 its unit code + 8, bits 16-30 the index + 1 of the one-word cue
   * or term it is (0: none); 0 while not yet computed: by id of the
   * tokens' vocabulary, and by the tokeniser's cross-document key for other words (see WordMemo). Int32
   * arrays rather than a memo of values: this is read for every token of every document.
   */
  private byId = new Int32Array(0);
  /** The vocabulary `byId` belongs to; the tables of others in `otherIds`. */
  private vocab: Vocab | null = null;
  private readonly otherIds = new WeakMap<Vocab, Int32Array<ArrayBuffer>>();
  private byKey = new Int32Array(0);
  private generation = -1;

  constructor(
    readonly index: ReadonlyMap<string, number>,
    partyIds: readonly string[],
    private readonly evidence: (word: string) => { single: number; startsPhrase: boolean } = () => ({ single: 0, startsPhrase: false }),
    private readonly anchors: (word: string) => boolean = () => false,
  ) {
    if (index.size + 8 >= 1 << 14) throw new Error(`narrative model: ${index.size} units, more than the packed word memo holds`);
    this.name = index.get(NAME_UNIT) ?? UNKNOWN;
    this.partyCodes = partyIds.map((p) => index.get(partyUnit(p)) ?? UNKNOWN);
  }

  private compute(w: string): number {
    const u = wordUnit(w);
    const code = u === null ? SKIP : (this.index.get(u) ?? UNKNOWN);
    const e = this.evidence(w);
    if (e.single >= 1 << 15) throw new Error(`narrative model: more one-word evidence terms than the packed word memo holds`);
    return ((e.single << 16) | ((code + 8) << 2) | (this.anchors(w) ? 2 : 0) | (e.startsPhrase ? 1 : 0)) >>> 0;
  }

  word(t: Tokens, i: number): number {
    return ((this.packed(t, i) >> 2) & 0x3fff) - 8;
  }

  packed(t: Tokens, i: number): number {
    const id = t.id[i]!;
    if (id >= 0) {
      if (t.vocab !== this.vocab) this.switchTo(t.vocab);
      if (id >= this.byId.length) {
        const a = new Int32Array(Math.max(t.vocab.size, id + 1) + 1024);
        a.set(this.byId);
        this.byId = a;
      }
      let v = this.byId[id]!;
      if (v === 0) v = this.byId[id] = this.compute(t.vocab.str(id));
      return v;
    }
    if (t.keyGeneration !== this.generation) {
      this.generation = t.keyGeneration;
      this.byKey = new Int32Array(this.byKey.length);
    }
    const j = -id - 2;
    const key = t.localKeys[j]!;
    if (key >= this.byKey.length) {
      const a = new Int32Array(Math.max(1024, key + 1 + (key >> 1)));
      a.set(this.byKey);
      this.byKey = a;
    }
    let v = this.byKey[key]!;
    if (v === 0) v = this.byKey[key] = this.compute(t.localWords[j]!);
    return v;
  }

  private switchTo(vocab: Vocab): void {
    if (this.vocab !== null) this.otherIds.set(this.vocab, this.byId);
    this.vocab = vocab;
    this.byId = this.otherIds.get(vocab) ?? new Int32Array(0);
  }

  party(k: number): number {
    return this.partyCodes[k]!;
  }
}

/**
 * sentenceUnits for a trained model, reading each token's word once for its unit and for whether a
 * cue may start there (positions into `out.starts`). The same units as sentenceUnits (tested).
 */
export function modelUnits(doc: Doc, from: number, to: number, parties: Parties | null, coder: ModelCoder, codes: Int32Array, tokens: Int32Array, out: StartsOut, disowned: Uint8Array | null = null): number {
  const t = doc.tokens;
  const kinds = t.kind;
  const flags = t.flags;
  const name = coder.name;
  let n = 0;
  let ns = 0;
  let na = 0;
  const starts = out.starts;
  const pays = out.pays;
  const anchors = out.anchors;
  for (let i = from; i < to; i++) {
    if (disowned !== null && disowned[i] === 1) {
      if (n > 0 && codes[n - 1] !== BREAK) {
        codes[n] = BREAK;
        tokens[n++] = i;
      }
      continue;
    }
    if (parties !== null) {
      const p = parties.partyAt[i]!;
      if (p >= 0) {
        codes[n] = coder.party(p >> 8);
        tokens[n++] = i;
        const len = p & 255;
        for (let k = i; k < i + len; k++) {
          const v = coder.packed(t, k);
          if (v & 1 || v >>> 16) {
            starts[ns] = k;
            pays[ns++] = v & 1 ? -1 : v >>> 16;
          }
          if (v & 2) anchors[na++] = k;
        }
        i += len - 1;
        continue;
      }
    }
    const kind = kinds[i]!;
    if (kind === K_WORD) {
      const v = coder.packed(t, i);
      if (v & 1 || v >>> 16) {
        starts[ns] = i;
        pays[ns++] = v & 1 ? -1 : v >>> 16;
      }
      if (v & 2) anchors[na++] = i;
      let c = ((v >> 2) & 0x3fff) - 8;
      if (c === SKIP) continue;
      if (c === UNKNOWN && (flags[i]! & F_CAP) !== 0) {
        if (n > 0 && codes[n - 1] === name && tokens[n - 1] === i - 1) {
          tokens[n - 1] = i;
          continue;
        }
        c = name;
      }
      codes[n] = c;
      tokens[n++] = i;
    } else if (kind === K_PUNCT) {
      const ch = doc.text.charCodeAt(t.start[i]!);
      if (ch !== 39 && ch !== 45 && ch !== 0x2019 && n > 0 && codes[n - 1] !== BREAK) {
        codes[n] = BREAK;
        tokens[n++] = i;
      }
    } else if (kind === K_NUMBER) {
      const v = coder.packed(t, i);
      if (v & 1 || v >>> 16) {
        starts[ns] = i;
        pays[ns++] = v & 1 ? -1 : v >>> 16;
      }
      if (v & 2) anchors[na++] = i;
    }
  }
  out.n = ns;
  out.na = na;
  return n;
}

/**
 * A coder that grows: every unit of a `common` word (one the training texts write in lowercase) gets
 * a code; other words are UNKNOWN, which makes a capitalised one a name.
 */
export class GrowingCoder implements UnitCoder {
  readonly units: string[] = [];
  readonly index = new Map<string, number>();
  readonly name: number;
  private readonly partyCodes: number[];

  constructor(
    private readonly common: ReadonlySet<string>,
    partyIds: readonly string[],
  ) {
    this.name = this.code(NAME_UNIT);
    this.partyCodes = partyIds.map((p) => this.code(partyUnit(p)));
  }

  code(u: string): number {
    let c = this.index.get(u);
    if (c === undefined) {
      c = this.units.length;
      this.units.push(u);
      this.index.set(u, c);
    }
    return c;
  }

  word(t: Tokens, i: number): number {
    const u = wordUnit(tokenLower(t, i));
    if (u === null) return SKIP;
    return this.common.has(u) ? this.code(u) : UNKNOWN;
  }

  party(k: number): number {
    return this.partyCodes[k]!;
  }
}

/** Units of the words a text writes in lowercase: the words a model may learn (names it may not). */
export function commonUnits(texts: Iterable<string>, into = new Set<string>()): Set<string> {
  const vocab = new Vocab();
  for (const text of texts) {
    const t = segment(text, vocab).tokens;
    for (let i = 0; i < t.count; i++) {
      if (t.kind[i] !== K_WORD || (t.flags[i]! & F_CAP) !== 0) continue;
      const u = wordUnit(tokenLower(t, i));
      if (u !== null) into.add(u);
    }
  }
  return into;
}

/** Pairs key: two unit codes as one number (units < 2^21). */
export const pairKey = (a: number, b: number) => a * 2097152 + b;

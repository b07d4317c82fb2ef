import type { Doc } from '../../text/segment.js';
import type { ActiveRole } from './roles.js';
import { matchClaimShape, type ClaimShape, type SlotView } from './claim-shape.js';
import { scopeNeeded, type EvidenceTerm, type NarrativePack } from './pack.js';
import { arenaInt32, F_CAP, K_NUMBER, K_WORD, tokenLower } from '../../text/tokenise.js';
import { WordSet } from '../../lexicon/word-sets.js';
import type { Parties } from './features.js';

/** A role an actor is cast in within a sentence (from the actors layer), with who the actor is to the pack. */
export interface RoleInSentence {
  role: ActiveRole;
  /** Party index, or -2 for an actor that is no party of the pack. */
  who: number;
  /** Token range of the actor's mention. */
  a: number;
  b: number;
}

/** Role cues of a document by sentence, as the actors layer sees them (an adapter keeps the layer's types out). */
export type RolesBySentence = ReadonlyArray<readonly RoleInSentence[] | undefined>;

/** One piece of explicit evidence for a pack item in a sentence: token range [a, b). */
export interface Hit {
  item: number;
  kind: 'cue' | 'terms' | 'claim' | 'role';
  sentence: number;
  a: number;
  b: number;
}

/** A pack's explicit evidence in one document. */
export interface DocEvidence {
  /** Explicit evidence, in sentence order. */
  hits: Hit[];
  /** Sentence s has hits [hitOff[s], hitOff[s + 1]). */
  hitOff: Int32Array;
  /** Scope term hits in the document. */
  scopeHits: number;
  /** The document mentions the pack's topic enough for the pack to apply (see `scopeNeeded`). */
  inScope: boolean;
}

/** Per pack: which term-set entries and claim shapes exist, prepared once. */
export interface PackEvidencePlan {
  termEntries: Array<{ item: number; groups: number[] }>;
  shapes: Array<{ item: number; shape: ClaimShape }>;
  /** Shapes that have an anchor, by the anchor's words; shapes without one run on every sentence. */
  anchorWords: WordSet;
  anchored: Map<string, number[]>;
  unanchored: number[];
  roles: Array<{ item: number; role: ActiveRole; actor: number }>;
}

export function planEvidence(pack: NarrativePack): PackEvidencePlan {
  const termEntries: PackEvidencePlan['termEntries'] = [];
  const shapes: PackEvidencePlan['shapes'] = [];
  const roles: PackEvidencePlan['roles'] = [];
  for (const it of pack.items) {
    for (const g of it.termSets) termEntries.push({ item: it.index, groups: g });
    for (const shape of it.claims) shapes.push({ item: it.index, shape });
    for (const r of it.roles) roles.push({ item: it.index, role: r.role, actor: r.actor });
  }
  const anchored = new Map<string, number[]>();
  const unanchored: number[] = [];
  shapes.forEach((s, k) => {
    if (!s.shape.anchor) {
      unanchored.push(k);
      return;
    }
    for (const w of s.shape.anchor) {
      const list = anchored.get(w) ?? [];
      list.push(k);
      anchored.set(w, list);
    }
  });
  return { termEntries, shapes, anchorWords: new WordSet(anchored.keys()), anchored, unanchored, roles };
}

/**
 * Finds a pack's cues, term sets, claim shapes and role patterns in a document, sentence by
 * sentence: `begin` a document, call `sentence` for each sentence in order, then `end`. The
 * analysis path feeds each sentence as it scores it, with the positions where a cue may start
 * (known from the word memo it reads anyway); without them, every word is tried. Either way the
 * hits are those of scanning each sentence with the pack's matcher (longest match, no overlap).
 */
export class EvidenceFinder {
  private groupA = new Int32Array(0);
  private groupB = new Int32Array(0);
  private groupStamp = new Int32Array(0);
  private stamp = 0;
  private doc: Doc | null = null;
  private roles: RolesBySentence = [];
  private hits: Hit[] = [];
  private hitOff: Int32Array = new Int32Array(1);
  private view: SlotView | null = null;

  constructor(
    readonly pack: NarrativePack,
    readonly plan: PackEvidencePlan,
  ) {}

  begin(doc: Doc, parties: Parties, roles: RolesBySentence): void {
    const { pack } = this;
    if (this.groupStamp.length < pack.groups) {
      this.groupA = new Int32Array(pack.groups);
      this.groupB = new Int32Array(pack.groups);
      this.groupStamp = new Int32Array(pack.groups);
      this.stamp = 0;
    }
    this.doc = doc;
    this.roles = roles;
    this.hits = [];
    // Per document, from the token arena (an ArrayBuffer per document costs more than the offsets).
    this.hitOff = arenaInt32(doc.sentences.length + 1);
    const t = doc.tokens;
    const { partyAt, partyCover } = parties;
    this.view = {
      t,
      partyAt: (i) => partyAt[i]!,
      nameLen: (i) => {
        const sent = doc.sentences[doc.tokenSentence[i]!]!;
        let k = i;
        while (k < sent.tokenEnd && t.kind[k] === K_WORD && (t.flags[k]! & F_CAP) !== 0 && partyCover[k]! < 0) k++;
        // A capitalised first word of a sentence is not a name by itself.
        if (k === i + 1 && i === sent.tokenStart) return 0;
        return k - i;
      },
    };
  }

  /**
   * The evidence of sentence s (sentences in order). `starts[0, nStarts)`, when given, are the
   * token positions, ascending, where a cue or term-set word may begin, and `anchors[0, nAnchors)`
   * those of words that anchor claim shapes; `pays[k]` tells whether starts[k] is a one-word entry
   * (its index + 1 in pack.singles) or needs the matcher (-1).
   */
  sentence(s: number, starts?: Int32Array, nStarts = 0, anchors?: Int32Array, nAnchors = 0, pays?: Int32Array): void {
    const doc = this.doc!;
    const { pack, plan, hits, groupStamp, groupA, groupB } = this;
    const sent = doc.sentences[s]!;
    const t = doc.tokens;
    this.hitOff[s] = hits.length;
    if (++this.stamp >= 0x3fffffff) {
      groupStamp.fill(0);
      this.stamp = 1;
    }
    const stamp = this.stamp;
    let groupsHit = 0;
    const matcher = pack.evidence;
    let next = sent.tokenStart;
    const end = sent.tokenEnd;
    const kinds = t.kind;
    const count = starts ? nStarts : end - sent.tokenStart;
    for (let k = 0; k < count; k++) {
      const i = starts ? starts[k]! : sent.tokenStart + k;
      if (i < next) continue;
      const kind = kinds[i];
      if (kind !== K_WORD && kind !== K_NUMBER) continue;
      let v: EvidenceTerm;
      let b: number;
      const pay = pays ? pays[k]! : -1;
      if (pay > 0) {
        // A word that is a cue or term by itself and starts no phrase: no need for the matcher.
        v = this.pack.singles[pay - 1]!;
        b = i + 1;
      } else {
        const entry = matcher.entryAt(doc, i, end);
        if (!entry) continue;
        b = matcher.lastEnd;
        v = entry.value;
      }
      next = b;
      for (const item of v.cueItems) hits.push({ item, kind: 'cue', sentence: s, a: i, b });
      for (const g of v.groups) {
        if (groupStamp[g] === stamp) continue;
        groupStamp[g] = stamp;
        groupA[g] = i;
        groupB[g] = b;
        groupsHit++;
      }
    }
    if (groupsHit >= 2) {
      for (const e of plan.termEntries) {
        let a = Infinity;
        let b = -1;
        let all = true;
        for (const g of e.groups) {
          if (groupStamp[g] !== stamp) {
            all = false;
            break;
          }
          a = Math.min(a, groupA[g]!);
          b = Math.max(b, groupB[g]!);
        }
        if (all) hits.push({ item: e.item, kind: 'terms', sentence: s, a, b });
      }
    }
    if (plan.shapes.length > 0) {
      const view = this.view!;
      const bits = plan.anchorWords.idBits(t.vocab);
      const ids = t.id;
      let done: Set<number> | null = null;
      const count = anchors ? nAnchors : sent.tokenEnd - sent.tokenStart;
      for (let k = 0; k < count; k++) {
        const i = anchors ? anchors[k]! : sent.tokenStart + k;
        const id = ids[i]!;
        if (id < 0 || id >= bits.length || bits[id] === 0) continue;
        for (const k of plan.anchored.get(tokenLower(t, i))!) {
          if (done?.has(k)) continue;
          const m = matchClaimShape(plan.shapes[k]!.shape, view, sent.tokenStart, sent.tokenEnd, i);
          if (!m) continue;
          (done ??= new Set()).add(k);
          hits.push({ item: plan.shapes[k]!.item, kind: 'claim', sentence: s, a: m[0], b: m[1] });
        }
      }
      for (const k of plan.unanchored) {
        const m = matchClaimShape(plan.shapes[k]!.shape, view, sent.tokenStart, sent.tokenEnd);
        if (m) hits.push({ item: plan.shapes[k]!.item, kind: 'claim', sentence: s, a: m[0], b: m[1] });
      }
    }
    const rs = this.roles[s];
    if (rs && plan.roles.length > 0) {
      for (const r of rs) {
        for (const p of plan.roles) {
          if (p.role !== r.role) continue;
          if (p.actor === -1 || (p.actor === -2 && r.who === -2) || p.actor === r.who) hits.push({ item: p.item, kind: 'role', sentence: s, a: r.a, b: r.b });
        }
      }
    }
    this.hitOff[s + 1] = hits.length;
  }

  /** The hits found so far (the sentences fed since begin): what specialFeatures reads while scoring. */
  get current(): Pick<DocEvidence, 'hits' | 'hitOff'> {
    return { hits: this.hits, hitOff: this.hitOff };
  }

  /** The document's evidence, with the scope count (sentence by sentence until enough are found). */
  end(): DocEvidence {
    const doc = this.doc!;
    const { pack } = this;
    let scopeHits = 0;
    const scope = pack.scopeMatcher;
    const scopeNeed = scopeNeeded(pack, doc.words);
    if (scope && pack.scope) {
      for (const s of doc.sentences) {
        scope.scanEntries(doc, s.tokenStart, s.tokenEnd, () => void scopeHits++);
        if (scopeHits >= scopeNeed) break;
      }
    }
    const out = { hits: this.hits, hitOff: this.hitOff, scopeHits, inScope: scopeHits >= scopeNeed };
    this.doc = null;
    this.view = null;
    return out;
  }
}

/** The evidence of a whole document (training, tests): every sentence, every word tried. */
export function findEvidence(doc: Doc, pack: NarrativePack, plan: PackEvidencePlan, parties: Parties, roles: RolesBySentence): DocEvidence {
  const f = new EvidenceFinder(pack, plan);
  f.begin(doc, parties, roles);
  for (let s = 0; s < doc.sentences.length; s++) f.sentence(s);
  return f.end();
}

/**
 * The evidence without hits that touch words the author disowns (DocSignals.disowned): a cue inside
 * a refuted quotation is not the text's own cue. Returns `ev` itself when nothing is dropped.
 */
export function withoutDisowned(ev: DocEvidence, disowned: Uint8Array | null): DocEvidence {
  if (disowned === null) return ev;
  const touches = (h: Hit) => {
    for (let i = h.a; i < h.b; i++) if (disowned[i] === 1) return true;
    return false;
  };
  if (!ev.hits.some(touches)) return ev;
  const hits: Hit[] = [];
  const hitOff = new Int32Array(ev.hitOff.length);
  for (let s = 0; s + 1 < ev.hitOff.length; s++) {
    hitOff[s] = hits.length;
    for (let h = ev.hitOff[s]!; h < ev.hitOff[s + 1]!; h++) if (!touches(ev.hits[h]!)) hits.push(ev.hits[h]!);
  }
  hitOff[ev.hitOff.length - 1] = hits.length;
  return { ...ev, hits, hitOff };
}

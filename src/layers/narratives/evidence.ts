import type { Doc } from '../../text/segment.js';
import type { ActiveRole } from '../../core/actors.js';
import { matchClaimShape, type ClaimShape, type SlotView } from './claim-shape.js';
import type { NarrativePack } from './pack.js';
import { F_CAP, K_WORD } from '../../text/tokenise.js';
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
}

/** Per pack: which term-set entries and claim shapes exist, prepared once. */
export interface PackEvidencePlan {
  termEntries: Array<{ item: number; groups: number[] }>;
  shapes: Array<{ item: number; shape: ClaimShape }>;
  /** Shapes that have an anchor, by the anchor's vocab ids; shapes without one run on every sentence. */
  anchorBits: Uint8Array;
  anchored: Map<number, number[]>;
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
  const anchored = new Map<number, number[]>();
  const unanchored: number[] = [];
  let maxId = 0;
  shapes.forEach((s, k) => {
    if (!s.shape.anchor) {
      unanchored.push(k);
      return;
    }
    for (const id of s.shape.anchor) {
      const list = anchored.get(id) ?? [];
      list.push(k);
      anchored.set(id, list);
      maxId = Math.max(maxId, id);
    }
  });
  const anchorBits = new Uint8Array(anchored.size ? maxId + 1 : 0);
  for (const id of anchored.keys()) anchorBits[id] = 1;
  return { termEntries, shapes, anchorBits, anchored, unanchored, roles };
}

/** Reused per document (documents are analysed one at a time per thread). */
let groupA = new Int32Array(0);
let groupB = new Int32Array(0);
let groupStamp = new Int32Array(0);
let stamp = 0;

/** Finds a pack's parties, cues, term sets, claim shapes and role patterns in a document. */
export function findEvidence(doc: Doc, pack: NarrativePack, plan: PackEvidencePlan, parties: Parties, roles: RolesBySentence): DocEvidence {
  const t = doc.tokens;
  const { partyAt, partyCover } = parties;
  if (groupStamp.length < pack.groups) {
    groupA = new Int32Array(pack.groups);
    groupB = new Int32Array(pack.groups);
    groupStamp = new Int32Array(pack.groups);
    stamp = 0;
  }
  const hits: Hit[] = [];
  const hitOff = new Int32Array(doc.sentences.length + 1);
  let scopeHits = 0;
  const view: SlotView = {
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
  for (const s of doc.sentences) {
    hitOff[s.index] = hits.length;
    if (++stamp >= 0x3fffffff) {
      groupStamp.fill(0);
      stamp = 1;
    }
    let groupsHit = 0;
    pack.evidence.scanEntries(doc, s.tokenStart, s.tokenEnd, (entry, a, b) => {
      const v = entry.value;
      for (const item of v.cueItems) hits.push({ item, kind: 'cue', sentence: s.index, a, b });
      for (const g of v.groups) {
        if (groupStamp[g] === stamp) continue;
        groupStamp[g] = stamp;
        groupA[g] = a;
        groupB[g] = b;
        groupsHit++;
      }
    });
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
        if (all) hits.push({ item: e.item, kind: 'terms', sentence: s.index, a, b });
      }
    }
    if (plan.shapes.length > 0) {
      let tried: Set<number> | null = null;
      const bits = plan.anchorBits;
      for (let i = s.tokenStart; i < s.tokenEnd; i++) {
        const id = t.id[i]!;
        if (id < 0 || id >= bits.length || bits[id] === 0) continue;
        for (const k of plan.anchored.get(id)!) {
          tried ??= new Set();
          if (tried.has(k)) continue;
          tried.add(k);
          const m = matchClaimShape(plan.shapes[k]!.shape, view, s.tokenStart, s.tokenEnd);
          if (m) hits.push({ item: plan.shapes[k]!.item, kind: 'claim', sentence: s.index, a: m[0], b: m[1] });
        }
      }
      for (const k of plan.unanchored) {
        const m = matchClaimShape(plan.shapes[k]!.shape, view, s.tokenStart, s.tokenEnd);
        if (m) hits.push({ item: plan.shapes[k]!.item, kind: 'claim', sentence: s.index, a: m[0], b: m[1] });
      }
    }
    const rs = roles[s.index];
    if (rs && plan.roles.length > 0) {
      for (const r of rs) {
        for (const p of plan.roles) {
          if (p.role !== r.role) continue;
          if (p.actor === -1 || (p.actor === -2 && r.who === -2) || p.actor === r.who) hits.push({ item: p.item, kind: 'role', sentence: s.index, a: r.a, b: r.b });
        }
      }
    }
  }
  hitOff[doc.sentences.length] = hits.length;
  // Scope terms, sentence by sentence until enough are found.
  const scope = pack.scopeMatcher;
  if (scope && pack.scope) {
    for (const s of doc.sentences) {
      scope.scanEntries(doc, s.tokenStart, s.tokenEnd, () => void scopeHits++);
      if (scopeHits >= pack.scope.min) break;
    }
  }
  return { hits, hitOff, scopeHits };
}

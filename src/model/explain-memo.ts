/**
 * explainSpan with a per-document memo. An explanation reads only the classifier, the technique and
 * the view around the span: word hashes from 4 tokens before it to 4 after (the document's edges
 * as BOS/EOS), and in the span the tokens' kinds, lists, masks and rule tags. Spans that agree on
 * all of these get the same triggers (relative to the span's start) and cues, so a text that says
 * the same thing many times (a repeated sentence, boilerplate) explains each wording once. The key
 * holds every value read, so a hit is the explanation explainSpan would give (tested).
 *
 * The key is a list of numbers laid out in a reused scratch array and found by a 32-bit hash of it,
 * then compared in full: most texts repeat no wording (news: 1 hit in 976 explanations), so a miss
 * must cost little more than explainSpan itself (a key string built and hashed cost as much as it).
 */
import type { DocView } from './doc-view.js';
import { explainSpan, type SpanExplanation } from './explain.js';
import type { LogRegWeights } from './logreg.js';

/** explainSpan reads word hashes this far around the span (its "words around it" cue). */
const AROUND = 4;
/** Entries kept per document at most (a long text of distinct spans gains nothing from more). */
const MAX_ENTRIES = 4096;

interface Entry {
  /** The key: keys[at .. at + len). */
  at: number;
  len: number;
  triggers: number[];
  cues: string[];
}

/** Key store entries kept from one document to the next at most. */
const KEPT_KEYS = 1 << 16;
/** Key values for positions outside the document (word hashes are unsigned 32-bit: never negative). */
const BEFORE_DOC = -1;
const AFTER_DOC = -2;
/** The tag count of a token without a tag list (an empty list counts 0). */
const NO_TAGS = -1;

export class ExplainMemo {
  private view: DocView | null = null;
  private readonly memo = new Map<number, Entry[]>();
  private entries = 0;
  private scratch = new Float64Array(64);
  /** The stored entries' keys, back to back (a typed array per entry cost more than explainSpan's own work). */
  private keys = new Float64Array(1024);
  private keysUsed = 0;

  /** Forgets what it knew: the next document's view reuses the arrays (call before each document). */
  reset(): void {
    this.view = null;
    this.memo.clear();
    this.entries = 0;
    this.keysUsed = 0;
    // A long text of distinct spans leaves a large key store behind: let it go.
    if (this.keys.length > KEPT_KEYS) this.keys = new Float64Array(1024);
  }

  explain(m: LogRegWeights, lists: readonly string[], v: DocView, a: number, b: number, c: number): SpanExplanation {
    if (v !== this.view) {
      this.reset();
      this.view = v;
    }
    const len = this.fillKey(v, a, b, c);
    const key = this.scratch;
    let h = 0x811c9dc5;
    for (let k = 0; k < len; k++) h = Math.imul(h ^ (key[k]! | 0), 0x01000193);
    const bucket = this.memo.get(h);
    if (bucket) {
      for (const e of bucket) if (e.len === len && this.sameKey(e.at, key, len)) return { triggers: e.triggers.map((k) => k + a), cues: e.cues.slice() };
    }
    const e = explainSpan(m, lists, v, a, b, c);
    if (this.entries < MAX_ENTRIES) {
      if (this.keysUsed + len > this.keys.length) {
        const bigger = new Float64Array(Math.max(2 * this.keys.length, this.keysUsed + len));
        bigger.set(this.keys.subarray(0, this.keysUsed));
        this.keys = bigger;
      }
      for (let k = 0; k < len; k++) this.keys[this.keysUsed + k] = key[k]!;
      const entry = { at: this.keysUsed, len, triggers: e.triggers.map((k) => k - a), cues: e.cues.slice() };
      this.keysUsed += len;
      if (bucket) bucket.push(entry);
      else this.memo.set(h, [entry]);
      this.entries++;
    }
    return e;
  }

  private sameKey(at: number, key: Float64Array, len: number): boolean {
    const keys = this.keys;
    for (let k = 0; k < len; k++) if (keys[at + k] !== key[k]) return false;
    return true;
  }

  /** Lays out the key of a span and technique in the scratch array; returns its length. */
  private fillKey(v: DocView, a: number, b: number, c: number): number {
    const kind = v.doc.tokens.kind;
    let need = 3 + (b - a + 2 * AROUND) + 4 * (b - a);
    for (let k = a; k < b; k++) need += v.tags[k]?.length ?? 0;
    if (this.scratch.length < need) this.scratch = new Float64Array(Math.max(need, 2 * this.scratch.length));
    const key = this.scratch;
    let n = 0;
    key[n++] = c;
    key[n++] = b - a;
    key[n++] = v.stopBit;
    for (let k = a - AROUND; k < b + AROUND; k++) key[n++] = k < 0 ? BEFORE_DOC : k >= v.n ? AFTER_DOC : v.wh[k]!;
    for (let k = a; k < b; k++) {
      key[n++] = kind[k]!;
      key[n++] = v.masked[k]!;
      key[n++] = v.lex[k]!;
      const tags = v.tags[k];
      key[n++] = tags ? tags.length : NO_TAGS;
      if (tags) for (const g of tags) key[n++] = g;
    }
    return n;
  }
}



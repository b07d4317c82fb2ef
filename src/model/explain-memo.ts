/**
 * explainSpan with a per-document memo. An explanation reads only the classifier, the technique and
 * the view around the span: word hashes from 4 tokens before it to 4 after (the document's edges
 * as BOS/EOS), and in the span the tokens' kinds, lists, masks and rule tags. Spans that agree on
 * all of these get the same triggers (relative to the span's start) and cues, so a text that says
 * the same thing many times (a repeated sentence, boilerplate) explains each wording once. The key
 * holds every value read, so a hit is the explanation explainSpan would give (tested).
 */
import type { DocView } from './doc-view.js';
import { explainSpan, type SpanExplanation } from './explain.js';
import type { LogRegWeights } from './logreg.js';

/** explainSpan reads word hashes this far around the span (its "words around it" cue). */
const AROUND = 4;
/** Entries kept per document at most (a long text of distinct spans gains nothing from more). */
const MAX_ENTRIES = 4096;

export class ExplainMemo {
  private view: DocView | null = null;
  private readonly memo = new Map<string, { triggers: number[]; cues: string[] }>();

  /** Forgets what it knew: the next document's view reuses the arrays (call before each document). */
  reset(): void {
    this.view = null;
    this.memo.clear();
  }

  explain(m: LogRegWeights, lists: readonly string[], v: DocView, a: number, b: number, c: number): SpanExplanation {
    if (v !== this.view) {
      this.memo.clear();
      this.view = v;
    }
    const key = memoKey(v, a, b, c);
    const hit = this.memo.get(key);
    if (hit) return { triggers: hit.triggers.map((k) => k + a), cues: hit.cues.slice() };
    const e = explainSpan(m, lists, v, a, b, c);
    if (this.memo.size < MAX_ENTRIES) this.memo.set(key, { triggers: e.triggers.map((k) => k - a), cues: e.cues.slice() });
    return e;
  }
}

function memoKey(v: DocView, a: number, b: number, c: number): string {
  const kind = v.doc.tokens.kind;
  let key = `${c}:${b - a}:${v.stopBit}`;
  // Outside the document: a mark of its own, as explainSpan reads BOS or EOS there.
  for (let k = a - AROUND; k < b + AROUND; k++) key += k < 0 ? ',<' : k >= v.n ? ',>' : `,${v.wh[k]}`;
  for (let k = a; k < b; k++) {
    key += `;${kind[k]}.${v.masked[k]}.${v.lex[k]}`;
    const tags = v.tags[k];
    if (tags) key += `.${tags.join('.')}`;
  }
  return key;
}

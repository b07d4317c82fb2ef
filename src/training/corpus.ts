/**
 * Annotated documents made ready for training: segmented, with gold spans moved to canonical offsets
 * and token ranges, and the tagger's B/I/O labels per token.
 */
import type { PtcLabel } from '../core/taxonomy.js';
import type { PtcDoc } from '../eval/records.js';
import { mergeOverlapping } from '../eval/scorers.js';
import { toCanonicalOffset } from '../text/normalise.js';
import { segment, type Doc } from '../text/segment.js';
import { buildView, type DocView } from '../model/features.js';
import type { LexiconTable } from '../model/lexicon-table.js';
import { LABEL_B, LABEL_I } from '../model/model.js';
import { applyRuleTags, tokenRange, type RuleTagger } from '../model/rule-tags.js';
import { Vocab } from '../text/vocab.js';

export type { RuleTagger } from '../model/rule-tags.js';

export interface GoldTokenSpan {
  /** Token range [a, b). */
  a: number;
  b: number;
  /** Original offsets, as in the record. */
  start: number;
  end: number;
  techniques: PtcLabel[];
}

export interface PreparedDoc {
  id: string;
  text: string;
  doc: Doc;
  view: DocView;
  /** B/I/O label of every token (labels ignored: merged gold spans). */
  bio: Uint8Array;
  /** Gold spans grouped by exact offsets, with their token ranges. */
  gold: GoldTokenSpan[];
  /** Original records' spans. */
  spans: PtcDoc['spans'];
}

/** `vocab`: the vocabulary to tokenise with (the features read words, so any gives the same). */
export function prepareDoc(rec: PtcDoc & { text: string }, table: LexiconTable, rules?: RuleTagger, vocab: Vocab = new Vocab()): PreparedDoc {
  const doc = segment(rec.text, vocab);
  const view = buildView(doc, table);
  if (rules) applyRuleTags(doc, view, rules);
  const bio = new Uint8Array(doc.tokens.count);
  const canon = (s: { start: number; end: number }) => [toCanonicalOffset(doc.nt, s.start), toCanonicalOffset(doc.nt, s.end)] as const;
  for (const m of mergeOverlapping(rec.spans)) {
    const [cs, ce] = canon(m);
    const r = tokenRange(doc, cs, ce);
    if (!r) continue;
    bio[r[0]] = LABEL_B;
    for (let k = r[0] + 1; k < r[1]; k++) bio[k] = LABEL_I;
  }
  const grouped = new Map<string, GoldTokenSpan>();
  for (const s of rec.spans) {
    const key = `${s.start}:${s.end}`;
    const g = grouped.get(key);
    if (g) {
      g.techniques.push(s.technique);
      continue;
    }
    const [cs, ce] = canon(s);
    const r = tokenRange(doc, cs, ce);
    if (!r) continue;
    grouped.set(key, { a: r[0], b: r[1], start: s.start, end: s.end, techniques: [s.technique] });
  }
  return { id: rec.id, text: rec.text, doc, view, bio, gold: [...grouped.values()], spans: rec.spans };
}

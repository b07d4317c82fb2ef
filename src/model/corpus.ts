/**
 * Annotated documents made ready for training: segmented, with gold spans moved to canonical offsets
 * and token ranges, and the tagger's B/I/O labels per token.
 */
import type { PtcLabel } from '../core/taxonomy.js';
import type { PtcDoc } from '../eval/records.js';
import { mergeOverlapping } from '../eval/scorers.js';
import { toCanonicalOffset } from '../text/normalise.js';
import { segment, type Doc } from '../text/segment.js';
import { buildView, type DocView } from './features.js';
import type { LexiconTable } from './lexicon-table.js';
import { LABEL_B, LABEL_I } from './model.js';

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

/** Token range covering canonical [cs, ce), or null when no token lies inside. */
export function tokenRange(doc: Doc, cs: number, ce: number): [number, number] | null {
  const t = doc.tokens;
  let lo = 0;
  let hi = t.count;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (t.end[mid]! <= cs) lo = mid + 1;
    else hi = mid;
  }
  let b = lo;
  while (b < t.count && t.start[b]! < ce) b++;
  return b > lo ? [lo, b] : null;
}

/** Rule findings of a text as canonical token tags (technique index + 1), for tagger features. */
export type RuleTagger = (doc: Doc) => Array<{ start: number; end: number; tag: number }>;

export function applyRuleTags(doc: Doc, view: DocView, tagger: RuleTagger): void {
  // Fold spans contained in a longer one of the same technique, as the pipeline does, so raw and
  // finalised findings give the same tags.
  const found = tagger(doc).sort((x, y) => x.tag - y.tag || x.start - y.start || y.end - x.end);
  let cover: { start: number; end: number; tag: number } | null = null;
  // view.tags holds an entry (undefined) for every token already: buildView makes it dense.
  for (const f of found) {
    if (cover && cover.tag === f.tag && f.start >= cover.start && f.end <= cover.end) continue;
    cover = f;
    const r = tokenRange(doc, f.start, f.end);
    if (!r) continue;
    for (let k = r[0]; k < r[1]; k++) {
      const tag = k === r[0] ? f.tag * 2 : f.tag * 2 + 1;
      const tags = view.tags[k];
      if (tags === undefined) {
        // Most tagged tokens carry one tag: they share one array per tag (read only).
        view.tags[k] = single[tag] ??= [tag];
      } else if (!tags.includes(tag)) {
        // A token's tags ascend: the new one goes in its place (a sort per token allocated).
        const own = tags === single[tags[0]!] ? (view.tags[k] = [tags[0]!]) : tags;
        let p = own.length;
        own.push(tag);
        for (; p > 0 && own[p - 1]! > tag; p--) own[p] = own[p - 1]!;
        own[p] = tag;
      }
    }
  }
}

/** The shared one-tag arrays, by tag. */
const single: number[][] = [];

export function prepareDoc(rec: PtcDoc & { text: string }, table: LexiconTable, rules?: RuleTagger): PreparedDoc {
  const doc = segment(rec.text);
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

import { TECHNIQUE_IDS, type TechniqueId } from '../core/taxonomy.js';
import type { Doc } from '../text/segment.js';
import type { DocView } from './features.js';

const techniqueTag = new Map<string, number>(TECHNIQUE_IDS.map((id, i) => [id, i + 1]));

export function ruleTag(technique: TechniqueId): number {
  return techniqueTag.get(technique) ?? 0;
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

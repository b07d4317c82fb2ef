import { UserError } from '../../core/errors.js';
import { labelKey, OTHER_KEY, OTHER_LABEL } from '../../core/narratives.js';
import type { NarrativePack } from './pack.js';

/** Where a label string points: an item of a pack, or a narrative's "<label>: Other". */
export interface LabelTarget {
  pack: number;
  item: number;
  /** "<narrative>: Other": the narrative, with none of its sub-narratives. */
  other: boolean;
}

/** Every label of the packs (and each narrative's ": Other"), and each item's id as `pack/id`, to its item. */
export function labelIndex(packs: readonly NarrativePack[]): Map<string, LabelTarget> {
  const out = new Map<string, LabelTarget>();
  packs.forEach((p, k) => {
    for (const it of p.items) {
      out.set(labelKey(it.label), { pack: k, item: it.index, other: false });
      out.set(labelKey(`${p.name}/${it.id}`), { pack: k, item: it.index, other: false });
      if (packs.length === 1) out.set(labelKey(it.id), { pack: k, item: it.index, other: false });
      if (it.level === 'narrative') out.set(labelKey(`${it.label}: ${OTHER_LABEL}`), { pack: k, item: it.index, other: true });
    }
  });
  return out;
}

/** The items a labelled record names, per pack; unknown labels are an error naming the record. */
export function resolveLabels(
  index: ReadonlyMap<string, LabelTarget>,
  labels: readonly string[],
  where: string,
): LabelTarget[] {
  const out: LabelTarget[] = [];
  for (const l of labels) {
    const k = labelKey(l);
    if (k === OTHER_KEY) continue;
    const t = index.get(k);
    if (!t) throw new UserError(`${where}: label "${l}" is not in the loaded narrative packs`, { field: 'narratives' });
    out.push(t);
  }
  return out;
}

/** The label sets of a choice, as the task writes them ("Other" where nothing is chosen). */
export function labelsOfChoice(packs: readonly NarrativePack[], chosen: readonly Uint8Array[]): { narratives: string[]; subnarratives: string[] } {
  const narratives: string[] = [];
  const subnarratives: string[] = [];
  packs.forEach((p, k) => {
    const c = chosen[k]!;
    for (const it of p.items) {
      if (it.level !== 'narrative' || !c[it.index]) continue;
      narratives.push(it.label);
      const subs = it.children.filter((j) => c[j]);
      if (subs.length === 0) subnarratives.push(`${it.label}: ${OTHER_LABEL}`);
      else for (const j of subs) subnarratives.push(p.items[j]!.label);
    }
  });
  return {
    narratives: narratives.length ? narratives : [OTHER_LABEL],
    subnarratives: subnarratives.length ? subnarratives : [OTHER_LABEL],
  };
}

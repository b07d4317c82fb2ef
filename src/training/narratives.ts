import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { UserError } from '../core/errors.js';
import { OTHER_LABEL } from '../core/narratives.js';
import { labelKey, OTHER_KEY, type NarrativeRecord } from '../eval/narratives.js';
import { labelIndex, resolveLabels } from '../layers/narratives/labels.js';
import { loadPacks, packFile, weightsFileOf, type NarrativePack } from '../layers/narratives/pack.js';
import { trainPack, type TrainingDoc } from '../layers/narratives/train.js';
import type { NarrativeWeights } from '../layers/narratives/weights.js';

/**
 * Labelled documents for the narratives task, from JSONL (one record a line) or YAML (a list):
 * `{id?, text, narratives: [...], subnarratives?: [...]}` with the taxonomy's label strings (or, for
 * one pack, its item ids); "Other" or an empty list when a document carries none.
 */
export function loadNarrativeRecords(file: string, options: { requireText?: boolean } = {}): NarrativeRecord[] {
  if (!existsSync(file)) throw new UserError(`${file}: file not found`, { file });
  const text = readFileSync(file, 'utf8');
  let raw: unknown[];
  if (/\.ya?ml$/i.test(file)) {
    let parsed: unknown;
    try {
      parsed = parseYaml(text);
    } catch (e) {
      throw new UserError(`${file}: not valid YAML (${(e as Error).message.split('\n')[0]})`, { file });
    }
    if (!Array.isArray(parsed)) throw new UserError(`${file}: expected a list of records`, { file });
    raw = parsed;
  } else {
    raw = [];
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      try {
        raw.push(JSON.parse(line));
      } catch (e) {
        throw new UserError(`${file}:${i + 1}: not valid JSON (${(e as Error).message})`, { file, line: i + 1 });
      }
    });
  }
  return raw.map((r, i) => {
    const where = `${file}: record ${i + 1}`;
    if (!r || typeof r !== 'object') throw new UserError(`${where}: expected an object`, { file });
    const o = r as Record<string, unknown>;
    const list = (k: string): string[] | undefined => {
      const v = o[k];
      if (v === undefined || v === null) return undefined;
      if (typeof v === 'string') return v.split(';').map((s) => s.trim()).filter(Boolean);
      if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) throw new UserError(`${where}: ${k} must be a list of label strings`, { file, field: k });
      return v as string[];
    };
    if (options.requireText !== false && typeof o.text !== 'string') throw new UserError(`${where}: text is missing`, { file, field: 'text' });
    const narratives = list('narratives') ?? [];
    const subnarratives = list('subnarratives');
    return {
      id: o.id === undefined ? String(i + 1) : String(o.id),
      ...(typeof o.text === 'string' ? { text: o.text } : {}),
      narratives: narratives.length ? narratives : [OTHER_LABEL],
      ...(subnarratives ? { subnarratives: subnarratives.length ? subnarratives : [OTHER_LABEL] } : {}),
    };
  });
}

/**
 * The records that speak about a pack's narratives, as training documents: their labels resolved
 * to items (a label of another pack loaded beside it is skipped; an unknown label is an error).
 */
export function trainingDocsFor(packs: readonly NarrativePack[], k: number, records: readonly NarrativeRecord[], file: string): TrainingDoc[] {
  const index = labelIndex(packs);
  return records.map((r, i) => {
    const where = `${file}: record ${r.id ?? i + 1}`;
    const targets = resolveLabels(index, [...r.narratives, ...(r.subnarratives ?? [])], where).filter((t) => t.pack === k);
    const items = new Set<number>();
    for (const t of targets) {
      items.add(t.item);
      const parent = packs[k]!.items[t.item]!.parent;
      if (parent >= 0) items.add(parent);
    }
    const subsKnown = r.subnarratives !== undefined && !(r.subnarratives.length === 1 && labelKey(r.subnarratives[0]!) === OTHER_KEY && r.narratives.some((n) => labelKey(n) !== OTHER_KEY));
    return { text: r.text ?? '', items: [...items].sort((a, b) => a - b), subsKnown };
  });
}

/**
 * A record's labels written as the loaded packs write them (an item id or a label in another
 * spelling becomes the pack's label string), so that gold files may name narratives by id.
 */
export function canonicalRecord(packs: readonly NarrativePack[], r: NarrativeRecord, where: string): NarrativeRecord {
  const index = labelIndex(packs);
  const canon = (labels: readonly string[]) =>
    labels.map((l) => {
      if (labelKey(l) === OTHER_KEY) return OTHER_LABEL;
      const t = resolveLabels(index, [l], where)[0]!;
      const it = packs[t.pack]!.items[t.item]!;
      return t.other ? `${it.label}: ${OTHER_LABEL}` : it.label;
    });
  return { ...r, narratives: canon(r.narratives), ...(r.subnarratives ? { subnarratives: canon(r.subnarratives) } : {}) };
}

export interface NarrativeTrainRun {
  pack: string;
  file: string;
  weights: NarrativeWeights;
  documents: number;
}

/**
 * `framewise train --narratives PACK [--docs FILE...]`: trains each named pack from its examples
 * and the labelled documents, and writes the weights beside the pack (or to `out`).
 */
export function trainNarrativePacks(specs: readonly string[], docFiles: readonly string[], options: { out?: string; log?: (m: string) => void } = {}): NarrativeTrainRun[] {
  const packs = loadPacks(specs);
  if (options.out && packs.length !== 1) throw new UserError('--out: give one pack when naming the weights file');
  const records = docFiles.map((f) => ({ file: f, records: loadNarrativeRecords(f) }));
  return packs.map((pack, k) => {
    const documents = records.flatMap(({ file, records: rs }) => trainingDocsFor(packs, k, rs, file));
    const weights = trainPack(pack, { documents, log: options.log });
    const file = options.out ?? weightsFileOf(packFile(specs[k]!));
    writeFileSync(file, JSON.stringify(weights) + '\n');
    return { pack: pack.name, file, weights, documents: documents.length };
  });
}

import { readFileSync, existsSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import { isPtcLabel, isTechniqueId, toPtcLabel, type PtcLabel } from '../core/taxonomy.js';

/** One annotated span as it appears in a JSONL record (UTF-16 offsets, end exclusive). */
export interface SpanRecord {
  start: number;
  end: number;
  technique: string;
}

/** A document of the record format in ../shared/data/README.md. `text` is optional in prediction files. */
export interface DocRecord {
  id: string;
  text?: string;
  spans: SpanRecord[];
}

/** A span whose technique is one of the 14 PTC labels (what the scorers compare). */
export interface PtcSpan {
  start: number;
  end: number;
  technique: PtcLabel;
}

export interface PtcDoc {
  id: string;
  text?: string;
  spans: PtcSpan[];
}

/**
 * Labels of the sibling corpora that fold into one PTC label (ptc18 splits two PTC groups; memes21
 * spells the labels differently). Labels PTC has no counterpart for map to null and are dropped.
 */
const ALIASES: Record<string, PtcLabel | null> = {
  Whataboutism: 'Whataboutism,Straw_Men,Red_Herring',
  Straw_Men: 'Whataboutism,Straw_Men,Red_Herring',
  Red_Herring: 'Whataboutism,Straw_Men,Red_Herring',
  Bandwagon: 'Bandwagon,Reductio_ad_hitlerum',
  Reductio_ad_hitlerum: 'Bandwagon,Reductio_ad_hitlerum',
  'Obfuscation,Intentional_Vagueness,Confusion': null,
  'Black-and-white Fallacy/Dictatorship': 'Black-and-White_Fallacy',
  'Name calling/Labeling': 'Name_Calling,Labeling',
  'Loaded Language': 'Loaded_Language',
  'Causal Oversimplification': 'Causal_Oversimplification',
  'Exaggeration/Minimisation': 'Exaggeration,Minimisation',
  'Appeal to fear/prejudice': 'Appeal_to_fear-prejudice',
  'Reductio ad hitlerum': 'Bandwagon,Reductio_ad_hitlerum',
  "Misrepresentation of Someone's Position (Straw Man)": 'Whataboutism,Straw_Men,Red_Herring',
  'Flag-waving': 'Flag-Waving',
  'Thought-terminating cliché': 'Thought-terminating_Cliches',
  'Presenting Irrelevant Data (Red Herring)': 'Whataboutism,Straw_Men,Red_Herring',
  'Appeal to authority': 'Appeal_to_Authority',
  Smears: null,
  'Glittering generalities (Virtue)': null,
  'Obfuscation, Intentional vagueness, Confusion': null,
};

/**
 * The PTC label a technique name is scored as: a PTC label itself, a framewise technique id (mapped
 * with the taxonomy), or a label of ptc18/memes21. Returns null for techniques PTC does not score;
 * undefined for a name nobody knows.
 */
export function ptcLabelOf(name: string): PtcLabel | null | undefined {
  if (isPtcLabel(name)) return name;
  if (isTechniqueId(name)) return toPtcLabel(name);
  if (Object.prototype.hasOwnProperty.call(ALIASES, name)) return ALIASES[name]!;
  return undefined;
}

function fail(where: string, what: string): never {
  throw new UserError(`${where}: ${what}`);
}

/**
 * Parses JSONL records, checking every field. Errors name the file and line. With `requireText`,
 * every record must carry its text and every span must lie inside it.
 */
export function parseRecords(content: string, file: string, options: { requireText?: boolean } = {}): DocRecord[] {
  const out: DocRecord[] = [];
  const seen = new Map<string, number>();
  const lines = content.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line === '') continue;
    const where = `${file}:${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      fail(where, `not valid JSON (${(e as Error).message})`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(where, 'expected a JSON object per line');
    const rec = value as Record<string, unknown>;
    const id = typeof rec.id === 'number' ? String(rec.id) : rec.id;
    if (typeof id !== 'string' || id === '') fail(where, '"id" must be a non-empty string');
    if (seen.has(id)) fail(where, `duplicate document id "${id}" (first on line ${seen.get(id)})`);
    seen.set(id, i + 1);
    const text = rec.text;
    if (text !== undefined && typeof text !== 'string') fail(where, `document "${id}": "text" must be a string`);
    if (options.requireText && typeof text !== 'string') fail(where, `document "${id}": "text" is required here`);
    if (!Array.isArray(rec.spans)) fail(where, `document "${id}": "spans" must be an array`);
    const spans: SpanRecord[] = [];
    rec.spans.forEach((s: unknown, k: number) => {
      const sw = `${where}: document "${id}" span ${k}`;
      if (typeof s !== 'object' || s === null) fail(sw, 'must be an object {start, end, technique}');
      const { start, end, technique } = s as Record<string, unknown>;
      if (!Number.isInteger(start) || !Number.isInteger(end)) fail(sw, '"start" and "end" must be integers');
      if ((start as number) < 0 || (end as number) <= (start as number)) fail(sw, `needs 0 <= start < end, got ${String(start)}..${String(end)}`);
      if (typeof text === 'string' && (end as number) > text.length) fail(sw, `end ${String(end)} is past the text (length ${text.length})`);
      if (typeof technique !== 'string') fail(sw, '"technique" must be a string');
      spans.push({ start: start as number, end: end as number, technique });
    });
    out.push(typeof text === 'string' ? { id, text, spans } : { id, spans });
  }
  return out;
}

export function loadRecords(file: string, options: { requireText?: boolean } = {}): DocRecord[] {
  if (!existsSync(file)) throw new UserError(`${file}: file not found`, { file });
  return parseRecords(readFileSync(file, 'utf8'), file, options);
}

/**
 * Maps every span's technique to its PTC label. Unknown names are an error (a typo would otherwise
 * silently score as a miss); techniques without a PTC counterpart are dropped.
 */
export function toPtcDocs(records: readonly DocRecord[], file: string): PtcDoc[] {
  return records.map((r) => {
    const spans: PtcSpan[] = [];
    for (const s of r.spans) {
      const label = ptcLabelOf(s.technique);
      if (label === undefined) {
        throw new UserError(`${file}: document "${r.id}": unknown technique "${s.technique}" (expected a PTC label or a framewise technique id)`, { file });
      }
      if (label !== null) spans.push({ start: s.start, end: s.end, technique: label });
    }
    return r.text === undefined ? { id: r.id, spans } : { id: r.id, text: r.text, spans };
  });
}

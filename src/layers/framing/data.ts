import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isNode, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { UserError } from '../../core/errors.js';
import { describeZodError } from '../../core/yaml.js';
import { FRAMING_ROLES, isArchetypeId, MAIN_OF, type ArchetypeId, type FramingRole } from '../../core/framing.js';

/**
 * The annotated set for entity framing: `data/<dispute>.yaml`, each a list of records whose text
 * marks every actor mention as `[[surface text|main/fine1,fine2]]`, optionally followed by
 * `|src=main/fine` (the role the mention has inside the reported speech it stands in, where that
 * differs from the author's framing). The loader strips the markup and gives each mention its
 * UTF-16 offsets in the clean text. See docs/framing-annotation-guide.md.
 */
export const DATA_DIR = fileURLToPath(new URL('./data/', import.meta.url));

export const STYLES = ['wire', 'opinion', 'commentary', 'analysis', 'statement', 'blog', 'headline'] as const;
export const SIDES = ['a', 'b', 'neutral'] as const;
export const SPLITS = ['train', 'heldout'] as const;

export interface RoleLabel {
  main: FramingRole;
  fine: ArchetypeId[];
}

export interface GoldMention extends RoleLabel {
  start: number;
  end: number;
  text: string;
  /** The role inside the reported speech the mention stands in, when it differs from the author's. */
  src?: RoleLabel;
}

export interface FramingRecord {
  id: string;
  dispute: string;
  style: (typeof STYLES)[number];
  side: (typeof SIDES)[number];
  split: (typeof SPLITS)[number];
  /** The text without markup. */
  text: string;
  mentions: GoldMention[];
  file: string;
}

const Record_ = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lowercase letters, digits and hyphens'),
    dispute: z.string().regex(/^[a-z][a-z-]*$/, 'a lowercase word'),
    style: z.enum(STYLES),
    side: z.enum(SIDES),
    split: z.enum(SPLITS),
    text: z.string().min(1),
  })
  .strict();

/** Parses "antagonist/instigator,tyrant" (fine roles optional). `where` names the place for errors. */
export function parseRole(spec: string, where: () => string): RoleLabel {
  const [main, fineList, extra] = spec.trim().split('/');
  if (extra !== undefined) throw new UserError(`${where()}: "${spec}" has more than one "/"`);
  if (!main || !(FRAMING_ROLES as readonly string[]).includes(main)) {
    throw new UserError(`${where()}: "${main ?? ''}" is not a main role (expected one of ${FRAMING_ROLES.join(', ')})`);
  }
  const fine: ArchetypeId[] = [];
  for (const f of (fineList ?? '').split(',').map((x) => x.trim()).filter(Boolean)) {
    if (!isArchetypeId(f)) throw new UserError(`${where()}: "${f}" is not an archetype`);
    if (main === 'unframed') throw new UserError(`${where()}: an unframed mention has no archetype ("${f}")`);
    if (MAIN_OF[f] !== main) throw new UserError(`${where()}: archetype "${f}" belongs to ${MAIN_OF[f]}, not ${main}`);
    if (!fine.includes(f)) fine.push(f);
  }
  return { main: main as FramingRole, fine };
}

const MARK = /\[\[([^\]|]*)\|([^\]|]*)(?:\|([^\]]*))?\]\]/g;

/**
 * Strips the mention markup from a text: the clean text and the mentions with their offsets.
 * `where(offset)` describes a position in the marked-up text for errors.
 */
export function parseMarkup(marked: string, where: (offset: number) => string): { text: string; mentions: GoldMention[] } {
  let text = '';
  let last = 0;
  const mentions: GoldMention[] = [];
  for (const m of marked.matchAll(MARK)) {
    const at = m.index!;
    const chunk = marked.slice(last, at);
    if (chunk.includes('[[') || chunk.includes(']]')) {
      const bad = last + Math.max(chunk.indexOf('[['), chunk.indexOf(']]'));
      throw new UserError(`${where(bad)}: unbalanced or malformed mention markup near "${marked.slice(bad, bad + 30)}"`);
    }
    text += chunk;
    const surface = m[1]!;
    if (surface.trim() === '' || surface !== surface.trim()) throw new UserError(`${where(at)}: a mention's surface text must be non-empty and not start or end with a space: "${m[0]}"`);
    const role = parseRole(m[2]!, () => where(at));
    const mention: GoldMention = { start: text.length, end: text.length + surface.length, text: surface, ...role };
    if (m[3] !== undefined) {
      const src = m[3].trim();
      if (!src.startsWith('src=')) throw new UserError(`${where(at)}: expected "src=main/fine" after the role, got "${src}"`);
      mention.src = parseRole(src.slice(4), () => where(at));
    }
    mentions.push(mention);
    text += surface;
    last = at + m[0].length;
  }
  const tail = marked.slice(last);
  if (tail.includes('[[') || tail.includes(']]')) {
    const bad = last + Math.max(tail.indexOf('[['), tail.indexOf(']]'));
    throw new UserError(`${where(bad)}: unbalanced or malformed mention markup near "${marked.slice(bad, bad + 30)}"`);
  }
  text += tail;
  return { text, mentions };
}

/** Reads one data file. Errors name the file, the record id and the line. */
export function loadFramingFile(file: string, source = readFileSync(file, 'utf8')): FramingRecord[] {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const pos = e.linePos?.[0];
    throw new UserError(`${file}${pos ? `:${pos.line}` : ''}: ${e.message.split('\n')[0]}`, { file, line: pos?.line });
  }
  const raw = doc.toJS() as unknown;
  if (raw === null || raw === undefined) return [];
  if (!Array.isArray(raw)) throw new UserError(`${file}: expected a list of records`, { file });
  const out: FramingRecord[] = [];
  raw.forEach((r, k) => {
    const parsed = Record_.safeParse(r);
    const lineOf = (path: PropertyKey[]) => {
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn([k, ...path.slice(0, n)] as unknown[], true);
        if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
      }
      return undefined;
    };
    if (!parsed.success) {
      const id = (r as { id?: unknown })?.id;
      const msg = describeZodError(file, parsed.error, (p) => lineOf(p));
      throw new UserError(`${msg}${typeof id === 'string' ? ` (record "${id}")` : ` (record ${k + 1})`}`, { file, line: lineOf(parsed.error.issues[0]!.path) });
    }
    const rec = parsed.data;
    const textNode = doc.getIn([k, 'text'], true);
    const textLine = isNode(textNode) && textNode.range ? lines.linePos(textNode.range[0]).line : undefined;
    const block = isNode(textNode) && (textNode as { type?: string }).type?.startsWith('BLOCK') === true;
    const where = (offset: number) => {
      const inText = rec.text.slice(0, offset).split('\n').length - 1;
      const line = textLine !== undefined ? textLine + (block ? 1 : 0) + inText : undefined;
      return `${file}${line !== undefined ? `:${line}` : ''}: record "${rec.id}", text offset ${offset}`;
    };
    const { text, mentions } = parseMarkup(rec.text, where);
    if (mentions.length === 0) throw new UserError(`${where(0)}: no mention is marked`, { file, line: textLine });
    out.push({ ...rec, text, mentions, file });
  });
  return out;
}

/** Reads every `*.yaml` file of a directory (default: the shipped set); ids must be unique across files. */
export function loadFramingData(dir = DATA_DIR): FramingRecord[] {
  if (!existsSync(dir)) return [];
  const out: FramingRecord[] = [];
  const seen = new Map<string, string>();
  for (const name of readdirSync(dir).filter((f) => f.endsWith('.yaml') || f.endsWith('.yml')).sort()) {
    const file = join(dir, name);
    for (const r of loadFramingFile(file)) {
      const prev = seen.get(r.id);
      if (prev) throw new UserError(`${file}: record id "${r.id}" is already used in ${prev}`, { file });
      seen.set(r.id, file);
      out.push(r);
    }
  }
  return out;
}

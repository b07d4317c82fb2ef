import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, extname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ActiveRole } from './roles.js';
import { UserError } from '../../core/errors.js';
import type { NarrativeLevel } from '../../core/narratives.js';
import { parse as parseYaml } from 'yaml';
import { parseYamlFile } from '../../core/yaml.js';
import { TermMatcher } from '../../lexicon/term-matcher.js';
import { compileClaimShape, type ClaimShape } from './claim-shape.js';
import { PackFile, type NarrativeSpec, type SubSpec } from './schema.js';

export const PACKS_DIR = fileURLToPath(new URL('./packs/', import.meta.url));
export const DEFAULT_PACK = 'disputes';

/** An entity-role pattern, compiled: `actor` is -1 for any actor, -2 for a non-party name, else a party index. */
export interface CompiledRole {
  role: ActiveRole;
  actor: number;
}

/** One narrative or sub-narrative of a compiled pack. */
export interface PackItem {
  /** Position in `pack.items` (narratives first in file order, each followed by its sub-narratives). */
  index: number;
  id: string;
  title: string;
  label: string;
  description: string;
  level: NarrativeLevel;
  /** Index of the narrative of a sub-narrative; -1 for a narrative. */
  parent: number;
  /** Indices of a narrative's sub-narratives. */
  children: number[];
  examples: string[];
  cues: string[];
  /** Term-set entries as indices into pack.groups, all of which must hit in one sentence. */
  termSets: number[][];
  claims: ClaimShape[];
  roles: CompiledRole[];
}

/**
 * A party alias: the party's index and how its first word must be written. An alias the pack writes
 * with a capital matches only a capitalised word ("West", not "west of the river"); a short alias in
 * capitals ("US", "EU") only a word in capitals (not the pronoun "us"); one in lowercase any.
 */
export interface PartyAlias {
  party: number;
  /** 0: any case; 1: first word capitalised; 2: first word in capitals. */
  caseReq: 0 | 1 | 2;
}

/** What a word or phrase of the pack's evidence matcher signals. */
export interface EvidenceTerm {
  /** Items whose cue it is. */
  cueItems: number[];
  /** Term-set groups it belongs to. */
  groups: number[];
}

export interface NarrativePack {
  name: string;
  title: string;
  version: string;
  description: string;
  /** The file it came from. */
  file: string;
  /** Hash of the validated content (comments and layout do not change it): trained weights name it. */
  hash: string;
  labelPrefix: string;
  items: PackItem[];
  parties: Array<{ id: string; aliases: string[] }>;
  scope: { terms: string[]; min: number; wordsPerHit: number | null } | null;
  background: string[];
  /** The share of documents without any of the pack's narratives that its thresholds are fitted for (null: the training documents'). */
  otherShare: number | null;
  /** The evidence rules of support.ts apply (the pack's `evidenceRules`). */
  evidenceRules: boolean;
  /** Cue phrases and term-set groups in one matcher (one scan per document). */
  evidence: TermMatcher<EvidenceTerm>;
  /** One-word evidence terms as the word memo of a model numbers them (index + 1), filled on first use. */
  singles: EvidenceTerm[];
  singleIndex: Map<EvidenceTerm, number>;
  /** Scope terms, counted apart so that a longer cue cannot hide them (null: no scope). */
  scopeMatcher: TermMatcher<true> | null;

  /** Number of term-set groups. */
  groups: number;
  /** Party aliases; see PartyAlias. */
  partyMatcher: TermMatcher<PartyAlias>;
  /** The validated file content. */
  spec: PackFile;
}

/** Scope hits a document of `words` words needs for the pack to apply (0 for a pack without scope). */
export function scopeNeeded(pack: Pick<NarrativePack, 'scope'>, words: number): number {
  if (!pack.scope) return 0;
  const { min, wordsPerHit } = pack.scope;
  return wordsPerHit ? Math.max(min, Math.ceil(words / wordsPerHit)) : min;
}

const ROLE_OF: Record<string, ActiveRole> = {
  aggressor: 'aggressor',
  antagonist: 'aggressor',
  victim: 'victim',
  innocent: 'victim',
  authority: 'authority',
  protagonist: 'authority',
};

/** Names of the packs that ship with framewise. */
export function builtinPackNames(): string[] {
  return readdirSync(PACKS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => basename(f, '.yaml'))
    .sort();
}

/** A pack argument is a file when it looks like a path; otherwise the name of a built-in pack. */
export function isPackPath(spec: string): boolean {
  return spec.includes('/') || spec.includes('\\') || /\.(ya?ml|json)$/i.test(spec);
}

/** `A,B` or a list to pack specs (names or paths), trimmed, without duplicates. */
export function splitPackSpecs(value: string | readonly string[]): string[] {
  const parts = (typeof value === 'string' ? [value] : value).flatMap((v) => v.split(','));
  const out: string[] = [];
  for (const p of parts.map((s) => s.trim()).filter(Boolean)) if (!out.includes(p)) out.push(p);
  return out;
}

/** The file of a pack spec: a built-in pack's YAML, or a path resolved against `base`. */
export function packFile(spec: string, base = process.cwd()): string {
  if (isPackPath(spec)) {
    const file = isAbsolute(spec) ? spec : resolve(base, spec);
    if (!existsSync(file)) throw new UserError(`${spec}: narrative pack file not found`, { file: spec });
    return file;
  }
  const file = join(PACKS_DIR, `${spec}.yaml`);
  if (!existsSync(file)) throw new UserError(`--narratives: unknown pack "${spec}" (built-in packs: ${builtinPackNames().join(', ')}; or give a file path)`, { field: 'narratives' });
  return file;
}

/**
 * Leading words a cue phrase may drop: articles and prepositions begin too many phrases of running
 * text, and a matcher keyed on them tries every "the" of a document. "to the last Ukrainian"
 * matches as "last Ukrainian" (the span starts there), which finds the same sentences.
 */
const LEADING = new Set(['the', 'a', 'an', 'on', 'to', 'by', 'for', 'of', 'in', 'at', 'with', 'from', 'into', 'as', 'and', 'or']);

/** A cue phrase as matched: lowercased, spaces collapsed, leading articles and prepositions dropped (never the last word). */
export function cueKey(term: string): string {
  const words = term.toLowerCase().trim().split(/\s+/);
  while (words.length > 1 && LEADING.has(words[0]!)) words.shift();
  return words.join(' ');
}

const compiled = new Map<string, NarrativePack>();

/** Loads and compiles a pack file, once per content. Errors name the file, the narrative and the field. */
export function loadPack(file: string): NarrativePack {
  const text = readFileSync(file, 'utf8');
  const key = `${file}\0${text}`;
  let pack = compiled.get(key);
  if (!pack) {
    if (compiled.size >= 32) compiled.clear();
    pack = compilePack(parsePackFile(file, text), file);
    compiled.set(key, pack);
  }
  return pack;
}

/** The compiled packs of a spec list (default: the `disputes` pack); two packs may not share a name. */
export function loadPacks(specs: readonly string[], base?: string): NarrativePack[] {
  const list = specs.length ? specs : [DEFAULT_PACK];
  const packs = list.map((s) => loadPack(packFile(s, base)));
  const seen = new Map<string, string>();
  for (const p of packs) {
    if (seen.has(p.name)) throw new UserError(`${p.file}: pack name "${p.name}" is also the name of ${seen.get(p.name)}; give one of them another name`, { file: p.file, field: 'name' });
    seen.set(p.name, p.file);
  }
  return packs;
}

/**
 * Validates a pack file; an error inside a narrative names it by id as well as by position:
 * `file:12: narrative "civilian-harm" (narratives.0): description: ...`.
 */
export function parsePackFile(file: string, text: string): PackFile {
  try {
    return parseYamlFile(file, text, PackFile);
  } catch (e) {
    if (!(e instanceof UserError) || !e.details.field) throw e;
    const m = /^narratives\.(\d+)(?:\.subnarratives\.(\d+))?(?:\.(.*))?$/.exec(e.details.field);
    if (!m) throw e;
    let raw: unknown;
    try {
      raw = parseYaml(text);
    } catch {
      throw e;
    }
    const n = (raw as { narratives?: Array<{ id?: unknown; subnarratives?: Array<{ id?: unknown }> }> }).narratives?.[Number(m[1])];
    const sub = m[2] !== undefined ? n?.subnarratives?.[Number(m[2])] : undefined;
    const id = m[2] !== undefined ? `${String(n?.id ?? '?')}/${String(sub?.id ?? '?')}` : String(n?.id ?? '?');
    const where = `${file}${e.details.line ? `:${e.details.line}` : ''}`;
    const path = m[2] !== undefined ? `narratives.${m[1]}.subnarratives.${m[2]}` : `narratives.${m[1]}`;
    const rest = e.message.slice(e.message.indexOf(`: ${e.details.field}: `) + e.details.field.length + 4);
    throw new UserError(`${where}: narrative "${id}" (${path}): ${m[3] ?? '(itself)'}: ${rest}`, e.details);
  }
}

function fail(message: string, file: string, field: string): never {
  throw new UserError(message, { file, field });
}

/** Compiles a validated pack: labels, term sets, claim shapes and matchers. */
export function compilePack(spec: PackFile, file: string): NarrativePack {
  const parties = Object.entries(spec.parties).map(([id, aliases]) => ({ id, aliases }));
  const partyIndex = new Map(parties.map((p, k) => [p.id, k]));
  const sets = new Map(Object.entries(spec.termSets));
  const expand = (term: string, where: string): string[] => {
    if (!term.startsWith('@')) return [term];
    const list = sets.get(term.slice(1));
    if (!list) fail(`${where}: unknown term set "${term}" (the pack's termSets: ${[...sets.keys()].join(', ') || 'none'})`, file, where);
    return list;
  };

  const items: PackItem[] = [];
  const cueItems = new Map<string, number[]>();
  const groupTerms = new Map<string, number[]>();
  let groups = 0;
  const seenIds = new Set<string>();
  const seenLabels = new Map<string, string>();

  const addItem = (n: NarrativeSpec | SubSpec, level: NarrativeLevel, parent: PackItem | null, path: string): PackItem => {
    const id = parent ? `${parent.id}/${n.id}` : n.id;
    if (seenIds.has(id)) fail(`${file}: ${path}.id: "${id}" is used twice`, file, `${path}.id`);
    seenIds.add(id);
    const label = n.label ?? (parent ? `${parent.label}: ${n.title}` : `${spec.labelPrefix}${n.title}`);
    if (seenLabels.has(label.toLowerCase())) fail(`${file}: ${path}.label: "${label}" is also the label of ${seenLabels.get(label.toLowerCase())}`, file, `${path}.label`);
    seenLabels.set(label.toLowerCase(), id);
    const where = (field: string) => `${file}: narrative "${id}": ${field}`;
    const item: PackItem = {
      index: items.length,
      id,
      title: n.title,
      label,
      description: n.description,
      level,
      parent: parent ? parent.index : -1,
      children: [],
      examples: n.examples,
      cues: n.cues.flatMap((c) => expand(c, where('cues'))),
      termSets: [],
      claims: n.claims.map((c) => compileClaimShape(c, where('claims'), (name) => sets.get(name), (p) => partyIndex.get(p))),
      roles: n.roles.map((r) => {
        if (r.actor.startsWith('party:') && !partyIndex.has(r.actor.slice(6))) fail(`${where('roles')}: party "${r.actor.slice(6)}" is not among the pack's parties`, file, `${path}.roles`);
        return { role: ROLE_OF[r.role]!, actor: r.actor === 'any' ? -1 : r.actor === 'name' ? -2 : partyIndex.get(r.actor.slice(6))! };
      }),
    };
    items.push(item);
    for (const c of item.cues) {
      const k = cueKey(c);
      const list = cueItems.get(k) ?? [];
      if (!list.includes(item.index)) list.push(item.index);
      cueItems.set(k, list);
    }
    for (const entry of n.terms) {
      const ids: number[] = [];
      for (const group of entry) {
        const g = groups++;
        ids.push(g);
        for (const alt of group.split('|').map((s) => s.trim()).filter(Boolean)) {
          for (const term of expand(alt, where('terms'))) {
            const k = cueKey(term);
            const list = groupTerms.get(k) ?? [];
            list.push(g);
            groupTerms.set(k, list);
          }
        }
      }
      item.termSets.push(ids);
    }
    return item;
  };

  spec.narratives.forEach((n, i) => {
    const item = addItem(n, 'narrative', null, `narratives.${i}`);
    n.subnarratives.forEach((s, j) => item.children.push(addItem(s, 'subnarrative', item, `narratives.${i}.subnarratives.${j}`).index));
    const examples = item.examples.length + item.children.reduce((a, c) => a + items[c]!.examples.length, 0);
    if (examples === 0) fail(`${file}: narrative "${item.id}": examples: write at least one example sentence (here or in a sub-narrative)`, file, `narratives.${i}.examples`);
  });

  const scopeTerms = spec.scope ? spec.scope.terms.flatMap((t) => expand(t, `${file}: scope.terms`)) : [];
  const evidence = new TermMatcher<EvidenceTerm>();
  const keys = new Set([...cueItems.keys(), ...groupTerms.keys()]);
  for (const k of [...keys].sort()) evidence.add(k, { cueItems: cueItems.get(k) ?? [], groups: groupTerms.get(k) ?? [] });
  let scopeMatcher: TermMatcher<true> | null = null;
  if (scopeTerms.length) {
    scopeMatcher = new TermMatcher<true>();
    for (const t of scopeTerms) scopeMatcher.add(t, true);
  }

  const partyMatcher = new TermMatcher<PartyAlias>();
  parties.forEach((p, k) => {
    for (const a of p.aliases) {
      const first = a.trim().split(/\s+/)[0]!;
      const caseReq = /^[A-Z]{2,3}$/.test(first) ? 2 : /^\p{Lu}/u.test(first) ? 1 : 0;
      partyMatcher.add(a, { party: k, caseReq });
    }
  });

  const hash = createHash('sha1').update(JSON.stringify(spec)).digest('hex').slice(0, 16);
  return {
    name: spec.name,
    title: spec.title,
    version: spec.version,
    description: spec.description ?? '',
    file,
    hash,
    labelPrefix: spec.labelPrefix,
    items,
    parties,
    scope: spec.scope ? { terms: scopeTerms, min: spec.scope.min, wordsPerHit: spec.scope.wordsPerHit ?? null } : null,
    background: spec.background,
    otherShare: spec.otherShare ?? null,
    evidenceRules: spec.evidenceRules ?? false,
    evidence,
    singles: [],
    singleIndex: new Map(),
    scopeMatcher,
    groups,
    partyMatcher,
    spec,
  };
}

/** The weights file that belongs beside a pack file: `name.yaml` -> `name.weights.json`. */
export function weightsFileOf(packFilePath: string): string {
  const ext = extname(packFilePath);
  return `${packFilePath.slice(0, packFilePath.length - ext.length)}.weights.json`;
}

import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { UserError } from '../../core/errors.js';
import { parseYamlFile } from '../../core/yaml.js';
import type { Tokens } from '../../text/tokenise.js';
import { F_CAP, F_UPPER, tokenise } from '../../text/tokenise.js';
import { Vocab } from '../../text/vocab.js';
import { lower } from '../../lexicon/word-sets.js';
import { PhraseIndex, type IndexedPhrase } from '../../lexicon/phrase-index.js';

import { ACTOR_TYPES, type ActorType } from '../../core/actors.js';

export { ACTOR_TYPES, type ActorType } from '../../core/actors.js';

export interface ActorEntry {
  id: string;
  name: string;
  type: ActorType;
  /** For a country: the actor id of its people (and the reverse). */
  people?: string;
  country?: string;
}

/** How an alias was written in the gazetteer, which decides what a match means. */
export type AliasKind = 'name' | 'demonym' | 'people';

interface Alias extends IndexedPhrase {
  toks: string[];
  /** Per token: 0 any case, 1 must start with a capital, 2 must be all capitals. */
  caseReq: Uint8Array;
  actor: string;
  kind: AliasKind;
}

/** An alias as `matchAlias` returns it: its words, actor and kind. */
export interface AliasMatch {
  readonly toks: readonly string[];
  readonly actor: string;
  readonly kind: AliasKind;
}

/** firstBits: some alias starting with the word takes it in any case, capitalised, or in capitals. */
const ANY_CASE = 1;
const CAPITAL = 2;
const ALL_CAPS = 4;

export interface GazetteerMatch {
  length: number;
  actor: string;
  kind: AliasKind;
}

const Str = z.string().min(1);
const Country = z
  .object({
    id: Str, name: Str, capital: Str.nullable().optional(), demonyms: z.array(Str).default([]),
    people: Str.optional(), aliases: z.array(Str).default([]),
  })
  .strict();
const People = z.object({ id: Str, name: Str, aliases: z.array(Str).default([]), demonyms: z.array(Str).default([]) }).strict();
const Organisation = z
  .object({ id: Str, name: Str, type: z.enum(ACTOR_TYPES).default('organisation'), aliases: z.array(Str).default([]) })
  .strict();
export const GazetteerFile = z
  .object({
    countries: z.array(Country).default([]),
    peoples: z.array(People).default([]),
    organisations: z.array(Organisation).default([]),
  })
  .strict();
export type GazetteerData = z.infer<typeof GazetteerFile>;

export const BUILTIN_GAZETTEER = fileURLToPath(new URL('./gazetteer.yaml', import.meta.url));

/** English plural of a demonym for its people: Azerbaijani -> Azerbaijanis, Chinese -> Chinese. */
export function peoplePlural(demonym: string): string {
  if (/(ese|ss|ch|sh|z)$/.test(demonym)) return demonym;
  return demonym + 's';
}

function aliasTokens(alias: string, vocab: Vocab): { toks: string[]; caseReq: Uint8Array } {
  const t = tokenise(alias, vocab);
  const toks: string[] = [];
  const caseReq = new Uint8Array(t.count);
  for (let i = 0; i < t.count; i++) {
    toks.push(lower(t, i));
    caseReq[i] = t.flags[i]! & F_UPPER && (t.end[i]! - t.start[i]! <= 5) ? 2 : t.flags[i]! & F_CAP ? 1 : 0;
  }
  return { toks, caseReq };
}

/**
 * The actor gazetteer compiled for matching: aliases indexed by first token, longest first.
 * Countries get their name, aliases and capital as one actor, demonyms that resolve by context,
 * and a people actor (the plural demonym).
 */
export class Gazetteer {
  readonly actors = new Map<string, ActorEntry>();
  /** Aliases by first token; flag bytes: the capitalisation (ANY_CASE, CAPITAL, ALL_CAPS) they ask of it. */
  private readonly index = new PhraseIndex<Alias>();
  private readonly seen = new Map<string, string>();
  /** Tokenises aliases (their forms only: it stays empty). */
  private readonly scratch = new Vocab();

  static fromData(parts: Array<{ file: string; data: GazetteerData }>): Gazetteer {
    const g = new Gazetteer();
    for (const p of parts) g.add(p.data, p.file);
    // Per first word, the capitalisation its aliases ask of it: most tokens of a word like "the"
    // (which starts "The Hague") are lowercase and can start none of them.
    g.index.seal((a) => (a.caseReq[0] === 0 ? ANY_CASE : a.caseReq[0] === 1 ? CAPITAL : ALL_CAPS));
    return g;
  }

  private actor(e: ActorEntry): void {
    const prev = this.actors.get(e.id);
    this.actors.set(e.id, prev ? { ...prev, ...e } : e);
  }

  private alias(text: string, actor: string, kind: AliasKind, file: string): void {
    const { toks, caseReq } = aliasTokens(text, this.scratch);
    if (toks.length === 0) return;
    const key = `${toks.join(' ')}|${kind}|${caseReq.join('')}`;
    const owner = this.seen.get(key);
    if (owner === actor) return;
    if (owner !== undefined) throw new UserError(`${file}: alias "${text}" of "${actor}" is already an alias of "${owner}"`, { file, field: actor });
    this.seen.set(key, actor);
    this.index.add(toks, (ids) => ({ toks, ids, caseReq, actor, kind }));
  }

  add(data: GazetteerData, file: string): void {
    for (const c of data.countries) {
      const peopleName = c.people ?? (c.demonyms[0] ? peoplePlural(c.demonyms[0]) : `People of ${c.name}`);
      const peopleId = `${c.id}:people`;
      this.actor({ id: c.id, name: c.name, type: 'country', people: peopleId });
      this.actor({ id: peopleId, name: peopleName, type: 'people', country: c.id });
      for (const a of [c.name, ...c.aliases, ...(c.capital ? [c.capital] : [])]) this.alias(a, c.id, 'name', file);
      for (const d of c.demonyms) {
        this.alias(d, c.id, 'demonym', file);
        const plural = peoplePlural(d);
        if (plural !== d) this.alias(plural, peopleId, 'people', file);
      }
      if (c.people && c.people !== c.demonyms[0]) this.alias(c.people, peopleId, 'people', file);
    }
    for (const p of data.peoples) {
      this.actor({ id: p.id, name: p.name, type: 'people' });
      for (const a of [p.name, ...p.aliases]) this.alias(a, p.id, 'people', file);
      for (const d of p.demonyms) if (d !== p.name) this.alias(d, p.id, 'demonym', file);
    }
    for (const o of data.organisations) {
      this.actor({ id: o.id, name: o.name, type: o.type });
      for (const a of new Set([o.name, ...o.aliases])) this.alias(a, o.id, 'name', file);
    }
  }

  /** The longest alias starting at token i (within [i, end)), respecting the aliases' capitalisation. */
  match(t: Tokens, i: number, end: number): GazetteerMatch | null {
    const a = this.matchAlias(t, i, end);
    return a ? { length: a.toks.length, actor: a.actor, kind: a.kind } : null;
  }

  /** Like `match`, but returns the alias itself (no object per match): its length is `toks.length`. */
  matchAlias(t: Tokens, i: number, end: number): AliasMatch | null {
    const id = t.id[i]!;
    if (id >= 0) {
      const bits = this.index.flagsOf(t, id);
      if (bits === 0) return null;
      if ((bits & ANY_CASE) === 0 && !((bits & CAPITAL) !== 0 && (t.flags[i]! & F_CAP) !== 0) && !((bits & ALL_CAPS) !== 0 && (t.flags[i]! & F_UPPER) !== 0)) return null;
    }
    // A local id: the text may have been tokenised before the gazetteer interned its words.
    const list = this.index.startingAt(t, i);
    if (!list) return null;
    outer: for (const a of list) {
      if (i + a.toks.length > end) continue;
      for (let k = 0; k < a.toks.length; k++) {
        const j = i + k;
        if (k > 0 && !this.index.same(t, j, a, k)) continue outer;
        const req = a.caseReq[k]!;
        if (req === 1 && !(t.flags[j]! & F_CAP)) continue outer;
        if (req === 2 && !(t.flags[j]! & F_UPPER)) continue outer;
      }
      return a;
    }
    return null;
  }

  get(id: string): ActorEntry | undefined {
    return this.actors.get(id);
  }
}

export function loadGazetteerFile(file: string): GazetteerData {
  if (!existsSync(file)) throw new UserError(`${file}: gazetteer file not found`, { file });
  return parseYamlFile(file, readFileSync(file, 'utf8'), GazetteerFile);
}

/** The built-in gazetteer plus extra files (later files extend or add actors). */
export function loadGazetteer(extraFiles: readonly string[] = []): Gazetteer {
  return Gazetteer.fromData([BUILTIN_GAZETTEER, ...extraFiles].map((file) => ({ file, data: loadGazetteerFile(file) })));
}

let defaultG: Gazetteer | null = null;

/** The extra gazetteer files listed in FRAMEWISE_GAZETTEER (separated like PATH). */
const envFiles = (): string[] => (process.env.FRAMEWISE_GAZETTEER ?? '').split(delimiter).filter(Boolean);

/**
 * The gazetteer the analysis uses: the built-in one plus the files listed in FRAMEWISE_GAZETTEER,
 * loaded once per process.
 */
export function defaultGazetteer(): Gazetteer {
  defaultG ??= loadGazetteer(envFiles());
  return defaultG;
}

const byFiles = new Map<string, Gazetteer>();

/**
 * The gazetteer for an analyzer's configuration: the default one, plus a `gazetteer.yaml` found in
 * any of the config's lexicon directories (so users extend actors the way they extend word lists).
 */
export function gazetteerFor(config?: { lexicons: readonly string[] }): Gazetteer {
  const files = (config?.lexicons ?? []).map((d) => join(d, 'gazetteer.yaml')).filter((f) => existsSync(f));
  if (files.length === 0) return defaultGazetteer();
  const key = files.join(delimiter);
  let g = byFiles.get(key);
  if (!g) {
    g = loadGazetteer([...envFiles(), ...files]);
    byFiles.set(key, g);
  }
  return g;
}

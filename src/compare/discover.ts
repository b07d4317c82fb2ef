import { stringify } from 'yaml';
import { UserError } from '../core/errors.js';
import type { Report } from '../core/report.js';
import { wordUnit } from '../layers/narratives/features.js';
import { parsePackFile } from '../layers/narratives/pack.js';
import { rng } from '../core/random.js';
import type { DocumentFilter, DocumentSummary, Store } from '../store/types.js';

/**
 * Candidate narratives from a corpus: its claim sentences (the claims layer's check-worthy claims,
 * else every sentence of some length) as TF-IDF vectors over word stems and stem pairs (names left
 * out, so that groups form around what is said, not who is named), clustered with k-means
 * (deterministic seeding). Each group gets its key phrases, the sentences nearest its centre, the
 * outlets that carry it, and becomes a narrative of a pack skeleton to name and edit.
 */

export interface DiscoverOptions {
  /** Groups to form (default: about the square root of half the sentences, 4 to 24). */
  k?: number;
  /** Sentences read at most (a deterministic sample beyond it; default 20,000). */
  maxSentences?: number;
  /** Groups smaller than this are dropped (default 3). */
  minSize?: number;
  seed?: number;
}

export interface CandidateNarrative {
  id: string;
  size: number;
  /** Documents the group's sentences come from. */
  documents: number;
  keyPhrases: string[];
  examples: Array<{ text: string; documentId: number; outlet: string | null }>;
  outlets: Array<{ outlet: string; sentences: number }>;
}

export interface Discovery {
  sentences: number;
  documents: number;
  groups: CandidateNarrative[];
}

interface Sentence {
  text: string;
  documentId: number;
  outlet: string | null;
  terms: string[];
}

/** Words that carry stance for the model but only blur groups of sentences. */
const FILLER = new Set(
  ('no not nor our ours ourselves own we us they them their theirs people only never why who every since already several week weeks ' +
    'month months year years day days thousand thousands hundred hundreds million millions dozen dozens one two three four five six seven ' +
    'eight nine ten first second last next said says say told also would could will may might must can').split(' '),
);

/**
 * Stems and stem pairs of a sentence, without names or numbers: a capitalised word counts only when
 * `common` (words the corpus writes in lowercase) has it, as a sentence's first word often does.
 */
export function sentenceTerms(text: string, common?: ReadonlySet<string>): string[] {
  const words = text.match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  const stems: Array<string | null> = [];
  words.forEach((w, i) => {
    const lower = w.toLowerCase().replace(/’/g, "'");
    const cap = /^\p{Lu}/u.test(w);
    if ((cap && i > 0) || (cap && common && !common.has(lower)) || FILLER.has(lower)) {
      stems.push(null);
      return;
    }
    stems.push(wordUnit(lower));
  });
  const out: string[] = [];
  let prev: string | null = null;
  for (const s of stems) {
    if (s) {
      out.push(s);
      if (prev) out.push(`${prev} ${s}`);
    }
    prev = s;
  }
  return out;
}

/** Collects claim sentences from analysed documents, one at a time. */
export class SentenceCollector {
  readonly sentences: Sentence[] = [];
  /** Words written in lowercase somewhere in the corpus (not names). */
  readonly common = new Set<string>();
  private seen = new Set<string>();
  private docs = new Set<number>();
  private n = 0;
  private readonly random: () => number;

  constructor(private readonly max = 20_000, seed = 11) {
    this.random = rng(seed);
  }

  add(doc: Pick<DocumentSummary, 'id' | 'outlet'>, text: string, report: Report): void {
    const spans = report.claims?.length ? report.claims.map((c) => ({ start: c.start, end: c.end })) : sentenceSpans(text);
    for (const sp of spans) {
      const s = text.slice(sp.start, sp.end).replace(/\s+/g, ' ').trim();
      if (s.split(' ').length < 6 || s.length > 400) continue;
      const key = s.toLowerCase();
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      for (const w of s.match(/(?<![\p{L}'’-])\p{Ll}[\p{L}'’-]*/gu) ?? []) this.common.add(w.replace(/’/g, "'"));
      const item = { text: s, documentId: doc.id, outlet: doc.outlet, terms: [] as string[] };
      // Reservoir sampling keeps a uniform sample of at most `max` sentences.
      this.n++;
      if (this.sentences.length < this.max) this.sentences.push(item);
      else {
        const j = Math.floor(this.random() * this.n);
        if (j < this.max) this.sentences[j] = item;
      }
      this.docs.add(doc.id);
    }
  }

  get documents(): number {
    return this.docs.size;
  }

  /** The sample with each sentence's terms (names left out). */
  withTerms(): Sentence[] {
    for (const s of this.sentences) s.terms = sentenceTerms(s.text, this.common);
    return this.sentences;
  }
}

function sentenceSpans(text: string): Array<{ start: number; end: number }> {
  const out: Array<{ start: number; end: number }> = [];
  const re = /[^.!?\n]+[.!?]?/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

type Vec = Map<number, number>;

const dot = (a: Vec, b: Float64Array) => {
  let s = 0;
  for (const [k, v] of a) s += v * b[k]!;
  return s;
};

/** Groups sentences into candidate narratives. */
export function discoverNarratives(sentences: readonly Sentence[], documents: number, options: DiscoverOptions = {}): Discovery {
  const n = sentences.length;
  const minSize = options.minSize ?? 3;
  if (n < minSize * 2) return { sentences: n, documents, groups: [] };
  // Vocabulary: terms in at least two sentences and at most a tenth of them.
  const df = new Map<string, number>();
  for (const s of sentences) for (const t of new Set(s.terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const vocab = [...df].filter(([, c]) => c >= 2 && c <= Math.max(2, n / 10)).map(([t]) => t).sort();
  const index = new Map(vocab.map((t, i) => [t, i]));
  const idf = vocab.map((t) => Math.log(n / df.get(t)!));
  const vecs: Vec[] = sentences.map((s) => {
    const v: Vec = new Map();
    for (const t of s.terms) {
      const k = index.get(t);
      if (k !== undefined) v.set(k, (v.get(k) ?? 0) + 1);
    }
    let norm = 0;
    for (const [k, c] of v) {
      const w = (1 + Math.log(c)) * idf[k]!;
      v.set(k, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [k, w] of v) v.set(k, w / norm);
    return v;
  });
  const usable = vecs.map((v, i) => [v, i] as const).filter(([v]) => v.size > 0);
  const K = Math.max(2, Math.min(options.k ?? Math.round(Math.sqrt(usable.length / 2)), 24, Math.floor(usable.length / minSize)));
  const V = vocab.length;
  // k-means++ seeding with a seeded generator, then spherical k-means (cosine) for a fixed number of rounds.
  const random = rng(options.seed ?? 7);
  const centres: Float64Array[] = [];
  const toDense = (v: Vec) => {
    const d = new Float64Array(V);
    for (const [k, w] of v) d[k] = w;
    return d;
  };
  centres.push(toDense(usable[Math.floor(random() * usable.length)]![0]));
  const dist = new Float64Array(usable.length).fill(Infinity);
  while (centres.length < K) {
    const c = centres[centres.length - 1]!;
    let total = 0;
    usable.forEach(([v], i) => {
      dist[i] = Math.min(dist[i]!, 1 - dot(v, c));
      total += dist[i]! * dist[i]!;
    });
    let r = random() * total;
    let pick = 0;
    for (; pick < usable.length - 1; pick++) {
      r -= dist[pick]! * dist[pick]!;
      if (r <= 0) break;
    }
    centres.push(toDense(usable[pick]![0]));
  }
  const assign = new Int32Array(usable.length);
  for (let round = 0; round < 20; round++) {
    let moved = 0;
    usable.forEach(([v], i) => {
      let best = 0;
      let bestSim = -Infinity;
      for (let c = 0; c < K; c++) {
        const sim = dot(v, centres[c]!);
        if (sim > bestSim) {
          bestSim = sim;
          best = c;
        }
      }
      if (assign[i] !== best || round === 0) moved++;
      assign[i] = best;
    });
    for (let c = 0; c < K; c++) centres[c]!.fill(0);
    usable.forEach(([v], i) => {
      const ce = centres[assign[i]!]!;
      for (const [k, w] of v) ce[k]! += w;
    });
    for (const ce of centres) {
      let norm = 0;
      for (let k = 0; k < V; k++) norm += ce[k]! * ce[k]!;
      norm = Math.sqrt(norm) || 1;
      for (let k = 0; k < V; k++) ce[k]! /= norm;
    }
    if (moved === 0) break;
  }
  const groups: CandidateNarrative[] = [];
  for (let c = 0; c < K; c++) {
    const members = usable.map(([v, i], j) => ({ v, i, j })).filter((m) => assign[m.j] === c);
    if (members.length < minSize) continue;
    const ce = centres[c]!;
    // Key phrases: the heaviest terms of the centre, pairs preferred over their own words.
    const ranked = [...ce.keys()].filter((k) => ce[k]! > 0).sort((a, b) => ce[b]! - ce[a]! || a - b).map((k) => vocab[k]!);
    const keyPhrases: string[] = [];
    for (const t of ranked) {
      if (keyPhrases.length >= 8) break;
      if (keyPhrases.some((p) => p.includes(t) || t.includes(p))) continue;
      keyPhrases.push(t);
    }
    const nearest = members.map((m) => ({ m, sim: dot(m.v, ce) })).sort((a, b) => b.sim - a.sim || a.m.i - b.m.i).slice(0, 5);
    const outlets = new Map<string, number>();
    const docs = new Set<number>();
    for (const m of members) {
      const s = sentences[m.i]!;
      docs.add(s.documentId);
      const o = s.outlet ?? '(unknown)';
      outlets.set(o, (outlets.get(o) ?? 0) + 1);
    }
    groups.push({
      id: '',
      size: members.length,
      documents: docs.size,
      keyPhrases,
      examples: nearest.map(({ m }) => ({ text: sentences[m.i]!.text, documentId: sentences[m.i]!.documentId, outlet: sentences[m.i]!.outlet })),
      outlets: [...outlets].map(([outlet, s]) => ({ outlet, sentences: s })).sort((a, b) => b.sentences - a.sentences || a.outlet.localeCompare(b.outlet)),
    });
  }
  groups.sort((a, b) => b.size - a.size || a.keyPhrases.join().localeCompare(b.keyPhrases.join()));
  groups.forEach((g, k) => (g.id = `candidate-${k + 1}`));
  return { sentences: n, documents, groups };
}

/** Streams the analysed corpus and discovers candidate narratives. */
export async function discoverFromStore(store: Store, engineKey: string, where: DocumentFilter, options: DiscoverOptions = {}): Promise<Discovery> {
  const collector = new SentenceCollector(options.maxSentences, options.seed);
  for await (const { doc, report } of store.iterateAnalysed(engineKey, where)) {
    const full = await store.getDocument(doc.id);
    if (full) collector.add(doc, full.text, report);
  }
  return discoverNarratives(collector.withTerms(), collector.documents, options);
}

/** A pack skeleton with one narrative per group: valid against the pack schema, to name and edit. */
export function packSkeleton(d: Discovery, name = 'discovered'): string {
  if (d.groups.length === 0) throw new UserError(`narratives discover: ${d.sentences} claim sentences are too few to group; ingest more documents`);
  const narratives = d.groups.map((g) => ({
    id: g.id,
    title: `Candidate ${g.id.slice('candidate-'.length)}: ${g.keyPhrases.slice(0, 3).join(', ')}`,
    description: `TODO: describe this story neutrally. Found in ${g.size} sentences of ${g.documents} documents (${g.outlets.slice(0, 3).map((o) => o.outlet).join(', ')}).`,
    // Key phrases are word stems: a `*` on each word lets the cue match their endings.
    cues: g.keyPhrases.filter((p) => p.includes(' ')).slice(0, 6).map((p) => p.split(' ').map((w) => `${w}*`).join(' ')),
    examples: g.examples.map((e) => e.text),
  }));
  const pack = {
    name,
    title: `Narratives discovered in the corpus (${d.documents} documents)`,
    version: 1,
    description: 'Candidate narratives grouped from the corpus\'s claim sentences by framewise narratives discover. Rename, merge, describe, and replace the cues (word stems as found) and examples with your own.',
    narratives,
  };
  const yaml = `# Written by framewise narratives discover: a skeleton to edit (see docs/narratives.md).\n${stringify(pack, { lineWidth: 0 })}`;
  // What is written must load as a pack.
  parsePackFile(`${name}.yaml`, yaml);
  return yaml;
}

import type { Analyzer } from '../../analysis/analyzer.js';
import { analyseMissing } from '../../ingest/analyse.js';
import { openSqliteStore, type SqliteStore } from '../../store/sqlite.js';
import { engineKeyOf } from '../../store/types.js';
import { allStoryViews } from '../read.js';
import type { StoryOptions } from '../story.js';
import type { StoryView } from '../../core/stories.js';
import { updateStories, type UpdateStoriesOptions } from '../update.js';
import { asNewDocuments, loadStoryFixtures, type FixtureDoc, type Part } from './corpus.js';

/**
 * Scores the story pipeline end to end on one part of the fixture corpus: the fixture goes into a
 * fresh SQLite store, is analysed, clustered and read back as stories, and every figure compares
 * what the product shows with the annotation.
 * - Clustering: pairwise precision, recall and F1 over all pairs of documents.
 * - Omissions: a reported omission is right when its fact is the annotated fact the document omits.
 *   A reported fact stands for the annotated fact whose words its sentences overlap most often (or
 *   for none). Recall: annotated omissions that some reported omission stands for.
 * - Misleading headlines: flags against the annotation.
 */

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export interface StoryEvaluation {
  part: Part;
  documents: number;
  events: number;
  clustering: PRF & { predictedStories: number };
  omissions: PRF & { reported: number; correct: number; gold: number; recalled: number };
  headlines: PRF & { flagged: number; correct: number; gold: number };
  /** Reported omissions that were wrong, for reading (document id: fact text). */
  wrong: Array<{ document: string; fact: string; label: string | null }>;
  missed: Array<{ document: string; fact: string }>;
}

const prf = (tp: number, predicted: number, gold: number): PRF => {
  const precision = predicted > 0 ? tp / predicted : 1;
  const recall = gold > 0 ? tp / gold : 1;
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
};

/** Precision over reported omissions, recall over annotated ones (two reports of one omission recall it once). */
function omissionScores(correct: number, reported: number, recalled: number, gold: number): PRF {
  const precision = reported > 0 ? correct / reported : 1;
  const recall = gold > 0 ? recalled / gold : 1;
  return { precision, recall, f1: precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0 };
}

/** Which annotated fact a reported fact stands for: the one its sentences overlap most, or null. */
function labelOf(view: StoryView, factId: string, byDocId: Map<number, FixtureDoc>): string | null {
  const fact = view.facts.find((f) => f.id === factId)!;
  const votes = new Map<string, number>();
  for (const c of fact.cells) {
    if (c.status === 'absent' || c.start === undefined) continue;
    const doc = byDocId.get(c.documentId)!;
    for (const [g, [s, e]] of doc.carries) if (s < c.end! && e > c.start) votes.set(g, (votes.get(g) ?? 0) + 1);
  }
  let best: string | null = null;
  let n = 0;
  for (const [g, v] of [...votes].sort((a, b) => a[0].localeCompare(b[0]))) if (v > n) [best, n] = [g, v];
  return best;
}

/** A fixture part stored, analysed and clustered, ready to be read back with different story options. */
export interface PreparedPart {
  part: Part;
  corpus: ReturnType<typeof loadStoryFixtures>;
  store: SqliteStore;
  engineKey: string;
  ids: number[];
  byDocId: Map<number, FixtureDoc>;
  close(): Promise<void>;
}

export async function preparePart(part: Part, analyzer: Analyzer, cluster: UpdateStoriesOptions = {}): Promise<PreparedPart> {
  const corpus = loadStoryFixtures(part);
  const store = await openSqliteStore(':memory:');
  const inserted = await store.insertDocuments(asNewDocuments(corpus.documents));
  await analyseMissing(store, analyzer);
  await updateStories(store, cluster);
  return {
    part,
    corpus,
    store,
    engineKey: engineKeyOf(analyzer.engine),
    ids: inserted.map((r) => r.id),
    byDocId: new Map(inserted.map((r, i) => [r.id, corpus.documents[i]!])),
    close: () => store.close(),
  };
}

export async function evaluateStories(part: Part, analyzer: Analyzer, cluster: UpdateStoriesOptions = {}, story: StoryOptions = {}): Promise<StoryEvaluation> {
  const prepared = await preparePart(part, analyzer, cluster);
  try {
    return await scorePart(prepared, story);
  } finally {
    await prepared.close();
  }
}

export async function scorePart(prepared: PreparedPart, story: StoryOptions = {}): Promise<StoryEvaluation> {
  const { part, corpus, byDocId } = prepared;
  const views = await allStoryViews(prepared.store, prepared.engineKey, {}, story);
  const inserted = prepared.ids.map((id) => ({ id }));
  {
    // Clustering.
    const predicted = new Map<number, number>();
    for (const v of views) for (const d of v.documents) predicted.set(d.id, v.id);
    let tp = 0;
    let predPairs = 0;
    let goldPairs = 0;
    for (let a = 0; a < inserted.length; a++) {
      for (let b = a + 1; b < inserted.length; b++) {
        const [x, y] = [inserted[a]!.id, inserted[b]!.id];
        const gold = byDocId.get(x)!.story === byDocId.get(y)!.story;
        const pred = predicted.get(x) === predicted.get(y);
        if (gold) goldPairs++;
        if (pred) predPairs++;
        if (gold && pred) tp++;
      }
    }

    // Omissions.
    let reported = 0;
    let correct = 0;
    const recalled = new Set<string>();
    const wrong: StoryEvaluation['wrong'] = [];
    for (const v of views) {
      for (const d of v.documents) {
        const doc = byDocId.get(d.id)!;
        for (const o of d.omits) {
          reported++;
          const label = labelOf(v, o.fact, byDocId);
          if (label !== null && doc.omits.has(label)) {
            correct++;
            recalled.add(`${doc.id}\u0000${label}`);
          } else wrong.push({ document: doc.id, fact: o.text, label });
        }
      }
    }
    const gold = corpus.documents.reduce((s, d) => s + d.omits.size, 0);
    const missed = corpus.documents.flatMap((d) => [...d.omits].filter((f) => !recalled.has(`${d.id}\u0000${f}`)).map((f) => ({ document: d.id, fact: f })));

    // Headlines.
    let flagged = 0;
    let flaggedRight = 0;
    for (const v of views) {
      for (const d of v.documents) {
        if (d.headline && !d.headline.supported) {
          flagged++;
          if (byDocId.get(d.id)!.misleadingHeadline) flaggedRight++;
        }
      }
    }
    const goldHeadlines = corpus.documents.filter((d) => d.misleadingHeadline).length;

    return {
      part,
      documents: corpus.documents.length,
      events: corpus.events.length,
      clustering: { ...prf(tp, predPairs, goldPairs), predictedStories: views.length },
      omissions: { ...omissionScores(correct, reported, recalled.size, gold), reported, correct, gold, recalled: recalled.size },
      headlines: { ...prf(flaggedRight, flagged, goldHeadlines), flagged, correct: flaggedRight, gold: goldHeadlines },
      wrong,
      missed,
    };
  }
}

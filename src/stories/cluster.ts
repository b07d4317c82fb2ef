import type { SparseVector } from './features.js';

/**
 * Incremental story clustering. Documents are taken in time order; each joins the story whose
 * centroid it is most similar to (cosine of TF-IDF vectors) when that similarity reaches the
 * threshold and the story has a document within the time window, or else starts a story. Stories
 * already stored keep their documents: a rerun with nothing new changes nothing, and new documents
 * join the stories that exist.
 *
 * Candidates come from an inverted index over each story's strongest terms, so a document is
 * compared with the stories that share one of its top terms, not with every story in the window.
 */

export interface ClusterDoc {
  id: number;
  /** Publication time in ms since the epoch, or null when unknown (compared with every story, any time). */
  time: number | null;
  vector: SparseVector;
}

export interface ClusterOptions {
  /** Largest gap in ms between a document and the nearest document of a story it may join. */
  windowMs: number;
  /** Smallest cosine between a document and a story centroid for the document to join. */
  threshold: number;
  /**
   * How much a time gap lowers a similarity: the score is multiplied by 1 - decay * gap / window,
   * where gap is the distance from the document to the story's time span (0 inside it). Two events
   * on the same topic a few days apart share most names; the days between them tell them apart.
   */
  decay?: number;
  mergeThreshold?: number;
  /** Terms per document entered in the candidate index (default 12). */
  indexTerms?: number;
  /**
   * Terms that may enter the candidate index (default: all). A term most documents share would make
   * every story a candidate for every document; the cosine still counts it.
   */
  indexable?: (term: number) => boolean;
}

export interface ClusterResult {
  /** Documents that joined a story: `story` is an existing story id (> 0) or a new story (< 0, see `created`). */
  joins: Array<{ doc: number; story: number; score: number }>;
  /** New stories by temporary id (-1, -2, ...), with their documents in the order they joined. */
  created: Map<number, number[]>;
}

interface StoryState {
  id: number;
  sum: Map<number, number>;
  norm2: number;
  first: number | null;
  last: number | null;
  size: number;
}

/** Term ids of the `k` largest weights of a vector, among the indexable terms. */
function topTerms(v: SparseVector, k: number, indexable: (term: number) => boolean): number[] {
  const order: number[] = [];
  for (let i = 0; i < v.ids.length; i++) if (indexable(v.ids[i]!)) order.push(i);
  if (order.length > k) order.sort((a, b) => v.weights[b]! - v.weights[a]! || v.ids[a]! - v.ids[b]!);
  return order.slice(0, k).map((i) => v.ids[i]!);
}

function addToStory(s: StoryState, d: ClusterDoc): void {
  const { ids, weights } = d.vector;
  for (let k = 0; k < ids.length; k++) {
    const id = ids[k]!;
    const old = s.sum.get(id) ?? 0;
    const now = old + weights[k]!;
    s.sum.set(id, now);
    s.norm2 += now * now - old * old;
  }
  s.size++;
  if (d.time !== null) {
    s.first = s.first === null ? d.time : Math.min(s.first, d.time);
    s.last = s.last === null ? d.time : Math.max(s.last, d.time);
  }
}

function cosine(s: StoryState, v: SparseVector): number {
  if (s.norm2 <= 0) return 0;
  let dot = 0;
  for (let k = 0; k < v.ids.length; k++) {
    const w = s.sum.get(v.ids[k]!);
    if (w !== undefined) dot += w * v.weights[k]!;
  }
  return dot / Math.sqrt(s.norm2);
}

/** Distance in ms from a time to a story's span (0 inside it or when either is undated); Infinity past the window. */
function gapTo(s: StoryState, time: number | null, window: number): number {
  if (time === null || s.first === null || s.last === null) return 0;
  const gap = time < s.first ? s.first - time : time > s.last ? time - s.last : 0;
  return gap > window ? Infinity : gap;
}

/** Time order, then id: the order in which documents join, so that results do not depend on load order. */
export function joinOrder(a: ClusterDoc, b: ClusterDoc): number {
  if (a.time !== b.time) {
    if (a.time === null) return 1;
    if (b.time === null) return -1;
    return a.time - b.time;
  }
  return a.id - b.id;
}

/**
 * Assigns the documents that have no story (`assigned` lacks them) to stories. `docs` should also
 * hold the documents of existing stories that fall in the time range, so that their centroids are
 * known; existing stories without any loaded document cannot be joined.
 */
export function clusterDocuments(docs: ClusterDoc[], assigned: ReadonlyMap<number, number>, options: ClusterOptions): ClusterResult {
  const k = options.indexTerms ?? 12;
  const indexable = options.indexable ?? (() => true);
  const tops = new Map<number, number[]>();
  const top = (d: ClusterDoc) => {
    let t = tops.get(d.id);
    if (!t) tops.set(d.id, (t = topTerms(d.vector, k, indexable)));
    return t;
  };
  const decay = options.decay ?? 0;
  const stories: StoryState[] = [];
  const byId = new Map<number, StoryState>();
  const index = new Map<number, number[]>();
  const indexed: Array<Set<number>> = [];
  const enter = (si: number, d: ClusterDoc) => {
    const seen = indexed[si]!;
    for (const term of top(d)) {
      if (seen.has(term)) continue;
      seen.add(term);
      let list = index.get(term);
      if (!list) index.set(term, (list = []));
      list.push(si);
    }
  };
  const newStory = (id: number): number => {
    const s: StoryState = { id, sum: new Map(), norm2: 0, first: null, last: null, size: 0 };
    byId.set(id, s);
    indexed.push(new Set());
    return stories.push(s) - 1;
  };
  const storyIndex = new Map<number, number>();

  const sorted = [...docs].sort(joinOrder);
  for (const d of sorted) {
    const sid = assigned.get(d.id);
    if (sid === undefined) continue;
    let si = storyIndex.get(sid);
    if (si === undefined) storyIndex.set(sid, (si = newStory(sid)));
    addToStory(stories[si]!, d);
    enter(si, d);
  }

  const joins: ClusterResult['joins'] = [];
  const created = new Map<number, number[]>();
  const stamp = new Int32Array(0);
  let marks = stamp;
  let round = 0;
  for (const d of sorted) {
    if (assigned.has(d.id)) continue;
    round++;
    if (marks.length < stories.length + 1) {
      const grown = new Int32Array(Math.max(16, (stories.length + 1) * 2));
      grown.set(marks);
      marks = grown;
    }
    let best = -1;
    let bestScore = -1;
    for (const term of top(d)) {
      const list = index.get(term);
      if (!list) continue;
      for (const si of list) {
        if (marks[si] === round) continue;
        marks[si] = round;
        const s = stories[si]!;
        const gap = gapTo(s, d.time, options.windowMs);
        if (gap === Infinity) continue;
        const score = cosine(s, d.vector) * (1 - decay * (options.windowMs > 0 ? gap / options.windowMs : 0));
        // Ties go to the older story (lower index) so that the result does not depend on the index order.
        if (score > bestScore || (score === bestScore && si < best)) {
          bestScore = score;
          best = si;
        }
      }
    }
    let si: number;
    if (best >= 0 && bestScore >= options.threshold) {
      si = best;
      const story = stories[si]!.id;
      joins.push({ doc: d.id, story, score: bestScore });
      if (story < 0) created.get(story)!.push(d.id);
    } else {
      const temp = -(created.size + 1);
      si = newStory(temp);
      storyIndex.set(temp, si);
      created.set(temp, [d.id]);
      joins.push({ doc: d.id, story: temp, score: 1 });
    }
    addToStory(stories[si]!, d);
    enter(si, d);
  }
  return { joins, created };
}

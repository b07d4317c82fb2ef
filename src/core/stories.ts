/**
 * What `framewise stories`, GET /api/stories and the story page show: a story's versions side by
 * side, the facts they carry, and what each leaves out. Offsets are UTF-16 indices into the
 * original text of the document named.
 */

export type CellStatus = 'present' | 'changed' | 'absent';

/** Where one version carries a fact: the sentence, and the numbers it gives. */
export interface FactCell {
  documentId: number;
  status: CellStatus;
  /** The sentence that carries it (absent cells have none). */
  start?: number;
  end?: number;
  text?: string;
  /** Numbers as this version writes them. */
  numbers?: string[];
}

export interface StoryFact {
  id: string;
  kind: 'claim' | 'quote' | 'statement';
  /** The sentence of the version that says what most versions say. */
  text: string;
  /** Numbers most carrying versions agree on, as written in `text`. */
  numbers: string[];
  speaker: string | null;
  sources: string[];
  actors: string[];
  /** Versions that carry it (present or changed), and their groups. */
  carriedBy: number;
  groups: string[];
  cells: FactCell[];
}

export interface FactRef {
  fact: string;
  text: string;
}

export interface Evidence {
  documentId: number;
  outlet: string | null;
  group: string;
  start: number;
  end: number;
  text: string;
}

/** A fact most other versions carry and this one leaves out, with the sentences that carry it elsewhere. */
export interface Omission extends FactRef {
  /** How many of the other versions carry it. */
  carriedBy: number;
  others: number;
  evidence: Evidence[];
}

export interface HeadlineCheck {
  text: string;
  /** False: no version's body supports the headline's claim. */
  supported: boolean;
  /** Why not, in one sentence. */
  reason: string | null;
}

export interface StoryVersion {
  id: number;
  title: string | null;
  outlet: string | null;
  group: string;
  publishedAt: string | null;
  url: string | null;
  /** False: no stored analysis for the current engine, so no facts could be read from it. */
  analysed: boolean;
  headline: HeadlineCheck | null;
  /** Facts it carries that at least half of the versions carry. */
  shares: FactRef[];
  /** Facts that only versions of its own group carry. */
  only: FactRef[];
  /** Facts most other versions carry that it leaves out. */
  omits: Omission[];
  /** Facts it carries with another number, or none, where the others give one. */
  changed: FactRef[];
  /** Sources it cites (names as written). */
  sources: string[];
  /** From entity framing (report.actors[].framing.role), when the report has it. */
  roles?: Array<{ actor: string; name: string; role: string }>;
  /** Chosen narratives (the narratives layer: report.narratives items with chosen), when the report has that layer. */
  narratives?: Array<{ id: string; label: string }>;
}

export interface StoryView {
  id: number;
  title: string;
  firstAt: string | null;
  lastAt: string | null;
  groups: Array<{ group: string; documents: number }>;
  documents: StoryVersion[];
  facts: StoryFact[];
  /** Per group: facts that every version of the group leaves out while most others carry them. */
  blindSpots: Array<{ group: string; facts: FactRef[] }>;
}

/** One group's blind spots across stories. */
export interface GroupBlindSpots {
  group: string;
  /** Stories with at least one version of the group. */
  stories: number;
  facts: Array<FactRef & { storyId: number; storyTitle: string; carriedBy: number; others: number }>;
}

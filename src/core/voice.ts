import type { SpanRef } from './report.js';

/**
 * Voice: whose words a part of the text is. Every sentence part is either the author's own or a
 * reported source's: a direct quotation, indirect speech ("X argues that ..."), "according to X",
 * an accusation ("X accuses Y of ..."), a headline of another outlet. Layers attribute what they
 * find to a voice, so that an accusation the author quotes in order to reject it is not read as the
 * author's own.
 */

export const VOICE_KINDS = ['author', 'source'] as const;
export type VoiceKind = (typeof VOICE_KINDS)[number];

/** How a source's words enter the text. */
export const VOICE_MODES = ['quote', 'indirect', 'according-to', 'accusation', 'headline', 'phrase'] as const;
export type VoiceMode = (typeof VOICE_MODES)[number];

/**
 * The author's stance toward what a source says, where the text shows one: `rejects` ("Such claims
 * are baseless", "falsely claimed"), `doubts` (a verb or word that casts doubt: "claimed",
 * "supposedly"), `endorses` ("rightly", "admitted", "as X correctly notes").
 */
export const STANCES = ['endorses', 'doubts', 'rejects'] as const;
export type Stance = (typeof STANCES)[number];
/** How reports word each stance ("rejected by the author"). */
export const STANCE_PHRASE: Readonly<Record<Stance, string>> = { rejects: 'rejected by the author', doubts: 'doubted by the author', endorses: 'endorsed by the author' };

/**
 * A voice as it travels on findings, claims and framing cues. The author's voice is
 * `{kind: 'author', speaker: null, actor: null, quoted: false}`; on report findings it is left out
 * (absent `voice` means the author's) to keep reports small.
 */
export interface Voice {
  kind: VoiceKind;
  /** Display name of the speaker ("Ilse Varga", "the Tarvian foreign minister", "critics"); null for the author or an unknown source. */
  speaker: string | null;
  /** The speaker's actor id when the speaker is an actor the actors layer found. */
  actor: string | null;
  /** Direct quotation (the speaker's exact words in quote marks). */
  quoted: boolean;
  /** How the words are reported (sources only). */
  mode?: VoiceMode;
  /** The author's stance toward these words, when the text shows one (sources only). */
  stance?: Stance;
  /** The speaker says these words are not so ("X denied that ..."). */
  denied?: boolean;
  /** Index of the segment in `report.voices` (sources only). */
  segment?: number;
}

export const AUTHOR_VOICE: Readonly<Voice> = Object.freeze({ kind: 'author', speaker: null, actor: null, quoted: false });

/**
 * One reported part of the text (`report.voices`). Everything outside these segments is the author's.
 * Segments nest ("the minister said rebels claimed that ..."): `parent` is the index of the segment
 * that reports this one, and the innermost segment gives a word its voice.
 */
export interface VoiceSegment extends SpanRef {
  index: number;
  speaker: string | null;
  actor: string | null;
  quoted: boolean;
  mode: VoiceMode;
  /** The words that name the speaker ("the Tarvian foreign minister, Ilse Varga"), when written. */
  speakerSpan: SpanRef | null;
  /** The reporting words ("said", "according to", "accused"), when there are any. */
  cue: SpanRef | null;
  stance: Stance | null;
  /** The words that show the author's stance ("Such claims are baseless", "falsely"). */
  stanceCue: SpanRef | null;
  denied: boolean;
  parent: number | null;
}

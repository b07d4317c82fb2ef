import { z } from 'zod';

/**
 * The narrative pack file format (YAML or JSON): a taxonomy of narratives and sub-narratives with
 * the evidence that signals each. docs/narratives.md teaches it with a worked example.
 */

const Id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lowercase kebab-case (a-z, 0-9, -)');
const Text = z.string().trim().min(1, 'must not be empty');

/** Roles an entity-role pattern may ask for: the actors layer's portrayal roles, with the framing vocabulary as aliases. */
export const ROLE_NAMES = ['aggressor', 'victim', 'authority', 'antagonist', 'innocent', 'protagonist'] as const;

const Role = z
  .object({
    /** The role the text casts the actor in. */
    role: z.enum(ROLE_NAMES),
    /** Which actor: `any`, `name` (an actor the pack does not name as a party) or `party:<id>`. */
    actor: z.string().regex(/^(any|name|party:[a-z0-9][a-z0-9-]*)$/, 'expected any, name or party:<id>').default('any'),
  })
  .strict();

const evidence = {
  /** Cue phrases: a word or phrase a line; `word*` matches any ending; `@set` adds a term set's terms. */
  cues: z.array(Text).default([]),
  /**
   * Term sets that signal together: each entry lists two or more groups (words separated by `|`,
   * `word*`, `@set`), and fires when one sentence has a word of every group.
   */
  terms: z.array(z.array(Text).min(2, 'a term set needs at least two groups (use cues for single terms)')).default([]),
  /** Claim shapes: token patterns with slots, e.g. "<actor> is|are the victim*" or "<party:west> is behind ...". */
  claims: z.array(Text).default([]),
  /** Entity-role patterns: the text casts an actor in a role ("casts <party> as victim"). */
  roles: z.array(Role).default([]),
  /** Sentences the pack's author wrote that carry this narrative (training data for the model). */
  examples: z.array(Text).default([]),
};

const Sub = z
  .object({
    id: Id,
    title: Text,
    /** The taxonomy's label string; default: the narrative's label, ": ", this title. */
    label: Text.optional(),
    description: Text,
    ...evidence,
  })
  .strict();

const Narrative = z
  .object({
    id: Id,
    title: Text,
    /** The taxonomy's label string; default: the pack's labelPrefix followed by the title. */
    label: Text.optional(),
    description: Text,
    ...evidence,
    subnarratives: z.array(Sub).default([]),
  })
  .strict();

export const PackFile = z
  .object({
    $schema: z.string().optional(),
    /** The pack's name (what `--narratives NAME` and reports call it). */
    name: Id,
    title: Text,
    version: z.union([Text, z.number()]).transform(String),
    description: z.string().optional(),
    /** Prefix of every narrative's default label, e.g. "URW: ". */
    labelPrefix: z.string().default(''),
    /**
     * When set, the pack applies only to texts that mention its topic: at least `min` hits of
     * `terms`, and, with `wordsPerHit`, at least one hit per that many words (a long article that
     * names the topic once in passing is not about it).
     */
    scope: z
      .object({ terms: z.array(Text).min(1), min: z.number().int().min(1).default(2), wordsPerHit: z.number().int().min(1).optional() })
      .strict()
      .optional(),
    /**
     * Parties the pack tells apart, with their names: the model sees `<party:id>` for them and one
     * placeholder for every other name, so that a pack without parties is blind to who is named.
     */
    parties: z.record(Id, z.array(Text).min(1)).default({}),
    /** Named term lists that cues, term sets and claim shapes refer to as `@name`. */
    termSets: z.record(Id, z.array(Text).min(1)).default({}),
    /** Sentences that carry none of the pack's narratives (the model's counter-examples). */
    background: z.array(Text).default([]),
    /**
     * The share of the documents this pack will read that carry none of its narratives ("Other"),
     * when it is known and differs from the training documents': the choice thresholds are fitted
     * with the training documents weighted to it. Unset: the training documents' own share.
     */
    otherShare: z.number().gt(0).lt(1).optional(),
    /**
     * Evidence rules for long texts (support.ts): one-word cues count only where their sentence
     * corroborates them, and a text of 15+ sentences needs two leaning sentences or a corroborated
     * cue. Off unless set: they raised CV for some packs and lowered it for others.
     */
    evidenceRules: z.boolean().optional(),
    narratives: z.array(Narrative).min(1, 'a pack needs at least one narrative'),
  })
  .strict();

export type PackFile = z.infer<typeof PackFile>;
export type NarrativeSpec = z.infer<typeof Narrative>;
export type SubSpec = z.infer<typeof Sub>;
export type RoleSpec = z.infer<typeof Role>;

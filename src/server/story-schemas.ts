import { z } from 'zod';

/**
 * Request and response shapes of the story routes (GET /api/stories...), for validation and the
 * OpenAPI document. Shapes follow src/core/stories.ts.
 */

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'expected an ISO date (YYYY-MM-DD or date-time)');

export const StoryFilterQuery = z.object({
  from: date.optional().meta({ description: 'Stories whose latest version is dated on or after this' }),
  to: date.optional().meta({ description: 'Stories whose first version is dated on or before this' }),
  q: z.string().min(1).optional().meta({ description: 'Case-insensitive substring of the story title' }),
  document: z.coerce.number().int().positive().optional().meta({ description: 'The story that holds this document id' }),
  tagPrefix: z.string().min(1).max(100).optional().meta({ description: "Tags with this prefix name a document's group (default camp:); without one, its outlet does" }),
});

export const ListStoriesQuery = StoryFilterQuery.extend({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).default(0),
}).strict();

export const BlindSpotsQuery = StoryFilterQuery.strict();

export const StoryParams = z.object({ id: z.coerce.number({ error: 'expected a story id' }).int().positive() });

const FactRefSchema = z.object({ fact: z.string(), text: z.string() });

const EvidenceSchema = z.object({
  documentId: z.number().int(),
  outlet: z.string().nullable(),
  group: z.string(),
  start: z.number().int(),
  end: z.number().int(),
  text: z.string(),
});

const OmissionSchema = FactRefSchema.extend({
  carriedBy: z.number().int().meta({ description: 'Other versions that carry the fact' }),
  others: z.number().int(),
  evidence: z.array(EvidenceSchema).meta({ description: 'The sentences that carry the fact in the other versions' }),
}).meta({ id: 'Omission' });

const FactCellSchema = z.object({
  documentId: z.number().int(),
  status: z.enum(['present', 'changed', 'absent']),
  start: z.number().int().optional(),
  end: z.number().int().optional(),
  text: z.string().optional(),
  numbers: z.array(z.string()).optional(),
});

export const StoryFactSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['claim', 'quote', 'statement']),
    text: z.string(),
    numbers: z.array(z.string()),
    speaker: z.string().nullable(),
    sources: z.array(z.string()),
    actors: z.array(z.string()),
    carriedBy: z.number().int(),
    groups: z.array(z.string()),
    cells: z.array(FactCellSchema).meta({ description: 'One per version, in the order of documents' }),
  })
  .meta({ id: 'StoryFact', description: 'A fact: near-duplicate units of content across versions, and where each version carries it (present, changed number, absent).' });

const StoryVersionSchema = z
  .object({
    id: z.number().int(),
    title: z.string().nullable(),
    outlet: z.string().nullable(),
    group: z.string(),
    publishedAt: z.string().nullable(),
    url: z.string().nullable(),
    analysed: z.boolean(),
    headline: z.object({ text: z.string(), supported: z.boolean(), reason: z.string().nullable() }).nullable(),
    shares: z.array(FactRefSchema),
    only: z.array(FactRefSchema),
    omits: z.array(OmissionSchema),
    changed: z.array(FactRefSchema),
    sources: z.array(z.string()),
    roles: z.array(z.object({ actor: z.string(), name: z.string(), role: z.string() })).optional().meta({ description: 'Entity framing roles, when the analysis has them' }),
    narratives: z.array(z.object({ id: z.string(), label: z.string() })).optional().meta({ description: 'Chosen narratives, when the analysis has them' }),
  })
  .meta({ id: 'StoryVersion' });

const FactRefList = z.array(FactRefSchema);

export const StorySchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    firstAt: z.string().nullable(),
    lastAt: z.string().nullable(),
    groups: z.array(z.object({ group: z.string(), documents: z.number().int() })),
    documents: z.array(StoryVersionSchema),
    facts: z.array(StoryFactSchema),
    blindSpots: z.array(z.object({ group: z.string(), facts: FactRefList })),
  })
  .meta({ id: 'Story', description: 'Stored documents about one event, version by version: the facts each carries, shares, carries alone and leaves out.' });

export const StoryList = z.object({ total: z.number().int(), limit: z.number().int(), offset: z.number().int(), items: z.array(StorySchema) });

export const BlindSpotsSchema = z
  .object({
    stories: z.number().int(),
    groups: z.array(
      z.object({
        group: z.string(),
        stories: z.number().int(),
        facts: z.array(FactRefSchema.extend({ storyId: z.number().int(), storyTitle: z.string(), carriedBy: z.number().int(), others: z.number().int() })),
      }),
    ),
  })
  .meta({ id: 'BlindSpots', description: 'Per group, across stories: facts most other versions carry that every version of the group leaves out.' });

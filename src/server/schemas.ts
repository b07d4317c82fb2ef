import { z } from 'zod';
import { CATEGORIES, TECHNIQUE_IDS, type TechniqueId } from '../core/taxonomy.js';
import { illFormedReason } from '../text/unicode.js';

/**
 * Request and response shapes of the HTTP API. Requests are validated with these schemas; the OpenAPI
 * document is generated from the same schemas, so the two cannot drift apart.
 */

const techniqueId = z.enum(TECHNIQUE_IDS as [TechniqueId, ...TechniqueId[]]);

/** A string that is well-formed Unicode (no lone surrogates: they could not be stored as sent); 422 otherwise. */
const wellFormed = <S extends z.ZodString>(s: S) => s.superRefine((v, ctx) => {
  const bad = illFormedReason(v);
  if (bad) ctx.addIssue({ code: 'custom', message: bad, params: { status: 422 } });
});

/**
 * A whole number written in decimal digits only, from a query string or JSON: `limit=0x10`,
 * `1e1`, ` 5` or `5.0` are refused (z.coerce.number would read them all).
 */
const decimal = (min: number, max: number) =>
  z
    .union([z.int(), z.string().regex(/^\d{1,15}$/, 'expected a whole number in decimal digits').transform(Number)], { error: 'expected a whole number in decimal digits' })
    .pipe(z.int().min(min, `expected a number from ${min}${Number.isFinite(max) ? ` to ${max}` : ' up'}`).max(max, `expected a number from ${min} to ${max}`));

/** YYYY-MM-DD or an ISO date-time that is a real date (2024-02-30 is not). */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/, 'expected an ISO date (YYYY-MM-DD or date-time)')
  .refine((v) => {
    const d = new Date(v.slice(0, 10) + 'T00:00:00Z');
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v.slice(0, 10);
  }, 'expected a real calendar date');
const categoryId = z.enum(CATEGORIES);

/** `techniques` may be an array or a comma-separated string (query strings). */
const techniqueList = z
  .union([z.array(techniqueId), z.string().transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))])
  .pipe(z.array(techniqueId))
  .meta({ description: 'Only these technique ids (array or comma-separated)' });

export const AnalyzeOptions = z.object({
  techniques: techniqueList.optional(),
  minConfidence: z
    .union([z.number(), z.string().regex(/^(0(\.\d+)?|1(\.0+)?|\.\d+)$/, 'expected a number from 0 to 1').transform(Number)])
    .pipe(z.number().min(0).max(1))
    .optional()
    .meta({ description: 'Drop findings below this confidence (0..1)' }),
});

export const AnalyzeBody = z
  .object({
    text: wellFormed(z.string({ error: 'expected a string' }).min(1, 'expected a non-empty string')),
  })
  .extend(AnalyzeOptions.shape)
  .strict();

const nullableString = (max: number) => wellFormed(z.string().max(max)).nullable().optional();

export const DocumentMeta = z.object({
  title: nullableString(1000),
  outlet: nullableString(200),
  author: nullableString(200),
  publishedAt: isoDate.nullable().optional(),
  url: z.url({ error: 'expected a URL' }).max(2000).nullable().optional(),
  language: nullableString(20),
  tags: z.array(wellFormed(z.string().min(1).max(100))).max(50).optional(),
});

export const CreateDocumentBody = z
  .object({ text: wellFormed(z.string({ error: 'expected a string' }).min(1, 'expected a non-empty string')) })
  .extend(DocumentMeta.shape)
  .strict();

/** PATCH /api/documents/:id: the metadata fields to change (null clears one; the text never changes). */
export const UpdateDocumentBody = DocumentMeta.strict().refine((b) => Object.keys(b).length > 0, { message: 'give at least one field to change (title, outlet, author, publishedAt, url, language, tags)' });

const filterString = wellFormed(z.string().min(1).max(1000));

export const DocumentFilterQuery = z.object({
  outlet: filterString.optional(),
  tag: filterString.optional(),
  author: filterString.optional(),
  q: filterString.optional().meta({ description: 'Case-insensitive substring of title or text' }),
  from: isoDate.optional().meta({ description: 'Published on or after (ISO date)' }),
  to: isoDate.optional().meta({ description: 'Published on or before (ISO date)' }),
});

export const ListDocumentsQuery = DocumentFilterQuery.extend({
  limit: decimal(1, 200).default(20),
  offset: decimal(0, 1e12).default(0),
}).strict();

const documentId = decimal(1, Number.MAX_SAFE_INTEGER);

export const IdParams = z.object({ id: documentId.meta({ description: 'Document id' }) });

export const CompareQuery = DocumentFilterQuery.extend({
  by: z.enum(['outlet', 'tag', 'author']).default('outlet'),
  tagPrefix: z.string().min(1).optional().meta({ description: 'With by=tag: only tags with this prefix form groups (e.g. camp:)' }),
  a: documentId.optional().meta({ description: 'First document id (two-document mode)' }),
  b: documentId.optional().meta({ description: 'Second document id (two-document mode)' }),
  minConfidence: AnalyzeOptions.shape.minConfidence.meta({ description: 'Groups: count only findings with at least this confidence (0..1)' }),
})
  .strict()
  .refine((q) => (q.a === undefined) === (q.b === undefined), { message: 'give both a and b, or neither', path: ['b'] });

/** POST /api/analyses: analyse stored documents that lack an analysis for the server's engine. */
export const AnalyseMissingBody = DocumentFilterQuery.extend({
  ids: z.array(documentId).max(1000).optional().meta({ description: 'Only these documents' }),
  limit: decimal(1, 500).default(50).meta({ description: 'Analyse at most this many in this call (1..500, default 50); call again while `remaining` > 0' }),
}).strict();

export const CompareLayersQuery = DocumentFilterQuery.extend({
  by: z.enum(['outlet', 'tag', 'author']).default('outlet'),
  tagPrefix: z.string().min(1).optional().meta({ description: 'With by=tag: only tags with this prefix form groups (e.g. camp:)' }),
}).strict();

export const CompareActorsQuery = DocumentFilterQuery.extend({
  by: z.enum(['outlet', 'tag', 'author']).default('outlet'),
  tagPrefix: z.string().min(1).optional().meta({ description: 'With by=tag: only tags with this prefix form groups (e.g. camp:)' }),
  actors: z.coerce.number().int().min(1).max(100).default(20).meta({ description: 'Actors listed, most documents first' }),
  minDocuments: z.coerce.number().int().min(1).default(3).meta({ description: 'Leave out actors mentioned in fewer documents' }),
}).strict();

// ---- Responses (documentation only: the server does not validate its own output) ----

const Span = z.object({ start: z.int(), end: z.int(), text: z.string() });

export const FindingSchema = z
  .object({
    id: z.string(),
    technique: techniqueId,
    category: categoryId,
    start: z.int().meta({ description: 'UTF-16 offset into the original text' }),
    end: z.int(),
    line: z.int(),
    column: z.int(),
    text: z.string(),
    confidence: z.number().min(0).max(1),
    ruleId: z.string(),
    source: z.enum(['lexicon', 'pattern', 'code', 'model']),
    message: z.string(),
    evidence: z.array(z.object({ label: z.string(), text: z.string(), start: z.int().optional(), end: z.int().optional() })).optional(),
  })
  .meta({ id: 'Finding' });

export const ReportSchema = z
  .looseObject({
    engine: z.object({ name: z.literal('framewise'), version: z.string(), rules: z.string(), model: z.string().nullable() }),
    length: z.int(),
    words: z.int(),
    sentences: z.int(),
    paragraphs: z.int(),
    headline: Span.nullable(),
    findings: z.array(FindingSchema),
    counts: z.object({ total: z.int(), byTechnique: z.record(z.string(), z.int()), byCategory: z.record(z.string(), z.int()) }),
    ratePer1000Words: z.number(),
    quotes: z.array(Span.extend({ open: z.boolean() })),
    errors: z.array(z.object({ detector: z.string(), message: z.string() })),
    frames: z.looseObject({}).optional().meta({ description: 'Frame scores, dominant frames and their cues and sentences, per paragraph and document' }),
    intensity: z.looseObject({}).optional().meta({ description: 'Discourse intensity 0..100 with band, per sentence and document, with contributions' }),
    sourcing: z.looseObject({}).optional().meta({ description: 'Sourcing class of every sentence with counts and shares' }),
    quotations: z.array(z.looseObject({})).optional().meta({ description: 'Direct quotations with speaker and attribution verb' }),
    claims: z.array(z.looseObject({})).optional().meta({ description: 'Check-worthy claims with type, source and hedging; accusations with their parties' }),
    voices: z.array(z.looseObject({})).optional().meta({ description: 'The reported parts of the text (quotes, indirect speech, accusations, headlines of others) with speaker and the author\'s stance; the rest is the author\'s' }),
    actors: z.array(z.looseObject({})).optional().meta({ description: 'Actors with mentions (each with its role), techniques, loaded terms, the words they speak, and their framing (role, scores, archetypes, by voice, evidence)' }),
  })
  .meta({ id: 'Report', description: 'The analysis of one document. Report layers (sourcing, claims, actors, frames, intensity) add further sections.' });

export const StoredDocumentSchema = z
  .object({
    id: z.int(),
    hash: z.string(),
    title: z.string().nullable(),
    outlet: z.string().nullable(),
    author: z.string().nullable(),
    publishedAt: z.string().nullable(),
    url: z.string().nullable(),
    language: z.string().nullable(),
    origin: z.string().nullable(),
    tags: z.array(z.string()),
    text: z.string(),
    words: z.int(),
    createdAt: z.string(),
  })
  .meta({ id: 'Document' });

export const DocumentSummarySchema = StoredDocumentSchema.omit({ text: true }).extend({ analysed: z.boolean() }).meta({ id: 'DocumentSummary' });

export const DocumentWithReport = z.object({
  document: StoredDocumentSchema,
  report: ReportSchema.nullable().meta({ description: 'null when the document has no analysis for the server engine yet (POST /api/analyses makes it)' }),
  engineKey: z.string(),
});
export const UpdatedDocument = z.object({ document: StoredDocumentSchema });
export const AnalysedMissing = z.object({
  engineKey: z.string(),
  analysed: z.int(),
  failed: z.array(z.object({ id: z.int(), message: z.string() })),
  remaining: z.int().meta({ description: 'Documents matching the filter still without analysis, beyond this call' }),
});
export const CreatedDocument = z.object({ id: z.int(), created: z.boolean(), document: StoredDocumentSchema, report: ReportSchema });
export const DocumentList = z.object({ total: z.int(), limit: z.int(), offset: z.int(), items: z.array(DocumentSummarySchema) });
export const Health = z.object({
  status: z.literal('ok'),
  version: z.string(),
  store: z.enum(['sqlite', 'postgres']),
  documents: z.int(),
  engine: z.string(),
});
export const ErrorSchema = z
  .object({
    error: z.object({
      status: z.int(),
      message: z.string().meta({ description: 'What went wrong and where' }),
      field: z.string().optional().meta({ description: 'The request field at fault, e.g. body.text' }),
    }),
  })
  .meta({ id: 'Error' });

const Counts = { words: z.int(), findings: z.int(), ratePer1000Words: z.number() };

export const CompareResultSchema = z
  .looseObject({
    by: z.enum(['outlet', 'tag', 'author']),
    where: z.looseObject({}),
    engineKey: z.string(),
    alpha: z.number(),
    method: z.string().meta({ description: 'The statistical test, in words' }),
    totals: z.object({ documents: z.int(), ...Counts }),
    notAnalysed: z.int().meta({ description: 'Matching documents without an analysis for the server engine (not counted; POST /api/analyses makes them)' }),
    groups: z.array(
      z.looseObject({
        key: z.string(),
        documents: z.int(),
        ...Counts,
        categoryMix: z.array(z.object({ category: categoryId, count: z.int(), share: z.number() })),
        techniques: z.array(z.looseObject({ technique: techniqueId, count: z.int(), ratePer1000Words: z.number(), rateRatio: z.number().nullable(), qValue: z.number(), significant: z.boolean() })),
        significant: z.array(z.looseObject({ technique: techniqueId })),
      }),
    ),
  })
  .meta({ id: 'Comparison', description: 'Per group: documents, words, technique rates, category mix, top techniques with example spans, and significance tests against the rest of the corpus.' });

const Side = z.object({ id: z.int().nullable(), title: z.string().nullable(), outlet: z.string().nullable(), ...Counts });
const Phrase = z.object({ phrase: z.string(), a: z.int(), b: z.int() });

export const DocumentComparisonSchema = z
  .looseObject({
    a: Side,
    b: Side,
    techniques: z.array(z.object({ technique: techniqueId, category: categoryId, a: z.int(), b: z.int() })),
    categories: z.array(z.object({ category: categoryId, a: z.int(), b: z.int() })),
    phrases: z.object({ shared: z.array(Phrase), onlyA: z.array(Phrase), onlyB: z.array(Phrase) }),
  })
  .meta({ id: 'DocumentComparison', description: 'Two documents side by side: techniques, categories, shared and distinct key phrases.' });

export const LayerComparisonSchema = z
  .looseObject({
    by: z.enum(['outlet', 'tag', 'author']),
    engineKey: z.string(),
    groups: z.array(
      z.looseObject({
        key: z.string(),
        documents: z.int(),
        frames: z.looseObject({ mix: z.record(z.string(), z.number()) }).meta({ description: 'Mean frame shares, dominant and present counts' }),
        intensity: z.looseObject({ mean: z.number(), bands: z.record(z.string(), z.int()) }).meta({ description: 'Intensity distribution: mean, median, p90, bands, histogram, contributions' }),
        sourcing: z.looseObject({ shares: z.record(z.string(), z.number()), weakShare: z.number() }).meta({ description: 'Sourcing classes pooled over the group, quotations and claims' }),
        actors: z.array(z.looseObject({ id: z.string(), name: z.string(), dominantRole: z.string() })).meta({ description: 'How the most mentioned actors are cast (documents per role, dominant role, archetypes)' }),
      }),
    ),
  })
  .extend({ notAnalysed: z.int().meta({ description: 'Matching documents without an analysis for the server engine (not counted)' }) })
  .meta({ id: 'LayerComparison', description: 'Per group: frame mix, intensity distribution, sourcing shares and actor framing.' });

const RoleShareSchema = z.object({
  documents: z.int(), share: z.number(), ci: z.tuple([z.number(), z.number()]), restShare: z.number(), p: z.number(), q: z.number(), significant: z.boolean(),
});
export const ActorComparisonSchema = z
  .looseObject({
    by: z.enum(['outlet', 'tag', 'author']),
    engineKey: z.string(),
    alpha: z.number(),
    groups: z.array(z.string()),
    actors: z.array(z.object({
      id: z.string(), name: z.string(), type: z.string(), documents: z.int(),
      groups: z.array(z.object({ key: z.string(), documents: z.int(), roles: z.record(z.enum(['protagonist', 'antagonist', 'innocent', 'unframed']), RoleShareSchema) })),
    })),
    notAnalysed: z.int().meta({ description: 'Matching documents without an analysis for the server engine (not counted)' }),
  })
  .meta({ id: 'ActorComparison', description: 'Per actor and group: share of documents casting the actor in each role, with Fisher\'s exact test against the rest (Benjamini-Hochberg).' });

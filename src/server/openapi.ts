import { z } from 'zod';
import { VERSION } from '../version.js';
import * as S from './schemas.js';
import * as N from './narrative-schemas.js';
import * as Stories from './story-schemas.js';

/**
 * The OpenAPI 3.1 document of the API, generated from the same zod schemas that validate requests.
 * Named schemas (`.meta({ id })`) become components; everything else is inlined.
 */

interface Operation {
  method: 'get' | 'post' | 'patch' | 'delete';
  path: string;
  summary: string;
  write?: boolean;
  params?: z.ZodObject;
  query?: z.ZodType;
  body?: z.ZodType;
  /** Extra request content types besides application/json. */
  textBody?: boolean;
  responses: Record<number, { description: string; schema?: z.ZodType }>;
}

const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [c, { description: ERROR_TEXT[c] ?? 'Error', schema: S.ErrorSchema }]));
const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid request: the message names the field',
  401: 'Missing or invalid bearer token (only when FRAMEWISE_TOKEN is set)',
  403: 'Host or Origin not allowed (DNS rebinding and cross-site writes are refused)',
  404: 'Not found',
  405: 'Method not allowed on this path (the Allow header lists the methods)',
  409: 'A document has no analysis for the server engine yet (POST /api/analyses makes it)',
  413: 'Request body or text over the size limit',
  422: 'Text not well-formed Unicode, or its analysis went over the time or memory limit',
  503: 'Too many analyses waiting; retry after the Retry-After seconds',
};

export const operations: Operation[] = [
  {
    method: 'post', path: '/api/analyze', summary: 'Analyse a text (not stored)', body: S.AnalyzeBody, textBody: true,
    query: S.AnalyzeOptions,
    responses: { 200: { description: 'The report', schema: S.ReportSchema }, ...errors(400, 413, 422, 503) },
  },
  {
    method: 'post', path: '/api/documents', summary: 'Store a document with metadata and analyse it', write: true, body: S.CreateDocumentBody,
    responses: {
      201: { description: 'Created', schema: S.CreatedDocument },
      200: { description: 'Identical text already stored (deduplicated by hash)', schema: S.CreatedDocument },
      ...errors(400, 401, 413, 422, 503),
    },
  },
  {
    method: 'get', path: '/api/documents', summary: 'List documents with filters and paging', query: S.ListDocumentsQuery,
    responses: { 200: { description: 'A page of documents', schema: S.DocumentList }, ...errors(400) },
  },
  {
    method: 'get', path: '/api/documents/{id}', summary: 'A document with its stored report (null when it has none for the server engine yet)', params: S.IdParams,
    responses: { 200: { description: 'The document and its report', schema: S.DocumentWithReport }, ...errors(400, 404) },
  },
  {
    method: 'patch', path: '/api/documents/{id}', summary: 'Correct a document\'s metadata (the text never changes)', write: true, params: S.IdParams, body: S.UpdateDocumentBody,
    responses: { 200: { description: 'The updated document', schema: S.UpdatedDocument }, ...errors(400, 401, 404, 422) },
  },
  {
    method: 'post', path: '/api/analyses', summary: 'Analyse stored documents that have no analysis for the server engine (at most `limit` per call)', write: true, body: S.AnalyseMissingBody,
    responses: { 200: { description: 'What was analysed, what failed, and how many remain', schema: S.AnalysedMissing }, ...errors(400, 401, 503) },
  },
  {
    method: 'delete', path: '/api/documents/{id}', summary: 'Delete a document and its analyses', write: true, params: S.IdParams,
    responses: { 204: { description: 'Deleted' }, ...errors(400, 401, 404) },
  },
  {
    method: 'get', path: '/api/compare', summary: 'Compare groups of documents (by outlet, tag or author), or two documents (a, b)', query: S.CompareQuery,
    responses: { 200: { description: 'Group comparison, or two-document comparison when a and b are given', schema: z.union([S.CompareResultSchema, S.DocumentComparisonSchema]) }, ...errors(400, 404, 409) },
  },
  {
    method: 'get', path: '/api/compare/layers', summary: 'Frame mix, intensity distribution, sourcing and actor framing per group', query: S.CompareLayersQuery,
    responses: { 200: { description: 'Layer comparison', schema: S.LayerComparisonSchema }, ...errors(400) },
  },
  {
    method: 'get', path: '/api/compare/narratives', summary: 'Share of documents carrying each narrative per group (outlet, tag, author), with significance', query: N.CompareNarrativesQuery,
    responses: { 200: { description: 'Narrative comparison', schema: N.NarrativeComparisonSchema }, ...errors(400) },
  },
  {
    method: 'get', path: '/api/compare/periods', summary: 'Technique rates, narratives, intensity, actor roles and frames per month, week or day (undated documents apart)', query: N.ComparePeriodsQuery,
    responses: { 200: { description: 'Measures per period', schema: N.PeriodSeriesSchema }, ...errors(400) },
  },
  {
    method: 'get', path: '/api/narratives/packs', summary: 'The narrative packs the server loads, with their narratives and sub-narratives',
    responses: { 200: { description: 'Packs', schema: N.NarrativePacksSchema } },
  },
  {
    method: 'get', path: '/api/compare/actors', summary: 'How each group casts each actor: share of documents per role, with significance', query: S.CompareActorsQuery,
    responses: { 200: { description: 'Actor comparison', schema: S.ActorComparisonSchema }, ...errors(400) },
  },
  {
    method: 'get', path: '/api/stories', summary: 'Stories: stored documents about one event, newest first, each version with the facts it shares, carries alone and leaves out', query: Stories.ListStoriesQuery,
    responses: { 200: { description: 'A page of stories', schema: Stories.StoryList }, ...errors(400) },
  },
  {
    method: 'get', path: '/api/stories/blind-spots', summary: 'Per group, across stories: facts most other versions carry that every version of the group leaves out', query: Stories.BlindSpotsQuery,
    responses: { 200: { description: 'Blind spots by group', schema: Stories.BlindSpotsSchema }, ...errors(400) },
  },
  {
    method: 'get', path: '/api/stories/{id}', summary: 'One story with its versions, facts and omissions', params: Stories.StoryParams,
    query: Stories.StoryFilterQuery.pick({ tagPrefix: true }),
    responses: { 200: { description: 'The story', schema: Stories.StorySchema }, ...errors(400, 404) },
  },
  {
    method: 'get', path: '/api/health', summary: 'Liveness and store status',
    responses: { 200: { description: 'OK', schema: S.Health } },
  },
  {
    method: 'get', path: '/api/openapi.json', summary: 'This document',
    responses: { 200: { description: 'OpenAPI 3.1 document' } },
  },
];

type Json = Record<string, unknown>;

export function buildOpenApi(): Json {
  const components: Record<string, unknown> = {};
  const schema = (s: z.ZodType, io: 'input' | 'output'): Json => {
    const { $schema: _, $defs, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'draft-2020-12' }) as Json;
    for (const [k, v] of Object.entries(($defs as Json | undefined) ?? {})) components[k] ??= relink(v);
    return relink(rest) as Json;
  };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const op of operations) {
    const parameters: unknown[] = [];
    const addParams = (s: z.ZodType, where: 'path' | 'query') => {
      const js = schema(s, 'input');
      const props = (js.properties ?? {}) as Record<string, Json>;
      const required = new Set((js.required as string[] | undefined) ?? []);
      for (const [name, p] of Object.entries(props)) {
        const { description, ...rest } = p;
        parameters.push({ name, in: where, required: where === 'path' || (required.has(name) && !('default' in p)), ...(description ? { description } : {}), schema: rest });
      }
    };
    if (op.params) addParams(op.params, 'path');
    if (op.query) addParams(op.query, 'query');
    const content: Json = {};
    if (op.body) content['application/json'] = { schema: schema(op.body, 'input') };
    if (op.textBody) content['text/plain'] = { schema: { type: 'string', description: 'The text; options go in the query' } };
    paths[op.path] ??= {};
    paths[op.path]![op.method] = {
      summary: op.summary,
      operationId: `${op.method}${op.path.replace(/\/api|[{}.]/g, '').replace(/\/(\w)/g, (_, c: string) => c.toUpperCase())}`,
      ...(parameters.length ? { parameters } : {}),
      ...(op.body ? { requestBody: { required: true, content } } : {}),
      ...(op.write ? { security: [{ bearer: [] }] } : {}),
      responses: Object.fromEntries(
        Object.entries(op.responses).map(([code, r]) => [
          code,
          { description: r.description, ...(r.schema ? { content: { 'application/json': { schema: schema(r.schema, 'output') } } } : {}) },
        ]),
      ),
    };
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'framewise API',
      version: VERSION,
      description:
        'Find persuasion techniques in news text, store a corpus and compare outlets. Offsets are UTF-16 indices into the original text. ' +
        'When the server runs with FRAMEWISE_TOKEN, writes (POST, PATCH, DELETE) need `Authorization: Bearer <token>`; reads never write and never analyse. ' +
        'Limits, headers and Host checks: docs/deployment.md, "What the server promises".',
    },
    paths,
    components: { schemas: components, securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
  };
}

/** zod puts named schemas under `$defs`; OpenAPI keeps them under components. */
function relink(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(relink);
  if (v && typeof v === 'object') {
    const out: Json = {};
    for (const [k, x] of Object.entries(v)) out[k] = k === '$ref' && typeof x === 'string' ? x.replace('#/$defs/', '#/components/schemas/') : relink(x);
    return out;
  }
  return v;
}

/**
 * The model artefact: one gzip file holding a JSON header and typed arrays. Float weights are
 * quantised to 16-bit integers with one scale per tensor; the lexicon table is stored as word hashes,
 * so the file carries numbers only (no text from the training data).
 *
 * Layout (before gzip): "FWM1", u32 header length, header JSON (UTF-8), then each tensor's bytes at
 * the 8-byte aligned offset the header names.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../core/errors.js';
import { isPtcLabel, type PtcLabel } from '../core/taxonomy.js';
import { lexiconTableArrays, lexiconTableFromArrays } from './lexicon-table.js';
import type { Model, ModelSettings, Platt } from './model.js';

export const ARTEFACT_FORMAT = 1;
const MAGIC = 0x314d5746; // "FWM1" little-endian

type DType = 'q16' | 'f32' | 'u32' | 'i8';

interface TensorInfo {
  name: string;
  dtype: DType;
  length: number;
  offset: number;
  /** q16 only: value = int16 * scale. */
  scale?: number;
}

export interface ArtefactHeader {
  format: number;
  version: string;
  labels: PtcLabel[];
  settings: ModelSettings;
  calibration: Platt;
  table: { lists: string[]; prefixLengths: number[]; maxWords: number };
  tagger: { labels: number; buckets: number };
  sentence: { buckets: number } | null;
  classifier: { classes: number; buckets: number };
  /** Free-form training facts (data, config, cross-validation scores) for the model card. */
  meta: Record<string, unknown>;
  tensors: TensorInfo[];
}

function quantise(a: Float32Array): { data: Int16Array; scale: number } {
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]!));
  const scale = max > 0 ? max / 32767 : 1;
  const data = new Int16Array(a.length);
  for (let i = 0; i < a.length; i++) data[i] = Math.round(a[i]! / scale);
  return { data, scale };
}

/** Serialises a model; the same model always gives the same bytes. */
export function encodeModel(model: Model, meta: Record<string, unknown> = {}): Buffer {
  const arrays = lexiconTableArrays(model.table);
  const parts: Array<{ info: Omit<TensorInfo, 'offset'>; bytes: Uint8Array }> = [];
  const add = (name: string, dtype: DType, arr: ArrayBufferView & { length: number }, scale?: number) =>
    parts.push({ info: { name, dtype, length: arr.length, ...(scale !== undefined ? { scale } : {}) }, bytes: new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength) });
  const em = quantise(model.tagger.emission);
  add('tagger.emission', 'q16', em.data, em.scale);
  add('tagger.transition', 'f32', model.tagger.transition);
  if (model.sentence) {
    const sw = quantise(model.sentence.w);
    add('sentence.w', 'q16', sw.data, sw.scale);
  }
  const cw = quantise(model.classifier.w);
  add('classifier.w', 'q16', cw.data, cw.scale);
  add('table.hashes', 'u32', arrays.hashes);
  add('table.valence', 'i8', arrays.valence);
  add('table.mask', 'u32', arrays.mask);
  let offset = 0;
  const tensors: TensorInfo[] = parts.map((p) => {
    const info = { ...p.info, offset };
    offset += Math.ceil(p.bytes.byteLength / 8) * 8;
    return info;
  });
  const header: ArtefactHeader = {
    format: ARTEFACT_FORMAT,
    version: model.version,
    labels: [...model.labels],
    settings: model.settings,
    calibration: model.calibration,
    table: { lists: model.table.lists, prefixLengths: model.table.prefixLengths, maxWords: model.table.maxWords },
    tagger: { labels: model.tagger.labels, buckets: model.tagger.buckets },
    sentence: model.sentence ? { buckets: model.sentence.buckets } : null,
    classifier: { classes: model.classifier.classes, buckets: model.classifier.buckets },
    meta,
    tensors,
  };
  const headerBytes = Buffer.from(JSON.stringify(header), 'utf8');
  const start = Math.ceil((8 + headerBytes.length) / 8) * 8;
  const raw = Buffer.alloc(start + offset);
  raw.writeUInt32LE(MAGIC, 0);
  raw.writeUInt32LE(headerBytes.length, 4);
  headerBytes.copy(raw, 8);
  parts.forEach((p, i) => raw.set(p.bytes, start + tensors[i]!.offset));
  return gzipSync(raw, { level: 9 });
}

export interface DecodedModel {
  model: Model;
  header: ArtefactHeader;
}

export function decodeModel(gz: Uint8Array, file = 'model'): DecodedModel {
  let raw: Buffer;
  try {
    raw = gunzipSync(gz);
  } catch {
    throw new UserError(`${file}: not a framewise model (not gzip)`, { file });
  }
  if (raw.length < 8 || raw.readUInt32LE(0) !== MAGIC) throw new UserError(`${file}: not a framewise model (bad magic)`, { file });
  const hlen = raw.readUInt32LE(4);
  let header: ArtefactHeader;
  try {
    header = JSON.parse(raw.subarray(8, 8 + hlen).toString('utf8')) as ArtefactHeader;
  } catch {
    throw new UserError(`${file}: model header is not valid JSON`, { file });
  }
  if (header.format !== ARTEFACT_FORMAT) throw new UserError(`${file}: model format ${header.format}, this framewise reads format ${ARTEFACT_FORMAT}`, { file });
  for (const l of header.labels) if (!isPtcLabel(l)) throw new UserError(`${file}: unknown label "${l}" in model`, { file });
  const start = Math.ceil((8 + hlen) / 8) * 8;
  // Copy into a fresh aligned buffer so typed arrays can view it directly.
  const body = new Uint8Array(raw.length - start);
  body.set(raw.subarray(start));
  const tensor = (name: string): TensorInfo => {
    const t = header.tensors.find((x) => x.name === name);
    if (!t) throw new UserError(`${file}: model lacks tensor "${name}"`, { file });
    const size = { q16: 2, f32: 4, u32: 4, i8: 1 }[t.dtype];
    if (t.offset + t.length * size > body.length) throw new UserError(`${file}: model is truncated (tensor "${name}")`, { file });
    return t;
  };
  const f32 = (name: string): Float32Array => {
    const t = tensor(name);
    if (t.dtype === 'f32') return new Float32Array(body.buffer, t.offset, t.length).slice();
    const q = new Int16Array(body.buffer, t.offset, t.length);
    const out = new Float32Array(t.length);
    const s = t.scale ?? 1;
    for (let i = 0; i < q.length; i++) out[i] = q[i]! * s;
    return out;
  };
  const u32 = (name: string) => new Uint32Array(body.buffer, tensor(name).offset, tensor(name).length);
  const i8 = (name: string) => new Int8Array(body.buffer, tensor(name).offset, tensor(name).length);
  const model: Model = {
    version: header.version,
    labels: header.labels,
    settings: header.settings,
    calibration: header.calibration,
    table: lexiconTableFromArrays(header.table.lists, header.table.prefixLengths, header.table.maxWords, u32('table.hashes'), i8('table.valence'), u32('table.mask')),
    tagger: { labels: header.tagger.labels, buckets: header.tagger.buckets, emission: f32('tagger.emission'), transition: f32('tagger.transition') },
    sentence: header.sentence ? { classes: 2, buckets: header.sentence.buckets, w: f32('sentence.w') } : null,
    classifier: { classes: header.classifier.classes, buckets: header.classifier.buckets, w: f32('classifier.w') },
  };
  if (model.tagger.emission.length !== model.tagger.buckets * model.tagger.labels) throw new UserError(`${file}: tagger weights do not match their declared size`, { file });
  if (model.classifier.w.length !== model.classifier.buckets * model.classifier.classes) throw new UserError(`${file}: classifier weights do not match their declared size`, { file });
  return { model, header };
}

export function saveModel(file: string, model: Model, meta: Record<string, unknown> = {}): number {
  mkdirSync(dirname(file), { recursive: true });
  const bytes = encodeModel(model, meta);
  writeFileSync(file, bytes);
  return bytes.length;
}

export function loadModelFile(file: string): DecodedModel {
  if (!existsSync(file)) throw new UserError(`${file}: model file not found`, { file });
  return decodeModel(readFileSync(file), file);
}

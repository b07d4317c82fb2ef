/**
 * The model artefact: one binary file holding a JSON header and typed arrays. Weights are quantised
 * to 16-bit integers with one scale per tensor and stored sparsely (most hashed buckets are never
 * used): varint gaps between non-zero indices, then the values. A loaded model keeps the integers
 * (no dequantising pass), which keeps loading fast. The lexicon table is stored as word hashes, so the
 * file carries numbers only (no text from the training data).
 *
 * Sparse int16 barely compresses further, and gunzip would dominate load time, so the file is stored
 * as is (a gzipped artefact is read too).
 *
 * Layout: "FWM1", u32 header length, header JSON (UTF-8), then each tensor's bytes at
 * the 8-byte aligned offset the header names.
 */
import { gunzipSync } from 'node:zlib';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '../core/errors.js';
import { isPtcLabel, type PtcLabel } from '../core/taxonomy.js';
import { LOADED_LEVELS, lexiconTableArrays, lexiconTableFromArrays } from './lexicon-table.js';
import type { Model, ModelSettings, Platt } from './model.js';
import { FILTER_FEATURES, type SpanFilter } from './span-filter.js';
import { judgeProblem, type Judge } from './judge.js';

export const ARTEFACT_FORMAT = 1;
const MAGIC = 0x314d5746; // "FWM1" little-endian

type DType = 'sq16' | 'f32' | 'u32' | 'i8';

interface TensorInfo {
  name: string;
  dtype: DType;
  /** Number of elements (dense length for sq16). */
  length: number;
  offset: number;
  /** sq16: value = int16 * scale; nnz non-zero values; indexBytes of varint gaps before them. */
  scale?: number;
  nnz?: number;
  indexBytes?: number;
}

export interface ArtefactHeader {
  format: number;
  version: string;
  labels: PtcLabel[];
  settings: ModelSettings;
  calibration: Platt;
  /** The span filter (absent in artefacts made before it). */
  filter?: SpanFilter | null;
  /** The judge: calibrated confidence of every finding and which rules report (absent before it). */
  judge?: Judge | null;
  table: { lists: string[]; prefixLengths: number[]; maxWords: number };
  tagger: { labels: number; buckets: number };
  sentence: { buckets: number } | null;
  classifier: { classes: number; buckets: number };
  /** Free-form training facts (data, config, cross-validation scores) for the model card. */
  meta: Record<string, unknown>;
  tensors: TensorInfo[];
}

function quantise(a: Float32Array | Int16Array, known?: number): { data: Int16Array; scale: number } {
  if (a instanceof Int16Array) return { data: a, scale: known ?? 1 };
  let max = 0;
  for (let i = 0; i < a.length; i++) max = Math.max(max, Math.abs(a[i]!));
  const scale = max > 0 ? max / 32767 : 1;
  const data = new Int16Array(a.length);
  for (let i = 0; i < a.length; i++) data[i] = Math.round(a[i]! / scale);
  return { data, scale };
}

/** Sparse encoding of int16 weights: LEB128 gaps between non-zero indices, padding, then the values. */
function sparse(q: Int16Array): { bytes: Uint8Array; nnz: number; indexBytes: number } {
  let nnz = 0;
  for (let i = 0; i < q.length; i++) if (q[i] !== 0) nnz++;
  const idx = new Uint8Array(nnz * 5);
  let n = 0;
  let prev = -1;
  const vals = new Int16Array(nnz);
  let k = 0;
  for (let i = 0; i < q.length; i++) {
    if (q[i] === 0) continue;
    let gap = i - prev - 1;
    prev = i;
    while (gap >= 0x80) {
      idx[n++] = (gap & 0x7f) | 0x80;
      gap >>>= 7;
    }
    idx[n++] = gap;
    vals[k++] = q[i]!;
  }
  const pad = Math.ceil(n / 8) * 8;
  const bytes = new Uint8Array(pad + nnz * 2);
  bytes.set(idx.subarray(0, n));
  bytes.set(new Uint8Array(vals.buffer), pad);
  return { bytes, nnz, indexBytes: n };
}

/** Serialises a model; the same model always gives the same bytes. */
export function encodeModel(model: Model, meta: Record<string, unknown> = {}): Buffer {
  const arrays = lexiconTableArrays(model.table);
  const parts: Array<{ info: Omit<TensorInfo, 'offset'>; bytes: Uint8Array }> = [];
  const add = (name: string, dtype: DType, arr: ArrayBufferView & { length: number }) =>
    parts.push({ info: { name, dtype, length: arr.length }, bytes: new Uint8Array(arr.buffer, arr.byteOffset, arr.byteLength) });
  const addSparse = (name: string, w: Float32Array | Int16Array, known?: number) => {
    const { data, scale } = quantise(w, known);
    const sp = sparse(data);
    parts.push({ info: { name, dtype: 'sq16', length: data.length, scale, nnz: sp.nnz, indexBytes: sp.indexBytes }, bytes: sp.bytes });
  };
  addSparse('tagger.emission', model.tagger.emission, model.tagger.emissionScale);
  add('tagger.transition', 'f32', model.tagger.transition);
  if (model.sentence) addSparse('sentence.w', model.sentence.w, model.sentence.scale);
  addSparse('classifier.w', model.classifier.w, model.classifier.scale);
  add('table.hashes', 'u32', arrays.hashes);
  add('table.valence', 'i8', arrays.valence);
  add('table.mask', 'u32', arrays.mask);
  if (model.table.ordinary.length) add('table.ordinary', 'u32', model.table.ordinary);
  if (model.table.phraseStarts) add('table.phraseStarts', 'u32', model.table.phraseStarts);
  if (model.table.clusters) {
    add('table.clusterHashes', 'u32', model.table.clusters.hashes);
    add('table.clusterIds', 'u32', model.table.clusters.ids);
  }
  if (model.table.wordClasses) {
    add('table.classHashes', 'u32', model.table.wordClasses.hashes);
    add('table.classIds', 'i8', model.table.wordClasses.ids);
  }
  if (model.table.loaded) {
    add('table.loadedHashes', 'u32', model.table.loaded.hashes);
    add('table.loadedLevels', 'i8', new Int8Array(model.table.loaded.levels.buffer, model.table.loaded.levels.byteOffset, model.table.loaded.levels.length));
  }
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
    filter: model.filter,
    judge: model.judge,
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
  return raw;
}

export interface DecodedModel {
  model: Model;
  header: ArtefactHeader;
}

export function decodeModel(gz: Uint8Array, file = 'model'): DecodedModel {
  let raw = Buffer.from(gz.buffer, gz.byteOffset, gz.byteLength);
  if (raw[0] === 0x1f && raw[1] === 0x8b) {
    try {
      raw = gunzipSync(raw);
    } catch {
      throw new UserError(`${file}: not a framewise model (damaged gzip)`, { file });
    }
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
  const body = raw.subarray(start);
  const tensor = (name: string): TensorInfo => {
    const t = header.tensors.find((x) => x.name === name);
    if (!t) throw new UserError(`${file}: model lacks tensor "${name}"`, { file });
    const bytes = t.dtype === 'sq16' ? Math.ceil((t.indexBytes ?? 0) / 8) * 8 + (t.nnz ?? 0) * 2 : t.length * { f32: 4, u32: 4, i8: 1 }[t.dtype];
    if (t.offset + bytes > body.length) throw new UserError(`${file}: model is truncated (tensor "${name}")`, { file });
    return t;
  };
  // Small tensors are copied out (typed arrays need aligned offsets); weights are rebuilt from sparse form.
  const copy = (name: string, size: number) => {
    const t = tensor(name);
    const out = new Uint8Array(t.length * size);
    out.set(body.subarray(t.offset, t.offset + t.length * size));
    return out.buffer;
  };
  const f32 = (name: string) => new Float32Array(copy(name, 4));
  const u32 = (name: string) => new Uint32Array(copy(name, 4));
  const i8 = (name: string) => new Int8Array(copy(name, 1));
  const q16 = (name: string): { w: Int16Array; scale: number } => {
    const t = tensor(name);
    if (t.dtype !== 'sq16') throw new UserError(`${file}: tensor "${name}" has type ${t.dtype}, expected sq16`, { file });
    const w = new Int16Array(t.length);
    const nnz = t.nnz ?? 0;
    const valAt = t.offset + Math.ceil((t.indexBytes ?? 0) / 8) * 8;
    const vals = new Int16Array(nnz);
    new Uint8Array(vals.buffer).set(body.subarray(valAt, valAt + nnz * 2));
    let p = t.offset;
    let i = -1;
    for (let k = 0; k < nnz; k++) {
      let gap = 0;
      let shift = 0;
      let b: number;
      do {
        b = body[p++]!;
        gap |= (b & 0x7f) << shift;
        shift += 7;
      } while (b & 0x80);
      i += gap + 1;
      if (i >= w.length) throw new UserError(`${file}: tensor "${name}" is damaged (index past its end)`, { file });
      w[i] = vals[k]!;
    }
    return { w, scale: t.scale ?? 1 };
  };
  const has = (name: string) => header.tensors.some((t) => t.name === name);
  const em = q16('tagger.emission');
  const cw = q16('classifier.w');
  const sw = header.sentence ? q16('sentence.w') : null;
  const model: Model = {
    version: header.version,
    labels: header.labels,
    settings: header.settings,
    calibration: header.calibration,
    filter: header.filter ?? null,
    judge: header.judge ?? null,
    table: lexiconTableFromArrays(header.table.lists, header.table.prefixLengths, header.table.maxWords, u32('table.hashes'), i8('table.valence'), u32('table.mask'), has('table.ordinary') ? u32('table.ordinary') : undefined, has('table.phraseStarts') ? u32('table.phraseStarts') : undefined, has('table.clusterHashes') ? { hashes: u32('table.clusterHashes'), ids: u32('table.clusterIds') } : undefined, has('table.classHashes') ? { hashes: u32('table.classHashes'), ids: i8('table.classIds') } : undefined, has('table.loadedHashes') ? { hashes: u32('table.loadedHashes'), levels: new Uint8Array(copy('table.loadedLevels', 1)) } : undefined),
    tagger: { labels: header.tagger.labels, buckets: header.tagger.buckets, emission: em.w, emissionScale: em.scale, transition: f32('tagger.transition') },
    sentence: header.sentence && sw ? { classes: 2, buckets: header.sentence.buckets, w: sw.w, scale: sw.scale } : null,
    classifier: { classes: header.classifier.classes, buckets: header.classifier.buckets, w: cw.w, scale: cw.scale },
  };
  const wc = model.table.wordClasses;
  if (wc && wc.ids.length !== wc.hashes.length) throw new UserError(`${file}: word classes do not match their hashes`, { file });
  const ld = model.table.loaded;
  if (ld && (ld.levels.length !== ld.hashes.length || ld.levels.some((l) => l >= LOADED_LEVELS))) throw new UserError(`${file}: loaded-word levels do not match their hashes`, { file });
  if (model.tagger.emission.length !== model.tagger.buckets * model.tagger.labels) throw new UserError(`${file}: tagger weights do not match their declared size`, { file });
  if (model.classifier.w.length !== model.classifier.buckets * model.classifier.classes) throw new UserError(`${file}: classifier weights do not match their declared size`, { file });
  if (model.filter && (model.filter.weights.length !== FILTER_FEATURES || !model.filter.weights.every(Number.isFinite) || !Number.isFinite(model.filter.keep)))
    throw new UserError(`${file}: span filter has ${model.filter.weights.length} weights, expected ${FILTER_FEATURES} finite numbers`, { file });
  if (model.judge) {
    const problem = judgeProblem(model.judge);
    if (problem) throw new UserError(`${file}: ${problem}`, { file });
  }
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

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ARCHETYPE_IDS, MAIN_OF, MAIN_ROLES, type ArchetypeId, type FramingRole, type MainRole } from '../../core/framing.js';
import { UserError } from '../../core/errors.js';
import { frozenStems, type StemIndex } from './features.js';
import { NO_VALENCE, valenceFromTable, type Valence } from './valence.js';

/**
 * The framing classifier: a multinomial logistic regression over mention features for the main role
 * (protagonist, antagonist, innocent, unframed), and one logistic regression per archetype for the
 * fine roles, trained in TypeScript (src/training/framing.ts) on the annotated set in `data/`.
 * Scores are calibrated by a temperature fitted on cross-validated predictions.
 */

/** Classes of the main model, in weight order. */
export const MAIN_CLASSES = [...MAIN_ROLES, 'unframed'] as const;
export const K_MAIN = MAIN_CLASSES.length;
export const K_ARCH = ARCHETYPE_IDS.length;

/** A sparse linear model: per feature key, `classes` weights. */
export interface SparseLinear {
  classes: number;
  keys: number[];
  /** keys.length * classes weights, row-major. */
  w: number[];
}

/** The artefact as stored (src/layers/framing/model.json). */
export interface FramingArtefact {
  version: string;
  stems: string[];
  main: SparseLinear;
  archetypes: SparseLinear;
  /** Divides the main logits (fitted on cross-validated predictions). */
  temperature: number;
  /** Share of each main role among framed mentions of the training set (protagonist, antagonist, innocent). */
  trainPrior: number[];
  /** Below this probability of being framed at all, a mention is `unframed` (the calibrated cut). */
  unframedCut: number;
  /** Per archetype: the score above which it is listed beside the best one. */
  archetypeCut: number[];
  /** Weight of the actor's other mentions when a mention's role is decided (0: none). */
  actorWeight: number;
  /** Word valence (see valence.ts): hashes of words and their valence in tenths. */
  valence?: { hashes: number[]; tenths: number[] };
  /** What it was trained on and how it scored (model card). */
  card: Record<string, unknown>;
}

/**
 * Feature keys to weights in open addressing over typed arrays (a Map of numbers costs several
 * times more per lookup, and a mention reads about a hundred keys). Laid out for the cache: the
 * framing layer runs between layers that fill it with their own tables, so each lookup is likely a
 * miss, and one probe reads one line of `slots` (key, archetype row) and one of `mainW` (the key's
 * four main weights) rather than a line in each of four arrays.
 */
class KeyTable {
  /** Per slot, SLOT ints: the key (-1: empty slot), 1 when it has main weights, its archetype row in archW (-1: none), unused. */
  readonly slots: Int32Array;
  /** Per slot, K_MAIN main weights (the key's row of the artefact's main weights). */
  readonly mainW: Float64Array;
  readonly mask: number;
  readonly shift: number;

  constructor(mainKeys: readonly number[], mainW: readonly number[], archKeys: readonly number[]) {
    let cap = 16;
    let bits = 4;
    while (cap < 2 * (mainKeys.length + archKeys.length)) { cap <<= 1; bits++; }
    this.shift = 32 - bits;
    this.slots = new Int32Array(cap * SLOT).fill(-1);
    this.mainW = new Float64Array(cap * K_MAIN);
    this.mask = cap - 1;
    mainKeys.forEach((k, r) => {
      const h = this.slot(k, true);
      this.slots[h * SLOT + 1] = 1;
      for (let c = 0; c < K_MAIN; c++) this.mainW[h * K_MAIN + c] = mainW[r * K_MAIN + c]!;
    });
    archKeys.forEach((k, r) => { this.slots[this.slot(k, true) * SLOT + 2] = r * K_ARCH; });
  }

  /** The slot of key k (k >= 0), or -1 when absent; with `add`, the slot it takes. */
  slot(k: number, add = false): number {
    // Fibonacci hashing: the top bits of the product depend on every bit of the key (keys differ
    // in their high bits by template, in their low bits by value).
    let h = Math.imul(k, 0x9e3779b1) >>> this.shift;
    for (;;) {
      const x = this.slots[h * SLOT]!;
      if (x === k) return h;
      if (x === -1) {
        if (!add) return -1;
        this.slots[h * SLOT] = k;
        return h;
      }
      h = (h + 1) & this.mask;
    }
  }
}

/** Ints per KeyTable slot (a power of two: four slots to a cache line). */
const SLOT = 4;

/** A model ready for inference. */
export class FramingModel {
  readonly stems: StemIndex;
  readonly valence: Valence;
  private readonly table: KeyTable;
  private readonly archW: Float64Array;
  /** Log prior ratio per main role added in the given-mention setting (target prior / training prior). */
  private priorShift = new Float64Array(3);

  private readonly temperature: number;

  constructor(readonly artefact: FramingArtefact) {
    if (K_MAIN !== 4) throw new Error('framing: the scorer is written for four main classes');
    this.temperature = artefact.temperature;
    this.stems = frozenStems(artefact.stems);
    this.valence = artefact.valence ? valenceFromTable(artefact.valence.hashes, artefact.valence.tenths) : NO_VALENCE;
    this.table = new KeyTable(artefact.main.keys, artefact.main.w, artefact.archetypes.keys);
    this.archW = Float64Array.from(artefact.archetypes.w);
  }

  /**
   * Scores keys[0, n): calibrated main-role probabilities into `main` (MAIN_CLASSES order) and, when
   * `arch` is given, the archetype probabilities (given the main role) into it.
   */
  score(keys: ArrayLike<number>, n: number, main: Float64Array, arch: Float64Array | null, role: MainRole | null = null): void {
    // The key table's lookup inlined, four main classes in locals: a mention reads a dozen keys or
    // more and every analysed document has dozens of mentions.
    const t = this.table;
    const sl = t.slots;
    const shift = t.shift;
    const mask = t.mask;
    const mw = t.mainW;
    const aw = this.archW;
    const lo = role ? ARCH_RANGE[role][0] : 0;
    const hi = role ? ARCH_RANGE[role][1] : K_ARCH;
    if (arch) arch.fill(0);
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let j = 0; j < n; j++) {
      const k = keys[j]!;
      let h = Math.imul(k, 0x9e3779b1) >>> shift;
      let x = sl[h * SLOT]!;
      while (x !== k && x !== -1) { h = (h + 1) & mask; x = sl[h * SLOT]!; }
      if (x === -1) continue;
      if (sl[h * SLOT + 1] === 1) { const r = h * K_MAIN; s0 += mw[r]!; s1 += mw[r + 1]!; s2 += mw[r + 2]!; s3 += mw[r + 3]!; }
      if (arch) {
        const ra = sl[h * SLOT + 2]!;
        if (ra >= 0) for (let c = lo; c < hi; c++) arch[c]! += aw[ra + c]!;
      }
    }
    const temp = this.temperature;
    s0 /= temp; s1 /= temp; s2 /= temp; s3 /= temp;
    const mx = Math.max(s0, s1, s2, s3);
    const e0 = Math.exp(s0 - mx), e1 = Math.exp(s1 - mx), e2 = Math.exp(s2 - mx), e3 = Math.exp(s3 - mx);
    const z = e0 + e1 + e2 + e3;
    main[0] = e0 / z;
    main[1] = e1 / z;
    main[2] = e2 / z;
    main[3] = e3 / z;
    if (arch) for (let c = lo; c < hi; c++) arch[c] = 1 / (1 + Math.exp(-arch[c]!));
  }

  /**
   * One pass over keys[0, n) for everything a mention may need: the calibrated main-role
   * probabilities into `main` (K_MAIN from `mainAt`, as `score` gives them), and the archetype
   * weight rows the keys hit, in key order, into `rows` from `rowAt` (room for n needed); returns
   * how many. `archetypesOf` sums those rows for the role chosen later: the probabilities `score`
   * gives for that role, bit for bit (each archetype's sum runs over the same keys in the same order).
   */
  scoreRows(keys: ArrayLike<number>, n: number, main: Float64Array, mainAt: number, rows: Int32Array, rowAt: number): number {
    const t = this.table;
    const sl = t.slots;
    const shift = t.shift;
    const mask = t.mask;
    const mw = t.mainW;
    let nr = 0;
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    for (let j = 0; j < n; j++) {
      const k = keys[j]!;
      let h = Math.imul(k, 0x9e3779b1) >>> shift;
      let x = sl[h * SLOT]!;
      while (x !== k && x !== -1) { h = (h + 1) & mask; x = sl[h * SLOT]!; }
      if (x === -1) continue;
      if (sl[h * SLOT + 1] === 1) { const r = h * K_MAIN; s0 += mw[r]!; s1 += mw[r + 1]!; s2 += mw[r + 2]!; s3 += mw[r + 3]!; }
      const ra = sl[h * SLOT + 2]!;
      if (ra >= 0) rows[rowAt + nr++] = ra;
    }
    const temp = this.temperature;
    s0 /= temp; s1 /= temp; s2 /= temp; s3 /= temp;
    const mx = Math.max(s0, s1, s2, s3);
    const e0 = Math.exp(s0 - mx), e1 = Math.exp(s1 - mx), e2 = Math.exp(s2 - mx), e3 = Math.exp(s3 - mx);
    const z = e0 + e1 + e2 + e3;
    main[mainAt] = e0 / z;
    main[mainAt + 1] = e1 / z;
    main[mainAt + 2] = e2 / z;
    main[mainAt + 3] = e3 / z;
    return nr;
  }

  /**
   * The archetype probabilities of `role` from the rows `scoreRows` recorded (`count` from `rowAt`)
   * into `out` (K_ARCH from `outAt`; zero for the other roles' archetypes).
   */
  archetypesOf(rows: Int32Array, rowAt: number, count: number, role: MainRole, out: Float64Array | number[], outAt = 0): void {
    // Read by index: destructuring the range allocated an iterator per call.
    const lo = ARCH_RANGE[role][0];
    const hi = ARCH_RANGE[role][1];
    const aw = this.archW;
    out.fill(0, outAt, outAt + K_ARCH);
    // Row by row (each row's weights lie together): every archetype's sum still adds the rows in
    // the same order, so the result is the same bit for bit as one archetype at a time.
    const from = outAt + lo;
    const width = hi - lo;
    for (let j = 0; j < count; j++) {
      const r = rows[rowAt + j]! + lo;
      for (let c = 0; c < width; c++) out[from + c]! += aw[r + c]!;
    }
    for (let c = from; c < from + width; c++) out[c] = 1 / (1 + Math.exp(-out[c]!));
  }

  /** Main-role probabilities (MAIN_CLASSES order), calibrated. */
  main(keys: readonly number[], out = new Float64Array(K_MAIN)): Float64Array {
    this.score(keys, keys.length, out, null);
    return out;
  }

  /** Per archetype, the probability that it fits given that the mention is framed in its main role. */
  archetypes(keys: readonly number[], out = new Float64Array(K_ARCH)): Float64Array {
    this.score(keys, keys.length, new Float64Array(K_MAIN), out);
    return out;
  }

  /** The contribution of one feature to each main class (for evidence). */
  weightOf(k: number, c: number): number {
    const t = this.table;
    const h = t.slot(k);
    return h < 0 || t.slots[h * SLOT + 1] !== 1 ? 0 : t.mainW[h * K_MAIN + c]!;
  }

  /** Sets the main-role prior of the text the model will read (for the given-mention setting). */
  setTargetPrior(prior: Readonly<Record<MainRole, number>> | null): void {
    this.priorShift = new Float64Array(3);
    if (!prior) return;
    MAIN_ROLES.forEach((r, c) => {
      const train = this.artefact.trainPrior[c] ?? 1 / 3;
      this.priorShift[c] = Math.log(Math.max(1e-6, prior[r]) / Math.max(1e-6, train));
    });
  }

  /** The three main roles' scores among themselves (framed mentions only; sums to 1), with the target prior. */
  mainOnly(p: ArrayLike<number>): Record<MainRole, number> {
    const sh = this.priorShift;
    let a = Math.log(Math.max(1e-12, p[0]!)) + sh[0]!;
    let b = Math.log(Math.max(1e-12, p[1]!)) + sh[1]!;
    let c = Math.log(Math.max(1e-12, p[2]!)) + sh[2]!;
    const mx = a > b ? (a > c ? a : c) : b > c ? b : c;
    a = Math.exp(a - mx);
    b = Math.exp(b - mx);
    c = Math.exp(c - mx);
    const z = a + b + c;
    return { protagonist: a / z, antagonist: b / z, innocent: c / z };
  }

  /** The chosen role: the best main role, or `unframed` when the mention is framed with probability under the cut. */
  decide(p: ArrayLike<number>): FramingRole {
    if (1 - p[3]! < this.artefact.unframedCut) return 'unframed';
    const sh = this.priorShift;
    const a = Math.log(Math.max(1e-12, p[0]!)) + sh[0]!;
    const b = Math.log(Math.max(1e-12, p[1]!)) + sh[1]!;
    const c = Math.log(Math.max(1e-12, p[2]!)) + sh[2]!;
    return b >= a && b >= c ? 'antagonist' : a >= c ? 'protagonist' : 'innocent';
  }

  /** The best of the three main roles, with the target prior (the given-mention setting). */
  best(p: ArrayLike<number>): MainRole {
    const sh = this.priorShift;
    const a = Math.log(Math.max(1e-12, p[0]!)) + sh[0]!;
    const b = Math.log(Math.max(1e-12, p[1]!)) + sh[1]!;
    const c = Math.log(Math.max(1e-12, p[2]!)) + sh[2]!;
    return b >= a && b >= c ? 'antagonist' : a >= c ? 'protagonist' : 'innocent';
  }

  /** mainOnly, rounded to three decimals (one object). */
  roundedScores(p: ArrayLike<number>): Record<MainRole, number> {
    const s = this.mainOnly(p);
    s.protagonist = round3(s.protagonist);
    s.antagonist = round3(s.antagonist);
    s.innocent = round3(s.innocent);
    return s;
  }

  /**
   * `decide(p)` (with `given`, `best(p)`) and `roundedScores(p)` from one reading of the three
   * logs both take (the same expressions, so the same role and scores bit for bit).
   */
  roleAndScores(p: ArrayLike<number>, given: boolean): { role: FramingRole; scores: Record<MainRole, number> } {
    const sh = this.priorShift;
    let a = Math.log(Math.max(1e-12, p[0]!)) + sh[0]!;
    let b = Math.log(Math.max(1e-12, p[1]!)) + sh[1]!;
    let c = Math.log(Math.max(1e-12, p[2]!)) + sh[2]!;
    const role: FramingRole = !given && 1 - p[3]! < this.artefact.unframedCut ? 'unframed' : b >= a && b >= c ? 'antagonist' : a >= c ? 'protagonist' : 'innocent';
    const mx = a > b ? (a > c ? a : c) : b > c ? b : c;
    a = Math.exp(a - mx);
    b = Math.exp(b - mx);
    c = Math.exp(c - mx);
    const z = a + b + c;
    return { role, scores: { protagonist: round3(a / z), antagonist: round3(b / z), innocent: round3(c / z) } };
  }

  /** Archetypes of a main role above their cut, the best one always (strongest first); `a` from `at` in ARCHETYPE_IDS order. */
  chooseArchetypes(role: FramingRole, a: ArrayLike<number>, at = 0): Array<{ id: ArchetypeId; score: number }> {
    if (role === 'unframed') return [];
    const lo = ARCH_RANGE[role][0];
    const hi = ARCH_RANGE[role][1];
    const cuts = this.artefact.archetypeCut;
    let best = lo;
    for (let c = lo + 1; c < hi; c++) if (a[at + c]! > a[at + best]!) best = c;
    let more = 0;
    for (let c = lo; c < hi; c++) if (c !== best && a[at + c]! >= (cuts[c] ?? 0.5)) more++;
    const first = { id: ARCHETYPE_IDS[best]!, score: round3(a[at + best]!) };
    if (more === 0) return [first];
    // Sized once (most mentions list one archetype; a push past a literal's length regrows it).
    const out = new Array<{ id: ArchetypeId; score: number }>(1 + more);
    out[0] = first;
    let m = 1;
    for (let c = lo; c < hi; c++) if (c !== best && a[at + c]! >= (cuts[c] ?? 0.5)) out[m++] = { id: ARCHETYPE_IDS[c]!, score: round3(a[at + c]!) };
    // Strongest first, ties in archetype order: an insertion sort (stable, as Array.sort is, and
    // cheaper for the few entries there are).
    for (let j = 1; j < out.length; j++) {
      const x = out[j]!;
      let i = j;
      while (i > 0 && out[i - 1]!.score < x.score) { out[i] = out[i - 1]!; i--; }
      out[i] = x;
    }
    return out;
  }

  /**
   * How much a feature favours main class c over the three main classes' mean (evidence weight);
   * NaN when the model does not know the feature.
   */
  contrast(k: number, c: number): number {
    const t = this.table;
    const sl = t.slots;
    let h = Math.imul(k, 0x9e3779b1) >>> t.shift;
    let x = sl[h * SLOT]!;
    while (x !== k && x !== -1) { h = (h + 1) & t.mask; x = sl[h * SLOT]!; }
    if (x === -1 || sl[h * SLOT + 1] !== 1) return NaN;
    const w = t.mainW;
    const r = h * K_MAIN;
    return w[r + c]! - (w[r]! + w[r + 1]! + w[r + 2]!) / 3;
  }

}

const ARCH_MAIN: MainRole[] = ARCHETYPE_IDS.map((id) => MAIN_OF[id]);
/** [first, last + 1) index of each main role's archetypes in ARCHETYPE_IDS (contiguous by construction). */
const ARCH_RANGE = Object.fromEntries(MAIN_ROLES.map((r) => [r, [ARCH_MAIN.indexOf(r), ARCH_MAIN.lastIndexOf(r) + 1]])) as Record<MainRole, [number, number]>;
for (const r of MAIN_ROLES) for (let c = ARCH_RANGE[r][0]; c < ARCH_RANGE[r][1]; c++) if (ARCH_MAIN[c] !== r) throw new Error('archetypes of a main role must be contiguous');
/** [first, last + 1) index of a main role's archetypes in ARCHETYPE_IDS. */
export const archRange = (role: MainRole): readonly [number, number] => ARCH_RANGE[role];

export const round3 = (x: number) => Math.round(x * 1000) / 1000;

export function bestRole(s: Record<MainRole, number>): MainRole {
  let best: MainRole = 'antagonist';
  for (const r of MAIN_ROLES) if (s[r] > s[best]) best = r;
  return best;
}

export function softmaxInPlace(v: Float64Array, temperature = 1): Float64Array {
  let mx = -Infinity;
  for (let c = 0; c < v.length; c++) { v[c] = v[c]! / temperature; if (v[c]! > mx) mx = v[c]!; }
  let z = 0;
  for (let c = 0; c < v.length; c++) { v[c] = Math.exp(v[c]! - mx); z += v[c]!; }
  for (let c = 0; c < v.length; c++) v[c] = v[c]! / z;
  return v;
}

export const MODEL_FILE = fileURLToPath(new URL('./model.json', import.meta.url));

let shipped: FramingModel | null | undefined;

/** The shipped model (null when no artefact has been trained yet). */
export function shippedFramingModel(): FramingModel | null {
  if (shipped === undefined) shipped = existsSync(MODEL_FILE) ? loadFramingModel(MODEL_FILE) : null;
  return shipped;
}

export function loadFramingModel(file: string): FramingModel {
  if (!existsSync(file)) throw new UserError(`${file}: framing model not found`, { file });
  let data: FramingArtefact;
  try {
    data = JSON.parse(readFileSync(file, 'utf8')) as FramingArtefact;
  } catch (e) {
    throw new UserError(`${file}: not a framing model (${(e as Error).message})`, { file });
  }
  if (!data || typeof data.version !== 'string' || !data.main || !data.archetypes || data.main.classes !== K_MAIN || data.archetypes.classes !== K_ARCH) {
    throw new UserError(`${file}: not a framing model of this version (expected ${K_MAIN} main classes and ${K_ARCH} archetypes)`, { file });
  }
  return new FramingModel(data);
}

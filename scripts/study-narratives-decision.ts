// Compares document-decision variants of a narrative pack on the CV dumped by
// scripts/dump-cv-narratives.ts: per fold, a stacker with the variant's features is fitted on the
// fold's own out-of-fold training data, thresholds chosen there, and the fold's test documents scored.
// `npx tsx scripts/study-narratives-decision.ts DUMP.json [features[+rule]...] [--docs] [--coef]`.
// Reproduces cv-narratives.ts exactly for `base`; what shipped (support.ts) is `weakcue+ev` (one-word
// cues count only where corroborated; a long text needs two leaning sentences or a corroborated cue).
// The rule `ev` reads EV_S (long from, 15), EV_N (sentences, 2), EV_Z (lean above, 0), EV_STRONG (one
// sentence this strong is enough) and EV_CUE (corr | any | multi | lean | none); `ev2` asks for two
// distinct evidence sentences (EV_FLOOR: hits count where the logit is above it); TERMS1=1 treats a
// term set met by one word as a one-word cue. The crosshead rule of support.ts (MIN_WORDS) is not
// simulated here: the dumps keep no sentence lengths of the training folds (real CV: unchanged).
import { readFileSync } from 'node:fs';
import { loadPacks } from '../src/layers/narratives/pack.js';

interface Hit { item: number; kind: string; s: number; text: string }
interface D { S: number; z: Array<number | null>; hits: Hit[]; inScope: boolean; words: number; sentences?: string[] }
const dump = JSON.parse(readFileSync(process.argv[2]!, 'utf8'));
const pack = loadPacks([dump.pack])[0]!;
const L = pack.items.length;
const narr = pack.items.filter((it) => it.level === 'narrative').map((it) => it.index);
const title = (l: number) => pack.items[l]!.title;
const zval = (d: D, s: number, l: number) => d.z[s * L + l] ?? -Infinity;
const clip = (x: number, m = 10) => (x > m ? m : x < -m ? -m : x);
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

type Feat = { names: string[]; nonneg: boolean[]; f: (d: D, l: number) => number[] };
const base = (d: D, l: number, opt: { cueW?: (d: D, h: Hit) => number } = {}) => {
  let m1 = -Infinity, m2 = -Infinity, c = 0, lead = -Infinity;
  const S = d.S;
  for (let s = 0; s < S; s++) {
    const v = zval(d, s, l);
    if (v > m1) { m2 = m1; m1 = v; } else if (v > m2) m2 = v;
    if (v > 0) c++;
    if (s < 3 && v > lead) lead = v;
  }
  let rival = -Infinity;
  for (const r of narr) if (r !== l) for (let s = 0; s < S; s++) rival = Math.max(rival, zval(d, s, r));
  let a = m1, b = m2, ld = lead;
  if (S === 0 || a === -Infinity) a = -10;
  if (b === -Infinity) b = a;
  if (ld === -Infinity) ld = -10;
  if (rival !== -Infinity) rival = Math.max(rival, -10);
  let cues = 0;
  for (const h of d.hits) if (h.item === l) cues += opt.cueW ? opt.cueW(d, h) : 1;
  return { a, b, c, cues, ld, margin: rival === -Infinity || S === 0 ? 0 : clip(a - rival), length: Math.log1p(S), S };
};
const BASE_NAMES = ['max', 'top2', 'count', 'cues', 'lead', 'margin', 'length'];
const BASE_NN = [true, true, true, true, true, true, false];
const baseRow = (x: ReturnType<typeof base>) => [clip(x.a), clip((x.a + x.b) / 2), Math.log1p(x.c), Math.log1p(x.cues), clip(x.ld), x.margin, x.length];

const single = (h: Hit) => (h.kind === 'cue' || (process.env.TERMS1 === '1' && h.kind === 'terms')) && !h.text.includes(' ') && !h.text.includes('-');
/** A single-word cue counts only when its sentence holds another hit of the item or leans to it. */
const corroborated = (d: D, h: Hit) => !single(h) || d.hits.some((o) => o !== h && o.item === h.item && o.s === h.s) || zval(d, h.s, h.item) > 0;

const VARIANTS: Record<string, Feat> = {
  base: { names: BASE_NAMES, nonneg: BASE_NN, f: (d, l) => baseRow(base(d, l)) },
  share: { names: [...BASE_NAMES, 'share'], nonneg: [...BASE_NN, true], f: (d, l) => { const x = base(d, l); return [...baseRow(x), x.S ? x.c / x.S : 0]; } },
  weakcue: { names: BASE_NAMES, nonneg: BASE_NN, f: (d, l) => baseRow(base(d, l, { cueW: (d, h) => (corroborated(d, h) ? 1 : 0) })) },
  halfcue: { names: BASE_NAMES, nonneg: BASE_NN, f: (d, l) => baseRow(base(d, l, { cueW: (d, h) => (corroborated(d, h) ? 1 : 0.5) })) },
  singlehalf: { names: BASE_NAMES, nonneg: BASE_NN, f: (d, l) => baseRow(base(d, l, { cueW: (d, h) => (single(h) ? 0.5 : 1) })) },
  cuesent: { names: BASE_NAMES, nonneg: BASE_NN, f: (d, l) => { const x = base(d, l); x.cues = new Set(d.hits.filter((h) => h.item === l).map((h) => h.s)).size; return baseRow(x); } },
  cuedens: { names: [...BASE_NAMES, 'cuedens'], nonneg: [...BASE_NN, true], f: (d, l) => { const x = base(d, l); return [...baseRow(x), x.S ? new Set(d.hits.filter((h) => h.item === l).map((h) => h.s)).size / x.S : 0]; } },
  sharecuedens: { names: [...BASE_NAMES, 'share', 'cuedens'], nonneg: [...BASE_NN, true, true], f: (d, l) => { const x = base(d, l); return [...baseRow(x), x.S ? x.c / x.S : 0, x.S ? new Set(d.hits.filter((h) => h.item === l).map((h) => h.s)).size / x.S : 0]; } },
  maxlen: { names: [...BASE_NAMES, 'maxXlen'], nonneg: [...BASE_NN, false], f: (d, l) => { const x = base(d, l); const r = baseRow(x); return [...r, r[0]! * x.length]; } },
  allweak: { names: BASE_NAMES, nonneg: BASE_NN, f: (d, l) => baseRow(base(d, l, { cueW: (d, h) => (zval(d, h.s, h.item) > 0 || d.hits.some((o) => o !== h && o.item === h.item && o.s === h.s && o.text !== h.text) ? 1 : 0.5) })) },
  allweak0: { names: BASE_NAMES, nonneg: BASE_NN, f: (d, l) => baseRow(base(d, l, { cueW: (d, h) => (zval(d, h.s, h.item) > 0 || d.hits.some((o) => o !== h && o.item === h.item && o.s === h.s && o.text !== h.text) ? 1 : 0) })) },
  lenall: { names: [...BASE_NAMES, 'maxXlen', 'cuesXlen'], nonneg: [...BASE_NN, false, false], f: (d, l) => { const x = base(d, l); const r = baseRow(x); return [...r, r[0]! * x.length, r[3]! * x.length]; } },
  top2len: { names: [...BASE_NAMES, 'top2Xlen'], nonneg: [...BASE_NN, false], f: (d, l) => { const x = base(d, l); const r = baseRow(x); return [...r, r[1]! * x.length]; } },
  wc_maxlen: { names: [...BASE_NAMES, 'maxXlen'], nonneg: [...BASE_NN, false], f: (d, l) => { const x = base(d, l, { cueW: (d, h) => (corroborated(d, h) ? 1 : 0) }); const r = baseRow(x); return [...r, r[0]! * x.length]; } },
  wc_top2len: { names: [...BASE_NAMES, 'top2Xlen'], nonneg: [...BASE_NN, false], f: (d, l) => { const x = base(d, l, { cueW: (d, h) => (corroborated(d, h) ? 1 : 0) }); const r = baseRow(x); return [...r, r[1]! * x.length]; } },
  wc_share: { names: [...BASE_NAMES, 'share'], nonneg: [...BASE_NN, true], f: (d, l) => { const x = base(d, l, { cueW: (d, h) => (corroborated(d, h) ? 1 : 0) }); return [...baseRow(x), x.S ? x.c / x.S : 0]; } },
  wc_cuesent: { names: BASE_NAMES, nonneg: BASE_NN, f: (d, l) => { const x = base(d, l); x.cues = new Set(d.hits.filter((h) => h.item === l && corroborated(d, h)).map((h) => h.s)).size; return baseRow(x); } },
  wc_nolen: { names: BASE_NAMES, nonneg: [...BASE_NN.slice(0, 6), true], f: (d, l) => baseRow(base(d, l, { cueW: (d, h) => (corroborated(d, h) ? 1 : 0) })) },
  cueslen: { names: [...BASE_NAMES, 'cuesXlen'], nonneg: [...BASE_NN, false], f: (d, l) => { const x = base(d, l); const r = baseRow(x); return [...r, r[3]! * x.length]; } },
};

function fit(rows: number[][], ys: number[], ws: number[], nonneg: boolean[], l2 = 0.1): number[] {
  const K = nonneg.length;
  const fixed = new Set<number>();
  for (;;) {
    const D = K + 1;
    const w = new Float64Array(D);
    for (let it = 0; it < 50; it++) {
      const g = new Float64Array(D);
      const H = new Float64Array(D * D);
      rows.forEach((x, i) => {
        let z = w[K]!;
        for (let k = 0; k < K; k++) z += w[k]! * x[k]!;
        const p = sigmoid(z);
        const r = (p - ys[i]!) * ws[i]!;
        const q = p * (1 - p) * ws[i]!;
        for (let a = 0; a < D; a++) {
          const xa = a === K ? 1 : x[a]!;
          g[a] += r * xa;
          for (let b = 0; b < D; b++) H[a * D + b] += q * xa * (b === K ? 1 : x[b]!);
        }
      });
      for (let a = 0; a < K; a++) { g[a] += l2 * w[a]!; H[a * D + a] += l2; }
      H[K * D + K] += 1e-6;
      for (const a of fixed) { g[a] = 0; for (let b = 0; b < D; b++) H[a * D + b] = H[b * D + a] = a === b ? 1 : 0; }
      const step = solve(H, g, D);
      let ch = 0;
      for (let a = 0; a < D; a++) { w[a] -= step[a]!; ch = Math.max(ch, Math.abs(step[a]!)); }
      if (ch < 1e-9) break;
    }
    let worst = -1;
    for (let k = 0; k < K; k++) if (nonneg[k] && !fixed.has(k) && w[k]! < -1e-9 && (worst < 0 || w[k]! < w[worst]!)) worst = k;
    if (worst < 0) return Array.from(w);
    fixed.add(worst);
  }
}
function solve(H: Float64Array, g: Float64Array, D: number): Float64Array {
  const A = Float64Array.from(H), b = Float64Array.from(g);
  for (let c = 0; c < D; c++) {
    let p = c;
    for (let r = c + 1; r < D; r++) if (Math.abs(A[r * D + c]!) > Math.abs(A[p * D + c]!)) p = r;
    if (p !== c) { for (let k = 0; k < D; k++) [A[c * D + k], A[p * D + k]] = [A[p * D + k]!, A[c * D + k]!]; [b[c], b[p]] = [b[p]!, b[c]!]; }
    const dd = A[c * D + c]! || 1e-12;
    for (let r = c + 1; r < D; r++) { const f = A[r * D + c]! / dd; if (f === 0) continue; for (let k = c; k < D; k++) A[r * D + k] -= f * A[c * D + k]!; b[r] -= f * b[c]!; }
  }
  const x = new Float64Array(D);
  for (let r = D - 1; r >= 0; r--) { let s = b[r]!; for (let k = r + 1; k < D; k++) s -= A[r * D + k]! * x[k]!; x[r] = s / (A[r * D + r]! || 1e-12); }
  return x;
}
const prob = (w: number[], row: number[]) => { let x = w[row.length]!; row.forEach((v, k) => (x += w[k]! * v)); return sigmoid(x); };
const setF1 = (g: number[], p: number[]) => { const gs = g.length ? g : [-1]; const ps = p.length ? p : [-1]; return (2 * ps.filter((x) => gs.includes(x)).length) / (gs.length + ps.length); };

type Rule = (d: D, l: number, p: number) => boolean;
function chooseDoc(d: D, w: number[], feat: Feat, t: number, rule?: Rule): number[] {
  if (!d.inScope) return [];
  const ps = narr.map((l) => [l, prob(w, feat.f(d, l))] as const);
  const ok = ps.filter(([l, p]) => p >= t && (!rule || rule(d, l, p))).sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  const cap = rule === RULES.max2 ? 2 : 3;
  const rel = rule === RULES.rel ? 0.6 : 0;
  return ok.filter(([, p]) => p >= rel * ok[0]![1]).slice(0, cap).map(([l]) => l);
}
const RULES: Record<string, Rule> = {
  max2: () => true,
  ev2: (d, l) => {
    const minS = Number(process.env.EV_S ?? 15), need = Number(process.env.EV_N ?? 2), floor = Number(process.env.EV_FLOOR ?? -Infinity);
    if (d.S < minS) return true;
    const sents = new Set<number>();
    for (let s = 0; s < d.S; s++) if (zval(d, s, l) > 0) sents.add(s);
    for (const h of d.hits) if (h.item === l && zval(d, h.s, l) > floor && (!single(h) || d.hits.some((o) => o !== h && o.item === l && o.s === h.s))) sents.add(h.s);
    return sents.size >= need;
  },
  ev: (d, l) => {
    const minS = Number(process.env.EV_S ?? 15), need = Number(process.env.EV_N ?? 2), zmin = Number(process.env.EV_Z ?? 0), strong = Number(process.env.EV_STRONG ?? Infinity);
    const cueMode = process.env.EV_CUE ?? 'corr';
    if (d.S < minS) return true;
    let n = 0, mx = -Infinity;
    for (let s = 0; s < d.S; s++) { const v = zval(d, s, l); if (v > zmin) n++; if (v > mx) mx = v; }
    if (n >= need || mx >= strong) return true;
    if (cueMode === 'none') return false;
    return d.hits.some((h) => h.item === l && (cueMode === 'any' || (cueMode === 'corr' ? corroborated(d, h) : cueMode === 'multi' ? !single(h) : zval(d, h.s, h.item) > 0)));
  },
  rel: () => true,
  // On a long text (15+ sentences), a narrative needs two sentences that lean to it, or a corroborated cue.
  twoevidence: (d, l) => d.S < 15 || [...Array(d.S).keys()].filter((s) => zval(d, s, l) > 0).length >= 2 || d.hits.some((h) => h.item === l && corroborated(d, h)),
};

const args = process.argv.slice(3);
const wantDocs = args.includes('--docs');
const names = args.filter((a) => !a.startsWith('--'));
for (const vname of names.length ? names : Object.keys(VARIANTS)) {
  const [fname, rname] = vname.split('+') as [string, string | undefined];
  const feat = VARIANTS[fname]!;
  const rule = rname ? RULES[rname] : undefined;
  const res: Array<{ set: string; gold: number[]; pred: number[]; padG: number[]; padP: number[] }> = [];
  const coefs: number[][] = [];
  for (const fold of dump.folds) {
    const inner = fold.inner as Array<D & { items: number[] }>;
    const rows: number[][] = [], ys: number[] = [], ws: number[] = [];
    for (const d of inner) for (const l of narr) { rows.push(feat.f(d, l)); ys.push(d.items.includes(l) ? 1 : 0); ws.push(1); }
    const w = fit(rows, ys, ws, feat.nonneg);
    coefs.push(w);
    const isOther = inner.map((d) => !narr.some((k) => d.items.includes(k)));
    const tO = isOther.filter(Boolean).length / inner.length;
    const share = pack.otherShare;
    const wt = (i: number) => (share === null || tO === 0 || tO === 1 ? 1 : isOther[i] ? share / tO : (1 - share) / (1 - tO));
    let best = -1, at = 0.5;
    for (let t = 0.2; t <= 0.851; t += 0.025) {
      const tt = Math.round(t * 1000) / 1000;
      let n = 0, wn = 0;
      inner.forEach((d, i) => { n += wt(i) * setF1(narr.filter((k) => d.items.includes(k)), chooseDoc(d, w, feat, tt, rule)); wn += wt(i); });
      if (n / wn > best + 1e-9) { best = n / wn; at = tt; }
    }
    for (const d of fold.test) {
      const g = narr.filter((k) => d.items.includes(k));
      const p = chooseDoc(d.plain, w, feat, at, rule);
      res.push({ set: d.set, gold: g, pred: p, padG: g, padP: chooseDoc(d.padded, w, feat, at, rule) });
      if (wantDocs) console.log(`   [${d.set.split('.')[0]} S=${d.plain.S}] gold ${g.map(title).join(' | ') || 'Other'}  pred ${p.map(title).join(' | ') || 'Other'}`);
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const f1s = res.map((r) => setF1(r.gold, r.pred));
  const carrying = res.map((r, i) => [r, f1s[i]!] as const).filter(([r]) => r.gold.length > 0).map(([, f]) => f);
  const isO = res.map((r) => r.gold.length === 0);
  const p0 = isO.filter(Boolean).length / res.length;
  const share = pack.otherShare ?? p0;
  let num = 0, den = 0;
  f1s.forEach((f, i) => { const w = isO[i] ? share / p0 : (1 - share) / (1 - p0); num += w * f; den += w; });
  const sets = [...new Set(res.map((r) => r.set))].map((s) => `${s.replace('.train.yaml', '')} ${mean(res.map((r, i) => [r, f1s[i]!] as const).filter(([r]) => r.set === s).map(([, f]) => f)).toFixed(3)}`);
  const pad = res.map((r) => setF1(r.padG, r.padP));
  const padC = res.filter((r) => r.gold.length > 0).map((r) => setF1(r.padG, r.padP));
  console.log(`${dump.pack} ${vname}: F1 ${mean(f1s).toFixed(3)} carrying ${mean(carrying).toFixed(3)} weighted ${(num / den).toFixed(3)} | ${sets.join(', ')} | padded ${mean(pad).toFixed(3)} (${mean(padC).toFixed(3)}) | chosen/doc ${mean(res.map((r) => r.pred.length)).toFixed(2)}`);
  if (args.includes('--coef')) console.log('   ' + feat.names.join(' ') + ' b\n   ' + coefs.map((c) => c.map((v) => v.toFixed(2)).join(' ')).join('\n   '));
}

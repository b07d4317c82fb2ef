import type { ResolvedConfig } from '../../core/config.js';
import type { NarrativeCue, NarrativeEvidence, NarrativeScore, NarrativesReport } from '../../core/narratives.js';
import type { ReportLayer, LayerContext } from '../contract.js';
import type { Doc } from '../../text/segment.js';
import { K_WORD } from '../../text/tokenise.js';
import { ACTORS } from '../actors/layer.js';
import { SOURCING } from '../sourcing/analyse.js';
import { VOICE } from '../voice/product.js';
import { explain } from './explain.js';
import { labelsOfChoice } from './labels.js';
import { NarrativeModel, type DocSignals, type PackScores } from './model.js';
import { loadPacks, splitPackSpecs, weightsFileOf, type NarrativePack } from './pack.js';
import { signalsOf } from './signals.js';
import { trainPack } from './train.js';
import { strongestItems, topSentences } from './top.js';
import { voiceAt } from './voice.js';
import { readWeightsFile } from './weights.js';

/** The value of `narratives` (config, option, flag) that loads no pack. */
export const NO_NARRATIVES = 'none';

const models = new Map<string, NarrativeModel>();

/**
 * The model of a pack: its shipped or trained weights (`<pack>.weights.json` beside the pack file,
 * when they were trained from this content of the pack), else weights trained now from the pack's
 * examples (deterministic; once per process and pack content).
 */
export function modelOf(pack: NarrativePack): NarrativeModel {
  let m = models.get(pack.hash);
  if (!m) {
    const w = readWeightsFile(weightsFileOf(pack.file));
    const fits = w && w.packHash === pack.hash && w.items.join('\n') === pack.items.map((it) => it.id).join('\n') && w.weights.length === pack.items.length + 2;
    const weights = fits ? w : trainPack(pack);
    m = new NarrativeModel(pack, weights);
    if (models.size >= 16) models.clear();
    models.set(pack.hash, m);
  }
  return m;
}

/** The pack specs of a configuration: its `narratives` list, the default pack when empty, none for ["none"]. */
export function packSpecsOf(config: Pick<ResolvedConfig, 'narratives'> | undefined): string[] {
  const specs = splitPackSpecs(config?.narratives ?? []);
  if (specs.length === 1 && specs[0] === NO_NARRATIVES) return [];
  if (specs.includes(NO_NARRATIVES)) return specs.filter((s) => s !== NO_NARRATIVES);
  return specs;
}

const byConfig = new Map<string, NarrativeModel[]>();

/** The models of a configuration's packs, loaded and compiled once (errors name the pack file and field). */
export function narrativeModels(config?: Pick<ResolvedConfig, 'narratives'>): NarrativeModel[] {
  const raw = config?.narratives ?? [];
  const key = raw.join('\0');
  // Called for every document: a configuration seen before costs one lookup.
  const cached = byConfig.get(key);
  if (cached) return cached;
  const specs = splitPackSpecs(raw);
  if (specs.length === 1 && specs[0] === NO_NARRATIVES) return [];
  const list = loadPacks(packSpecsOf(config)).map(modelOf);
  if (byConfig.size >= 16) byConfig.clear();
  byConfig.set(key, list);
  return list;
}

/** Evidence sentences kept per narrative, and the score below which a narrative keeps none. */
const MAX_EVIDENCE = 3;
const MIN_EVIDENCE_SCORE = 0.2;
/** Items not chosen that still get evidence (the strongest of those above MIN_EVIDENCE_SCORE), one sentence each. */
const MAX_NEAR = 2;
/** A word counts as model evidence when its weight for the narrative is at least this. */
const MIN_MODEL_WEIGHT = 0.6;
const MAX_MODEL_CUES = 3;

/** Words a sentence needs to be shown as evidence without a cue of its own. */
const MIN_EVIDENCE_WORDS = 3;

function wordsIn(doc: Doc, s: number): number {
  const sent = doc.sentences[s]!;
  let n = 0;
  for (let i = sent.tokenStart; i < sent.tokenEnd && n < MIN_EVIDENCE_WORDS; i++) if (doc.tokens.kind[i] === K_WORD) n++;
  return n;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const round = (x: number) => Math.round(x * 1e4) / 1e4;

/** Whether sentence s holds explicit evidence (a hit) of item l. */
function hasHit(r: PackScores, s: number, l: number): boolean {
  const { hits, hitOff } = r.ev;
  for (let h = hitOff[s]!, e = hitOff[s + 1]!; h < e; h++) if (hits[h]!.item === l) return true;
  return false;
}

/** Evidence sentences of label l, each with the first token of its first cue (-1: none). */
function evidenceFor(ctx: LayerContext, model: NarrativeModel, sig: DocSignals, r: PackScores, l: number, chosen: boolean): Array<{ e: NarrativeEvidence; cueTok: number }> {
  const { doc } = ctx;
  const L = r.L;
  const z = r.z;
  // Sentences that lean to the narrative (logit at least 0, a belief of one half) or hold its cues.
  // A sentence of fewer than MIN_EVIDENCE_WORDS words ("3.", "Notes") says too little to show as
  // evidence unless it holds the item's own cue.
  // Only the strongest `keep` are shown: they are selected (logit descending, then reading order, as
  // a sort of all of them would order them) rather than all of them sorted.
  const keep = chosen ? MAX_EVIDENCE : 1;
  const ranked = topSentences(r, l, keep, (s) => hasHit(r, s, l) || (z[s * L + l]! >= 0 && wordsIn(doc, s) >= MIN_EVIDENCE_WORDS));
  if (ranked.length === 0 && chosen && r.S > 0) {
    let best = -1;
    for (let s = 0; s < r.S; s++) if (wordsIn(doc, s) >= MIN_EVIDENCE_WORDS && (best < 0 || z[s * L + l]! > z[best * L + l]!)) best = s;
    if (best >= 0) ranked.push(best);
  }
  const t = doc.tokens;
  const { hits, hitOff } = r.ev;
  const out: Array<{ e: NarrativeEvidence; cueTok: number }> = [];
  for (let j = 0; j < ranked.length; j++) {
    const s = ranked[j]!;
    const cues: NarrativeCue[] = [];
    // The voice is read at the first of the pack's own cues (a quoted "genocide" is the source's
    // word however the sentence begins), else at the first word the model leaned on.
    let cueTok = -1;
    let modelTok = -1;
    for (let h = hitOff[s]!; h < hitOff[s + 1]!; h++) {
      const hit = hits[h]!;
      if (hit.item === l) {
        const sp = ctx.span(t.start[hit.a]!, t.end[hit.b - 1]!);
        cues.push({ start: sp.start, end: sp.end, text: sp.text, kind: hit.kind });
        if (cueTok < 0 || hit.a < cueTok) cueTok = hit.a;
      }
    }
    for (const [a, b] of model.leaningWords(doc, sig, s, l, MIN_MODEL_WEIGHT, MAX_MODEL_CUES)) {
      const sp = ctx.span(t.start[a]!, t.end[b - 1]!);
      let inside = false;
      for (let k = 0; k < cues.length && !inside; k++) inside = cues[k]!.start <= sp.start && sp.end <= cues[k]!.end;
      if (!inside) {
        cues.push({ start: sp.start, end: sp.end, text: sp.text, kind: 'model' });
        if (modelTok < 0 || a < modelTok) modelTok = a;
      }
    }
    if (cueTok < 0) cueTok = modelTok;
    if (cues.length > 1) cues.sort((a, b) => a.start - b.start || b.end - a.end);
    const sent = doc.sentences[s]!;
    const sp = ctx.span(sent.start, sent.end);
    const e: NarrativeEvidence = { start: sp.start, end: sp.end, text: sp.text, sentence: s, score: round(sigmoid(z[s * L + l]!)), voice: voiceAt(ctx, s, cueTok >= 0 ? cueTok : -1), cues };
    out.push({ e, cueTok });
  }
  return out;
}

/** Builds `report.narratives` from the packs' scores. */
export function buildNarratives(ctx: LayerContext, models: readonly NarrativeModel[]): NarrativesReport {
  const actors = ctx.need(ACTORS);
  const sourcing = ctx.need(SOURCING);
  const voice = ctx.need(VOICE);
  const items: NarrativeScore[] = [];
  const chosenSets: Uint8Array[] = [];
  let dominant: { model: NarrativeModel; r: PackScores; l: number; evidence: Array<{ e: NarrativeEvidence; cueTok: number }> } | null = null;
  for (const model of models) {
    const pack = model.pack;
    const sig = signalsOf(ctx.doc, pack, ctx.report.frames, actors, sourcing, voice);
    const r = model.score(ctx.doc, sig);
    chosenSets.push(r.chosen);
    // Evidence for the chosen items, and for the strongest few of the others that come close.
    const near = strongestItems(r.prob, r.chosen, MIN_EVIDENCE_SCORE, MAX_NEAR);
    for (const it of pack.items) {
      const l = it.index;
      const chosen = r.chosen[l] === 1;
      const evidence = chosen || near.includes(l) ? evidenceFor(ctx, model, sig, r, l, chosen) : [];
      items.push({
        id: it.id,
        label: it.label,
        pack: pack.name,
        level: it.level,
        parent: it.parent >= 0 ? pack.items[it.parent]!.id : null,
        score: round(r.prob[l]!),
        chosen,
        evidence: evidence.map((x) => x.e),
      });
      if (chosen && it.level === 'narrative' && (!dominant || r.prob[l]! > dominant.r.prob[dominant.l]!)) dominant = { model, r, l, evidence };
    }
  }
  const labels = labelsOfChoice(models.map((m) => m.pack), chosenSets);
  let dom: NarrativesReport['dominant'] = null;
  if (dominant) {
    const { model, r, l, evidence } = dominant;
    const it = model.pack.items[l]!;
    const sources = evidence.map((x) => ({ sentence: x.e.sentence, cueA: x.cueTok, cueB: x.cueTok }));
    dom = { id: it.id, label: it.label, pack: model.pack.name, score: round(r.prob[l]!), explanation: explain(ctx.doc, sources, ctx.span) };
  }
  return {
    packs: models.map((m) => ({ name: m.pack.name, title: m.pack.title, version: m.pack.version })),
    items,
    narratives: labels.narratives,
    subnarratives: labels.subnarratives,
    dominant: dom,
  };
}

/** Report layer: which narratives of the configured packs the text carries, with evidence. */
export const narrativesLayer: ReportLayer = {
  name: 'narratives',
  needs: ['frames', 'actors', 'voice'],
  apply(ctx) {
    const models = narrativeModels(ctx.config);
    if (models.length === 0) return;
    ctx.report.narratives = buildNarratives(ctx, models);
  },
};

// Frames, intensity and misleading headlines on the PTC training articles (no labels for these
// layers exist; gold propaganda span density serves as an external check on intensity). Reads the
// data from ../shared/data (FRAMEWISE_DATA overrides) at run time only; prints numbers, no text.
// Run: npx tsx scripts/eval-ptc-frames-intensity.ts
import { readFileSync } from 'node:fs';
import { misleadingHeadlineDetector } from '../src/detectors/misleading-headline/detector.js';
import { FrameAnalyser } from '../src/layers/frames/analyse.js';
import { spearman } from '../src/layers/intensity/calibration.js';
import { IntensityScorer } from '../src/layers/intensity/score.js';
import { dataFile } from '../src/model/resources.js';
import { toOriginalSpan } from '../src/text/normalise.js';
import { segment } from '../src/text/segment.js';
import { preparedVocab } from '../src/lexicon/per-vocab.js';

/** Texts are tokenised with one vocabulary, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

interface Rec {
  text: string;
  spans: Array<{ technique: string }>;
}
const recs: Rec[] = readFileSync(dataFile('ptc/train.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Rec);
const scorer = new IntensityScorer();
const frames = new FrameAnalyser();
const scores: number[] = [];
const density: number[] = [];
const loadedDensity: number[] = [];
const bands: Record<string, number> = {};
const dominant: Record<string, number> = {};
const rules: Record<string, number> = {};
let headlines = 0;
let flagged = 0;
for (const r of recs) {
  const doc = segment(r.text, vocab);
  const span = (s: number, e: number) => {
    const [a, b] = toOriginalSpan(doc.nt, s, e);
    return { start: a, end: b, text: r.text.slice(a, b) };
  };
  const i = scorer.score(doc, span);
  bands[i.band] = (bands[i.band] ?? 0) + 1;
  const top = frames.analyse(doc, span).dominant[0] ?? 'none';
  dominant[top] = (dominant[top] ?? 0) + 1;
  const words = doc.words || 1;
  scores.push(i.score);
  density.push((r.spans.length * 1000) / words);
  loadedDensity.push((r.spans.filter((s) => s.technique === 'Loaded_Language' || s.technique.startsWith('Name_Calling')).length * 1000) / words);
  if (!doc.headline) continue;
  headlines++;
  const out: string[] = [];
  misleadingHeadlineDetector.create({ doc, report: (f) => out.push(f.ruleId ?? '') });
  if (out.length === 0) continue;
  flagged++;
  rules[out[0]!] = (rules[out[0]!] ?? 0) + 1;
}
console.log({ documents: recs.length, intensityBands: bands });
console.log({ spearmanIntensityVsSpanDensity: +spearman(scores, density).toFixed(3), spearmanIntensityVsLoadedNameCalling: +spearman(scores, loadedDensity).toFixed(3) });
console.log({ headlines, flagged, byRule: rules });
console.log({ dominantFrames: dominant });

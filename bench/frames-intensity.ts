// Throughput of the frames and intensity layers alone (segmentation excluded), and of the
// misleading-headline detector, on the generated news-like corpus. Run: npx tsx bench/frames-intensity.ts [MB]
import { corpusTexts } from './corpus.mjs';
import { FrameAnalyser } from '../src/layers/frames/analyse.js';
import { IntensityScorer } from '../src/layers/intensity/score.js';
import { misleadingHeadlineDetector } from '../src/detectors/misleading-headline/detector.js';
import { toOriginalSpan } from '../src/text/normalise.js';
import { segment, type Doc } from '../src/text/segment.js';
import { preparedVocab } from '../src/lexicon/per-vocab.js';

/** Texts are tokenised with one vocabulary, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

const mb = Number(process.argv[2] ?? 2);
const texts = corpusTexts(mb);
const bytes = texts.reduce((s, t) => s + Buffer.byteLength(t), 0);
const docs: Doc[] = texts.map((t) => segment(t, vocab));
const frames = new FrameAnalyser();
const intensity = new IntensityScorer();
const span = (doc: Doc) => (s: number, e: number) => {
  const [a, b] = toOriginalSpan(doc.nt, s, e);
  return { start: a, end: b, text: doc.nt.original.slice(a, b) };
};

function time(name: string, fn: (d: Doc) => void): void {
  for (const d of docs.slice(0, 20)) fn(d); // warm-up
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  for (const d of docs) fn(d);
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  // CPU time is what the code costs; wall time also counts waiting for a shared, busy machine.
  const cpu = (c.user + c.system) / 1000;
  const rate = (t: number) => (bytes / 1e6 / (t / 1000)).toFixed(2);
  console.log(`${name.padEnd(20)} cpu ${rate(cpu)} MB/s ${(cpu / docs.length).toFixed(3)} ms/doc | wall ${rate(ms)} MB/s  (${docs.length} docs, ${(bytes / 1e6).toFixed(1)} MB)`);
}

time('frames', (d) => frames.analyse(d, span(d)));
time('intensity', (d) => intensity.score(d, span(d)));
time('misleading-headline', (d) => misleadingHeadlineDetector.create({ doc: d, report: () => {} }));

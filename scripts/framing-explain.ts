/**
 * Why the framing model casts each mention of a text as it does: every feature of the mention with its
 * weight toward each main role, strongest first (a reading aid for people checking a report).
 *   npx tsx scripts/framing-explain.ts FILE [--top N]
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Analyzer } from '../src/analysis/analyzer.js';
import { analysisSpans, ruleFindings, sentenceClasses } from '../src/layers/framing/spans.js';
import { docContext, featureName, mentionFeatures } from '../src/layers/framing/features.js';
import { shippedFramingModel, MAIN_CLASSES } from '../src/layers/framing/model.js';
import { createLayerContext } from '../src/layers/contract.js';
import { ACTORS } from '../src/layers/actors/layer.js';
import { VOICE } from '../src/layers/voice/product.js';
import { SOURCING } from '../src/layers/sourcing/analyse.js';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '8' } } });
const file = positionals[0];
if (!file) throw new Error('usage: framing-explain FILE');
const text = readFileSync(file, 'utf8');
const model = shippedFramingModel();
if (!model) throw new Error('no framing model');
const analyzer = new Analyzer({ model: null });
const report = analyzer.analyze(text, { layers: false });
const doc = analyzer.segment(text);
const ctx = createLayerContext({ doc, report, span: (s, e) => ({ start: s, end: e, text: text.slice(s, e) }), config: analyzer.config });
const actors = ctx.need(ACTORS);
const voice = ctx.need(VOICE);
const sourcing = ctx.need(SOURCING);
const spans = analysisSpans(actors);
const dc = docContext(doc, spans, voice, model.stems, ruleFindings(doc, report.findings), model.valence, sentenceClasses(sourcing));
const top = Number(values.top);
spans.forEach((m, k) => {
  const { keys } = mentionFeatures(dc, k);
  const p = model.main(keys);
  const a = doc.tokens.start[m.a]!;
  const b = doc.tokens.end[m.b - 1]!;
  const rows = keys.map((key) => ({ key, w: MAIN_CLASSES.map((_c, c) => model.weightOf(key, c)) }));
  rows.sort((x, y) => Math.max(...y.w.map(Math.abs)) - Math.max(...x.w.map(Math.abs)));
  console.log(`\n${doc.text.slice(a, b)} [${m.type}] ${MAIN_CLASSES.map((c, i) => `${c.slice(0, 4)} ${p[i]!.toFixed(2)}`).join(' ')}`);
  for (const r of rows.slice(0, top)) console.log(`   ${featureName(r.key, model.stems.stems).padEnd(28)} ${r.w.map((x) => x.toFixed(2).padStart(6)).join(' ')}`);
});

import pc from 'picocolors';
import type { Report } from '../../core/report.js';
import type { IntensityBand } from './score.js';

const GAUGE_WIDTH = 30;
/** Zero is the lowest bar, so that every sentence has a cell. */
const STRIP = '▁▂▃▄▅▆▇█';

type Colors = ReturnType<typeof pc.createColors>;
function bandPaint(c: Colors, band: IntensityBand): (s: string) => string {
  switch (band) {
    case 'neutral': return c.green;
    case 'mild': return c.cyan;
    case 'moderate': return c.yellow;
    case 'strong': return c.magenta;
    case 'extreme': return c.red;
  }
}

/** One character per sentence, height by score: where in the text the heat is. */
export function heatStrip(scores: readonly number[], max = 80): string {
  const chars = scores.map((s) => STRIP[Math.min(STRIP.length - 1, Math.ceil((s / 100) * (STRIP.length - 1)))]!);
  if (chars.length <= max) return chars.join('');
  // Long documents: the hottest sentence of each bucket.
  const out: string[] = [];
  for (let b = 0; b < max; b++) {
    const from = Math.floor((b * scores.length) / max);
    const to = Math.floor(((b + 1) * scores.length) / max);
    let m = 0;
    for (let i = from; i < to; i++) m = Math.max(m, scores[i]!);
    out.push(STRIP[Math.min(STRIP.length - 1, Math.ceil((m / 100) * (STRIP.length - 1)))]!);
  }
  return out.join('');
}

/** Pretty section: a 0..100 gauge with the band, the per-sentence heat strip and what contributed. */
export function intensitySection(report: Report, colors: boolean): string | null {
  const i = report.intensity;
  if (!i) return null;
  const c = pc.createColors(colors);
  const paint = bandPaint(c, i.band);
  const filled = Math.round((i.score / 100) * GAUGE_WIDTH);
  const gauge = `[${paint('█'.repeat(filled))}${c.dim('░'.repeat(GAUGE_WIDTH - filled))}]`;
  const lines = [`${c.bold('Intensity')}  ${gauge} ${paint(`${i.score.toFixed(0)} ${i.band}`)}  ${c.dim(`peak ${i.peak.toFixed(0)}`)}`];
  if (i.sentences.length > 1) lines.push(`  ${c.dim('sentences')} ${heatStrip(i.sentences.map((s) => s.score))}`);
  if (i.contributions.length > 0) lines.push(`  ${i.contributions.map((k) => `${k.kind} ${k.points} (${k.count})`).join(c.dim(' · '))}`);
  const hottest = [...i.sentences].sort((a, b) => b.score - a.score || a.index - b.index)[0];
  if (hottest && hottest.score > 0) {
    const words = hottest.contributions.map((x) => x.text).filter((t, k, a) => a.indexOf(t) === k).slice(0, 6);
    lines.push(`  ${c.dim('hottest')} sentence ${hottest.index + 1} (${hottest.score.toFixed(0)} ${hottest.band}): ${words.map((w) => `"${w}"`).join(', ')}`);
  }
  return lines.join('\n');
}

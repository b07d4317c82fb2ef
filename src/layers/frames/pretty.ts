import pc from 'picocolors';
import type { Report } from '../../core/report.js';
import { frameInfo, type FrameId } from '../../core/frames.js';

const BAR_WIDTH = 40;
/** One key letter per frame, so the bar reads without colours too. */
export const FRAME_KEYS: Record<FrameId, string> = {
  economic: 'E', 'capacity-and-resources': 'C', morality: 'M', 'fairness-and-equality': 'F',
  'legality-constitutionality-jurisprudence': 'L', 'policy-prescription-and-evaluation': 'P', 'crime-and-punishment': 'X',
  'security-and-defense': 'S', 'health-and-safety': 'H', 'quality-of-life': 'Q', 'cultural-identity': 'I',
  'public-opinion': 'O', political: 'G', 'external-regulation-and-reputation': 'R',
};

type Colors = ReturnType<typeof pc.createColors>;
const PAINTS: Array<(c: Colors, s: string) => string> = [
  (c, s) => c.bgRed(c.white(s)), (c, s) => c.bgBlue(c.white(s)), (c, s) => c.bgYellow(c.black(s)), (c, s) => c.bgGreen(c.black(s)),
  (c, s) => c.bgMagenta(c.white(s)), (c, s) => c.bgCyan(c.black(s)), (c, s) => c.bgWhite(c.black(s)),
];

/** Splits `width` cells among shares by largest remainder, so the cells always add up to the width. */
export function allocateCells(shares: number[], width: number): number[] {
  const total = shares.reduce((s, x) => s + x, 0);
  if (total <= 0) return shares.map(() => 0);
  const exact = shares.map((x) => (x / total) * width);
  const cells = exact.map(Math.floor);
  let left = width - cells.reduce((s, x) => s + x, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    cells[i]!++;
  }
  return cells;
}

/** Pretty section: a stacked bar of the document's frame mix, then each frame's share and cues. */
export function framesSection(report: Report, colors: boolean): string | null {
  const f = report.frames;
  if (!f) return null;
  const c = pc.createColors(colors);
  if (f.frames.length === 0) return `${c.bold('Frames')}  ${c.dim('no framing evidence')}`;
  const shown = f.frames.slice(0, 7);
  const cells = allocateCells(shown.map((e) => e.score), BAR_WIDTH);
  const bar = shown.map((e, k) => {
    const key = FRAME_KEYS[e.frame];
    return cells[k]! > 0 ? (colors ? PAINTS[k % PAINTS.length]!(c, key.repeat(cells[k]!)) : key.repeat(cells[k]!)) : '';
  }).join('');
  const lines = [`${c.bold('Frames')}  ${bar}  ${c.dim(f.dominant.length ? `dominant: ${f.dominant.join(', ')}` : 'no dominant frame')}`];
  const width = Math.max(...shown.map((e) => frameInfo(e.frame).name.length));
  shown.forEach((e, k) => {
    const key = FRAME_KEYS[e.frame];
    const tag = colors ? PAINTS[k % PAINTS.length]!(c, ` ${key} `) : `[${key}]`;
    // A frame can rest on the sentence classifier alone: say so rather than print an empty cue list.
    const cues = e.cues.length ? e.cues.slice(0, 6).map((q) => (q.source === 'classifier' ? c.dim(q.text) : q.text)).join(', ') : c.dim('(classifier only, no cue words)');
    lines.push(`  ${tag} ${frameInfo(e.frame).name.padEnd(width)} ${String(Math.round(e.score * 100)).padStart(3)}%  ${cues}`);
  });
  if (f.frames.length > shown.length) lines.push(c.dim(`  + ${f.frames.length - shown.length} weaker frame(s)`));
  return lines.join('\n');
}


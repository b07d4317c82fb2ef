import pc from 'picocolors';
import type { Report } from '../../core/report.js';
import type { SourcingClass } from './classify.js';

const LABEL: Record<SourcingClass, string> = {
  'quote': 'quote',
  'attributed-named': 'named',
  'cited': 'cited',
  'attributed-vague': 'vague',
  'hearsay': 'hearsay',
  'unattributed-claim': 'no source',
  'opinion': 'opinion',
};

/** Terminal section: a sourcing bar (one character per 2.5% of sentences) and the quotations' verbs. */
export function sourcingSection(report: Report, colors: boolean): string | null {
  const s = report.sourcing;
  if (!s || s.sentences.length === 0) return null;
  const c = pc.createColors(colors);
  const paint: Record<SourcingClass, (x: string) => string> = {
    'quote': c.green,
    'attributed-named': c.blue,
    'cited': c.blueBright,
    'attributed-vague': c.yellow,
    'hearsay': c.magenta,
    'unattributed-claim': c.red,
    'opinion': c.cyan,
  };
  const classes = Object.keys(LABEL) as SourcingClass[];
  const width = 40;
  let bar = '';
  for (const k of classes) bar += paint[k]((colors ? '█' : k[0] === 'a' ? (k === 'attributed-named' ? 'N' : 'V') : k[0]!.toUpperCase()).repeat(Math.round(s.shares[k] * width)));
  const legend = classes.filter((k) => s.counts[k] > 0).map((k) => `${paint[k](LABEL[k])} ${Math.round(s.shares[k] * 100)}%`).join('  ');
  const lines = [`${c.bold('Sourcing')}  ${bar}`, `  ${legend}  ${c.dim(`(vague, hearsay or no source: ${Math.round(s.weakShare * 100)}% of ${s.sentences.length} sentences)`)}`];
  const q = (report.quotations ?? []).filter((x) => x.kind === 'speech' && !x.nested);
  if (q.length > 0) {
    const loaded = q.filter((x) => x.verb?.tone === 'loaded');
    // Who speaks each quotation: the voice layer's reading where it ran (it also reads naming verbs:
    // 'X calls them "..."'), else the sourcing layer's attribution.
    const speakerOf = (x: (typeof q)[number]) =>
      report.voices?.find((v) => v.quoted && v.start < x.content.end && v.end > x.content.start && v.speaker)?.speaker ?? x.speaker?.resolved ?? null;
    const who = q.map(speakerOf);
    const speakers = new Set(who.filter(Boolean));
    const unattributed = who.filter((x) => !x).length;
    lines.push(
      `${c.bold('Quotes')}  ${q.length} from ${speakers.size} speaker(s)` + (unattributed ? `, ${unattributed} with none named` : '') +
        (loaded.length ? `; loaded verbs: ${loaded.map((x) => `"${x.verb!.text}" (${x.verb!.note})`).join(', ')}` : ''),
    );
  }
  return lines.join('\n');
}

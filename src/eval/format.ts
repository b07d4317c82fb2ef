import { PTC_LABELS } from '../core/taxonomy.js';
import type { EvalResult } from './results.js';
import { NO_PREDICTION } from './scorers.js';

/** Column heads of the confusion matrix. */
const SHORT: Record<(typeof PTC_LABELS)[number], string> = {
  Loaded_Language: 'LoadL',
  'Name_Calling,Labeling': 'NameC',
  Repetition: 'Repet',
  'Exaggeration,Minimisation': 'Exagg',
  Doubt: 'Doubt',
  'Appeal_to_fear-prejudice': 'Fear',
  'Flag-Waving': 'Flag',
  Causal_Oversimplification: 'Causl',
  Slogans: 'Slogn',
  Appeal_to_Authority: 'Auth',
  'Black-and-White_Fallacy': 'B&W',
  'Thought-terminating_Cliches': 'ThTrm',
  'Bandwagon,Reductio_ad_hitlerum': 'Bandw',
  'Whataboutism,Straw_Men,Red_Herring': 'WhatA',
};

const r4 = (x: number) => Math.round(x * 10000) / 10000;
const pct = (x: number) => (x * 100).toFixed(1).padStart(5);

/** The machine-readable result: {"si": {p,r,f1}, "tc": {microF1, perTechnique}, "flc": {p,r,f1}}. */
export function evalJson(res: EvalResult): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (res.si) out.si = { p: r4(res.si.p), r: r4(res.si.r), f1: r4(res.si.f1), predSpans: res.si.predSpans, goldSpans: res.si.goldSpans };
  if (res.tc) {
    out.tc = {
      microF1: r4(res.tc.microF1),
      microP: r4(res.tc.microP),
      microR: r4(res.tc.microR),
      goldInstances: res.tc.goldInstances,
      perTechnique: Object.fromEntries(PTC_LABELS.map((l) => {
        const t = res.tc!.perTechnique[l];
        return [l, { p: r4(t.p), r: r4(t.r), f1: r4(t.f1), gold: t.gold, pred: t.pred }];
      })),
      confusion: res.tc.confusion,
    };
  }
  if (res.flc) {
    out.flc = {
      p: r4(res.flc.p), r: r4(res.flc.r), f1: r4(res.flc.f1),
      perTechnique: Object.fromEntries(PTC_LABELS.map((l) => {
        const t = res.flc!.perTechnique[l];
        return [l, { p: r4(t.p), r: r4(t.r), f1: r4(t.f1) }];
      })),
    };
  }
  return out;
}

/** A plain-text report: headline scores, per-technique table, TC confusion matrix. */
export function evalTable(res: EvalResult): string {
  const lines: string[] = [];
  if (res.si) lines.push(`SI   P ${pct(res.si.p)}  R ${pct(res.si.r)}  F1 ${pct(res.si.f1)}   (${res.si.predSpans} predicted, ${res.si.goldSpans} gold spans)`);
  if (res.tc) lines.push(`TC   micro-F1 ${pct(res.tc.microF1)}   (${res.tc.correct} of ${res.tc.goldInstances} gold instances right)`);
  if (res.flc) lines.push(`FLC  P ${pct(res.flc.p)}  R ${pct(res.flc.r)}  F1 ${pct(res.flc.f1)}`);
  if (res.tc || res.flc) {
    lines.push('', `${'technique'.padEnd(36)} ${res.tc ? '  TC P   TC R  TC F1' : ''}${res.flc ? ' FLC F1' : ''}   gold`);
    for (const l of PTC_LABELS) {
      const t = res.tc?.perTechnique[l];
      const f = res.flc?.perTechnique[l];
      const gold = t ? t.gold : f!.goldSpans;
      lines.push(`${l.padEnd(36)} ${t ? `${pct(t.p)}  ${pct(t.r)}  ${pct(t.f1)}` : ''}${f ? `  ${pct(f.f1)}` : ''}  ${String(gold).padStart(5)}`);
    }
  }
  if (res.tc) {
    const short = PTC_LABELS.map((l) => SHORT[l]);
    lines.push('', 'TC confusion (rows gold, columns predicted; "none": no prediction)');
    lines.push(`${''.padEnd(36)} ${[...short, 'none'].map((s) => s.padStart(6)).join('')}`);
    for (const g of PTC_LABELS) {
      const row = res.tc.confusion[g];
      lines.push(`${g.padEnd(36)} ${[...PTC_LABELS, NO_PREDICTION].map((p) => String(row[p as keyof typeof row]).padStart(6)).join('')}`);
    }
  }
  return lines.join('\n') + '\n';
}

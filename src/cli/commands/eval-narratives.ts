import { Analyzer } from '../../analysis/analyzer.js';
import type { ResolvedConfig } from '../../core/config.js';
import { UserError } from '../../core/errors.js';
import { scoreNarratives, type LevelScore, type NarrativeEvaluation, type NarrativeRecord } from '../../eval/narratives.js';
import { packSpecsOf } from '../../layers/narratives/layer.js';
import { loadPacks } from '../../layers/narratives/pack.js';
import { canonicalRecord, loadNarrativeRecords } from '../../training/narratives.js';

/**
 * `framewise eval --task narratives`: samples-averaged F1 of narratives and sub-narratives
 * (SemEval-2025 Task 10 subtask 2) of predictions against gold records. Without --pred, framewise
 * analyses the gold texts with the configured packs; gold labels may be the taxonomy's label
 * strings or (for one pack) its ids.
 */
export function evalNarratives(goldFile: string, predFile: string | undefined, config: ResolvedConfig): NarrativeEvaluation {
  let gold = loadNarrativeRecords(goldFile, { requireText: !predFile });
  let pred: NarrativeRecord[];
  if (predFile) {
    const byId = new Map(loadNarrativeRecords(predFile, { requireText: false }).map((r) => [r.id, r]));
    pred = gold.map((g) => byId.get(g.id) ?? { id: g.id, narratives: [], subnarratives: [] });
    const stray = [...byId.keys()].find((id) => !gold.some((g) => g.id === id));
    if (stray !== undefined) throw new UserError(`${predFile}: record "${stray}" has no gold record in ${goldFile}`, { file: predFile });
  } else {
    const specs = packSpecsOf(config);
    if (specs.length === 0 && (config.narratives ?? []).length > 0) throw new UserError('--task narratives: no narrative packs loaded (--narratives none)');
    const packs = loadPacks(specs);
    gold = gold.map((g) => canonicalRecord(packs, g, `${goldFile}: record ${g.id}`));
    const analyzer = new Analyzer({ config, model: null });
    pred = gold.map((g) => {
      const n = analyzer.analyze(g.text!).narratives;
      return { id: g.id, narratives: n?.narratives ?? [], subnarratives: n?.subnarratives ?? [] };
    });
  }
  return scoreNarratives(gold, pred);
}

const r4 = (x: number) => Math.round(x * 10000) / 10000;

function levelJson(l: LevelScore) {
  return {
    f1: r4(l.f1),
    f1Carrying: r4(l.f1Carrying),
    std: r4(l.std),
    documents: l.documents,
    carrying: l.carrying,
    perLabel: Object.fromEntries(l.perLabel.map((x) => [x.label, { p: r4(x.precision), r: r4(x.recall), f1: r4(x.f1), support: x.support, tp: x.tp, fp: x.fp, fn: x.fn }])),
  };
}

/** {"narratives": {"f1", "perLabel", ...}, "subnarratives": {...} | null}. */
export function narrativesEvalJson(e: NarrativeEvaluation): Record<string, unknown> {
  return { narratives: levelJson(e.narratives), subnarratives: e.subnarratives ? levelJson(e.subnarratives) : null };
}

export function narrativesEvalTable(e: NarrativeEvaluation): string {
  const out: string[] = [];
  const level = (name: string, l: LevelScore) => {
    out.push(`${name}: samples-F1 ${l.f1.toFixed(4)} over ${l.documents} documents (std ${l.std.toFixed(3)}); on the ${l.carrying} carrying a narrative: ${l.f1Carrying.toFixed(4)}`);
    const w = Math.min(70, Math.max(5, ...l.perLabel.map((x) => x.label.length)));
    out.push(`  ${'label'.padEnd(w)}  support     P      R     F1`);
    for (const x of l.perLabel) {
      const label = x.label.length > w ? x.label.slice(0, w - 1) + '…' : x.label;
      out.push(`  ${label.padEnd(w)}  ${String(x.support).padStart(7)}  ${x.precision.toFixed(3)}  ${x.recall.toFixed(3)}  ${x.f1.toFixed(3)}`);
    }
    out.push('');
  };
  level('Narratives', e.narratives);
  if (e.subnarratives) level('Sub-narratives', e.subnarratives);
  else out.push('Sub-narratives: the gold records do not annotate them.\n');
  return out.join('\n');
}

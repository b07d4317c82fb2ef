import type { GroupBy, LayerComparison } from '../core/compare.js';
import type { DocumentFilter } from '../core/documents.js';
import { ActorsAccumulator } from '../layers/actors/aggregate.js';
import { FramesAccumulator } from '../layers/frames/aggregate.js';
import { IntensityAccumulator } from '../layers/intensity/aggregate.js';
import { SourcingAccumulator } from '../layers/sourcing/aggregate.js';
import type { Store } from '../store/types.js';
import { groupKeysOf } from './groups.js';
import type { Report } from '../core/report.js';

export type { GroupLayers, LayerComparison } from '../core/compare.js';

export interface LayerOptions {
  by: GroupBy;
  where?: DocumentFilter;
  tagPrefix?: string;
  /** Actors listed per group (default 12). */
  actors?: number;
}

interface GroupAcc {
  documents: number;
  frames: FramesAccumulator;
  intensity: IntensityAccumulator;
  sourcing: SourcingAccumulator;
  actors: ActorsAccumulator;
}

/**
 * Groups documents (by outlet, tag or author, as compareGroups does) and aggregates each group's
 * layer sections with the layers' own accumulators, one report at a time: memory grows with the
 * number of groups and actors, not of documents.
 */
export class LayerAccumulator {
  private readonly groups = new Map<string, GroupAcc>();

  constructor(private readonly options: LayerOptions) {}

  add(doc: Parameters<typeof groupKeysOf>[0], report: Report): void {
    for (const key of new Set(groupKeysOf(doc, this.options.by, this.options.tagPrefix))) {
      let g = this.groups.get(key);
      if (!g) {
        g = { documents: 0, frames: new FramesAccumulator(), intensity: new IntensityAccumulator(), sourcing: new SourcingAccumulator(), actors: new ActorsAccumulator() };
        this.groups.set(key, g);
      }
      g.documents++;
      g.frames.add(report);
      g.intensity.add(report);
      g.sourcing.add(report);
      g.actors.add(report);
    }
  }

  result(engineKey: string): LayerComparison {
    const groups = [...this.groups]
      .map(([key, g]) => ({
        key,
        documents: g.documents,
        frames: g.frames.result(),
        intensity: g.intensity.result(),
        sourcing: g.sourcing.result(),
        actors: g.actors.result().slice(0, this.options.actors ?? 12),
      }))
      .sort((a, b) => b.documents - a.documents || a.key.localeCompare(b.key));
    return { by: this.options.by, where: this.options.where ?? {}, engineKey, groups };
  }
}

/** Streams the analysed corpus once and compares the groups' layer sections. */
export async function compareLayers(store: Store, engineKey: string, options: LayerOptions): Promise<LayerComparison> {
  const acc = new LayerAccumulator(options);
  for await (const { doc, report } of store.iterateAnalysed(engineKey, options.where)) acc.add(doc, report);
  return acc.result(engineKey);
}

/** Formats the layer comparison as a terminal table: sourcing, intensity, frames and actors per group. */
export function layersToTable(c: LayerComparison): string {
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const lines = ['', 'Sourcing, intensity, frames and actors per group', ''];
  const head = ['group', 'docs', 'weak sourcing', 'cited', 'loaded verbs', 'intensity mean/p90', 'top frames', 'actors (dominant role)'];
  const rows = c.groups.map((g) => {
    const frames = Object.entries(g.frames.mix)
      .filter(([, v]) => v > 0)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, 2)
      .map(([k, v]) => `${k} ${pct(v)}`)
      .join(', ');
    const actors = g.actors.slice(0, 3).map((a) => `${a.name} (${a.dominantRole})`).join(', ');
    return [g.key, String(g.documents), pct(g.sourcing.weakShare), pct(g.sourcing.shares.cited ?? 0), pct(g.sourcing.loadedVerbShare), `${g.intensity.mean}/${g.intensity.p90}`, frames || '–', actors || '–'];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  lines.push(fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt));
  return lines.join('\n') + '\n';
}

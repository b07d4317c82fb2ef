import { aggregateActors, type ActorAggregate } from '../actors/aggregate.js';
import { groupKeysOf } from '../compare/groups.js';
import type { GroupBy } from '../compare/types.js';
import type { Report } from '../core/report.js';
import { aggregateFrames, type FrameAggregate } from '../frames/aggregate.js';
import { aggregateIntensity, type IntensityAggregate } from '../intensity/aggregate.js';
import { aggregateSourcing, type SourcingAggregate } from '../sourcing/aggregate.js';
import type { DocumentFilter, Store } from '../store/types.js';

/** The report layers of one group of documents: frame mix, intensity distribution, sourcing, actor portrayal. */
export interface GroupLayers {
  key: string;
  documents: number;
  frames: FrameAggregate;
  intensity: IntensityAggregate;
  sourcing: SourcingAggregate;
  /** The most mentioned actors (at most `actors`). */
  actors: ActorAggregate[];
}

export interface LayerComparison {
  by: GroupBy;
  where: DocumentFilter;
  engineKey: string;
  /** Largest groups (by documents) first, like the technique comparison. */
  groups: GroupLayers[];
}

type LayerParts = Pick<Report, 'frames' | 'intensity' | 'sourcing' | 'quotations' | 'claims' | 'actors'>;

/**
 * Groups the analysed documents (by outlet, tag or author, as compareGroups does) and aggregates each
 * group's layer sections with the layers' own aggregators. Keeps only the layer sections in memory.
 */
export async function compareLayers(
  store: Store,
  engineKey: string,
  options: { by: GroupBy; where?: DocumentFilter; tagPrefix?: string; actors?: number },
): Promise<LayerComparison> {
  const parts = new Map<string, LayerParts[]>();
  for await (const { doc, report } of store.iterateAnalysed(engineKey, options.where)) {
    const slim: LayerParts = { frames: report.frames, intensity: report.intensity, sourcing: report.sourcing, quotations: report.quotations, claims: report.claims, actors: report.actors };
    for (const key of groupKeysOf(doc, options.by, options.tagPrefix)) {
      const list = parts.get(key);
      if (list) list.push(slim);
      else parts.set(key, [slim]);
    }
  }
  const groups = [...parts]
    .map(([key, reports]) => ({
      key,
      documents: reports.length,
      frames: aggregateFrames(reports),
      intensity: aggregateIntensity(reports),
      sourcing: aggregateSourcing(reports),
      actors: aggregateActors(reports).slice(0, options.actors ?? 12),
    }))
    .sort((a, b) => b.documents - a.documents || a.key.localeCompare(b.key));
  return { by: options.by, where: options.where ?? {}, engineKey, groups };
}

import type { ResolvedConfig } from '../core/config.js';
import type { Report, SpanRef } from '../core/report.js';
import type { Doc } from '../text/segment.js';

/**
 * A named piece of one document's analysis that a layer computes and later layers read: the
 * sourcing layer's attributions and quotes, the actors layer's mentions. `compute` runs at most once
 * per document and context, on first need, so a layer gets it whether or not its producer ran.
 */
export interface Product<T> {
  readonly name: string;
  compute(ctx: LayerContext): T;
}

export function defineProduct<T>(name: string, compute: (ctx: LayerContext) => T): Product<T> {
  return { name, compute };
}

/** What a report layer gets to work with. */
export interface LayerContext {
  doc: Doc;
  report: Report;
  /** Maps a canonical span of `doc.text` to the original input: offsets and text. */
  span(start: number, end: number): SpanRef;
  /** The analyzer's configuration (layers read user lexicon directories from it). */
  config?: ResolvedConfig;
  /** A product of this document, computed once (by whichever layer first needs it). */
  need<T>(product: Product<T>): T;
}

/**
 * A report layer adds one section to the report from the segmented document, the technique
 * findings and what earlier layers produced. It must be deterministic.
 */
export interface ReportLayer {
  /** Stable name, also used in `errors[].detector` as `layer:<name>`. */
  name: string;
  /** Names of the layers whose report sections this one reads; they run first. */
  needs?: readonly string[];
  apply(ctx: LayerContext): void;
}

/** A context for one document; products live as long as it does. */
export function createLayerContext(base: Omit<LayerContext, 'need'>): LayerContext {
  const made = new Map<Product<unknown>, unknown>();
  const ctx: LayerContext = {
    ...base,
    need<T>(p: Product<T>): T {
      if (made.has(p)) return made.get(p) as T;
      const v = p.compute(ctx);
      made.set(p, v);
      return v;
    },
  };
  return ctx;
}

/**
 * Orders layers so that each runs after the layers it needs, keeping the given order otherwise.
 * Throws on a need that no listed layer meets or on a cycle: a programming error in the list.
 */
export function orderLayers(layers: readonly ReportLayer[]): ReportLayer[] {
  const byName = new Map<string, ReportLayer>();
  for (const l of layers) {
    if (byName.has(l.name)) throw new Error(`two report layers are named "${l.name}"`);
    byName.set(l.name, l);
  }
  const out: ReportLayer[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (l: ReportLayer, from: string[]) => {
    const s = state.get(l.name);
    if (s === 'done') return;
    if (s === 'visiting') throw new Error(`report layers need each other in a circle: ${[...from, l.name].join(' -> ')}`);
    state.set(l.name, 'visiting');
    for (const n of l.needs ?? []) {
      const dep = byName.get(n);
      if (!dep) throw new Error(`report layer "${l.name}" needs "${n}", which is not in the list`);
      visit(dep, [...from, l.name]);
    }
    state.set(l.name, 'done');
    out.push(l);
  };
  for (const l of layers) visit(l, []);
  return out;
}

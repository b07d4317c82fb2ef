import type { Report } from '../core/report.js';
import { ALIGN_DEFAULTS, alignFacts, changedNumbers, containment, vagueCount, type Fact } from './align.js';
import { checkHeadline } from './headline.js';
import { numberKey } from './terms.js';
import type { Evidence, FactCell, FactRef, StoryFact, StoryVersion, StoryView } from '../core/stories.js';
import { unitsOf, type Unit } from './units.js';

/**
 * One story, version by version: which facts each carries, which only its group carries, which most
 * others carry and it leaves out (with the sentences that carry them elsewhere), and whether its
 * headline says what some version's body supports. The same rules for every group.
 */

export interface VersionInput {
  id: number;
  title: string | null;
  outlet: string | null;
  publishedAt: string | null;
  url: string | null;
  tags: string[];
  text: string;
  /** The stored analysis for the current engine, or null when there is none. */
  report: Report | null;
}

export interface StoryOptions {
  /** Tags with this prefix name a document's group (default `camp:`); without one, its outlet does. */
  tagPrefix?: string;
  alignThreshold?: number;
  coverage?: number;
}

export const DEFAULT_TAG_PREFIX = 'camp:';

/** A document's group: its first tag with the prefix (without the prefix), else its outlet. */
export function groupOf(doc: { tags: string[]; outlet: string | null }, prefix = DEFAULT_TAG_PREFIX): string {
  const tag = prefix ? doc.tags.find((t) => t.startsWith(prefix) && t.length > prefix.length) : undefined;
  return tag ? tag.slice(prefix.length) : (doc.outlet ?? 'unknown');
}

/** The omission rule: more than half of the other versions carry the fact, and at least two do. */
export function isMajorityOfOthers(carriersAmongOthers: number, others: number): boolean {
  return carriersAmongOthers >= 2 && carriersAmongOthers * 2 > others;
}

/** Roles from entity framing, when the report carries them (report.actors[].framing.role). */
function rolesOf(report: Report | null): StoryVersion['roles'] {
  const out: NonNullable<StoryVersion['roles']> = [];
  for (const a of report?.actors ?? []) {
    const role = (a as { framing?: { role?: unknown } }).framing?.role;
    if (typeof role === 'string') out.push({ actor: a.id, name: a.name, role });
  }
  return out.length > 0 ? out : undefined;
}

/**
 * Narratives the report carries, when it has that layer: the chosen items of `report.narratives`,
 * read as a list of `{ id, label, chosen }` or as `{ items: [...] }` (the narratives layer's report).
 */
function narrativesOf(report: Report | null): StoryVersion['narratives'] {
  const raw = (report as { narratives?: unknown } | null)?.narratives;
  const list = Array.isArray(raw) ? raw : raw && typeof raw === 'object' && Array.isArray((raw as { items?: unknown }).items) ? (raw as { items: unknown[] }).items : null;
  if (!list) return undefined;
  return list
    .filter((n): n is { id: string; label?: unknown; chosen: true } => !!n && typeof n === 'object' && (n as { chosen?: unknown }).chosen === true && typeof (n as { id?: unknown }).id === 'string')
    .map((n) => ({ id: n.id, label: typeof n.label === 'string' ? n.label : n.id }));
}

interface Placed {
  unit: Unit;
  status: 'present' | 'changed';
}

export function analyseStory(story: { id: number; title: string; firstAt: string | null; lastAt: string | null }, versions: VersionInput[], options: StoryOptions = {}): StoryView {
  const prefix = options.tagPrefix ?? DEFAULT_TAG_PREFIX;
  const coverage = options.coverage ?? ALIGN_DEFAULTS.coverage;
  const groups = versions.map((v) => groupOf(v, prefix));
  const unitsByDoc = versions.map((v) => (v.report ? unitsOf(v.id, v.text, v.report, v.title) : []));
  const allUnits = unitsByDoc.flat();
  const facts = alignFacts(allUnits, options.alignThreshold ?? ALIGN_DEFAULTS.threshold);

  // Where each version carries each fact.
  const placed: Array<Array<Placed | null>> = facts.map((f) =>
    versions.map((v, vi) => {
      if (!v.report) return null;
      const own = f.units.find((u) => u.doc === v.id);
      const unit = own ?? (f.units.length > 1 ? bestCover(f, unitsByDoc[vi]!, coverage) : null);
      return unit ? { unit, status: changedNumbers(f, unit) ? 'changed' : 'present' } : null;
    }),
  );
  const carriers = placed.map((row) => row.filter(Boolean).length);
  // Facts carried by more versions first; then in the order the versions tell them.
  const order = facts.map((_, i) => i).sort((a, b) => carriers[b]! - carriers[a]! || firstPosition(facts[a]!, versions) - firstPosition(facts[b]!, versions));
  const ids = new Map(order.map((fi, k) => [fi, `f${k + 1}`]));
  const analysed = versions.filter((v) => v.report).length;

  const storyFacts: StoryFact[] = order.map((fi) => {
    const f = facts[fi]!;
    const rep = representative(f);
    const cells: FactCell[] = versions.map((v, vi) => {
      const p = placed[fi]![vi];
      if (!p) return { documentId: v.id, status: 'absent' };
      return { documentId: v.id, status: p.status, start: p.unit.start, end: p.unit.end, text: p.unit.text, numbers: p.unit.numbers.map((n) => n.surface) };
    });
    const carrying = versions.map((_, vi) => vi).filter((vi) => placed[fi]![vi]);
    return {
      id: ids.get(fi)!,
      kind: rep.kind,
      text: rep.text,
      numbers: rep.numbers.filter((n) => f.numbers.has(numberKey(n.value))).map((n) => n.surface),
      speaker: f.units.map((u) => u.speaker).find((s) => s) ?? null,
      sources: [...new Set(f.units.map((u) => u.source).filter((s): s is string => !!s))],
      actors: [...new Set(f.units.flatMap((u) => u.actors))],
      carriedBy: carrying.length,
      groups: [...new Set(carrying.map((vi) => groups[vi]!))].sort(),
      cells,
    };
  });
  const ref = (fi: number): FactRef => ({ fact: ids.get(fi)!, text: representative(facts[fi]!).text });
  const distinctGroups = new Set(groups.filter((_, vi) => versions[vi]!.report)).size;

  const documents: StoryVersion[] = versions.map((v, vi) => {
    const shares: FactRef[] = [];
    const only: FactRef[] = [];
    const changed: FactRef[] = [];
    const omits: StoryVersion['omits'] = [];
    if (v.report) {
      for (const fi of order) {
        const mine = placed[fi]![vi];
        const n = carriers[fi]!;
        if (mine) {
          if (n >= 2 && n * 2 >= analysed) shares.push(ref(fi));
          if (mine.status === 'changed') changed.push(ref(fi));
          const carryingGroups = new Set(versions.map((_, o) => o).filter((o) => placed[fi]![o]).map((o) => groups[o]));
          if (distinctGroups > 1 && carryingGroups.size === 1 && !unitsAreOpinion(facts[fi]!)) only.push(ref(fi));
        } else if (isMajorityOfOthers(n, analysed - 1)) {
          const evidence: Evidence[] = versions.flatMap((o, oi) => {
            const p = placed[fi]![oi];
            return p ? [{ documentId: o.id, outlet: o.outlet, group: groups[oi]!, start: p.unit.start, end: p.unit.end, text: p.unit.text }] : [];
          });
          omits.push({ ...ref(fi), carriedBy: n, others: analysed - 1, evidence });
        }
      }
    }
    const headlineText = v.title ?? v.report?.headline?.text ?? null;
    const roles = rolesOf(v.report);
    const narratives = narrativesOf(v.report);
    return {
      id: v.id,
      title: v.title,
      outlet: v.outlet,
      group: groups[vi]!,
      publishedAt: v.publishedAt,
      url: v.url,
      analysed: v.report !== null,
      headline: headlineText && v.report ? checkHeadline(headlineText, unitsByDoc.filter((_, o) => versions[o]!.report)) : null,
      shares,
      only,
      omits,
      changed,
      sources: [...new Set(unitsByDoc[vi]!.map((u) => u.source).filter((s): s is string => !!s))],
      ...(roles ? { roles } : {}),
      ...(narratives ? { narratives } : {}),
    };
  });

  const groupNames = [...new Set(groups)].sort();
  const blindSpots = groupNames
    .map((g) => {
      const mine = documents.filter((d) => d.group === g && d.analysed);
      if (mine.length === 0) return { group: g, facts: [] };
      const common = mine[0]!.omits.filter((o) => mine.every((d) => d.omits.some((x) => x.fact === o.fact)));
      return { group: g, facts: common.map((o) => ({ fact: o.fact, text: o.text })) };
    })
    .filter((b) => b.facts.length > 0);

  return {
    id: story.id,
    title: story.title,
    firstAt: story.firstAt,
    lastAt: story.lastAt,
    groups: groupNames.map((g) => ({ group: g, documents: groups.filter((x) => x === g).length })),
    documents,
    facts: storyFacts,
    blindSpots,
  };
}

function unitsAreOpinion(f: Fact): boolean {
  return f.units.every((u) => u.opinion);
}

/**
 * The unit of another version that contains most of the fact's core, if it contains enough; else
 * one that tells the fact's count vaguely ("some residents left"), which is the fact, changed.
 */
function bestCover(f: Fact, units: Unit[], threshold: number): Unit | null {
  let best: Unit | null = null;
  let bestScore = threshold;
  for (const u of units) {
    const c = containment(f, u);
    if (c >= bestScore) {
      best = u;
      bestScore = c;
    }
  }
  return best ?? units.find((u) => vagueCount(f, u)) ?? null;
}

/** The unit that holds most of the fact's core (ties: the earlier version). */
function representative(f: Fact): Unit {
  let best = f.units[0]!;
  let bestScore = -1;
  for (const u of f.units) {
    const c = containment(f, u);
    if (c > bestScore) {
      best = u;
      bestScore = c;
    }
  }
  return best;
}

function firstPosition(f: Fact, versions: VersionInput[]): number {
  let best = Infinity;
  for (const u of f.units) best = Math.min(best, versions.findIndex((v) => v.id === u.doc) * 1e6 + u.start);
  return best;
}

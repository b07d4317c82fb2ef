import { isDescribed, type ActorType } from '../../core/actors.js';
import { FRAMING_ROLES, type ArchetypeId, type FramingRole } from '../../core/framing.js';
import type { Report } from '../../core/report.js';
import type { ActorAggregate } from '../../core/compare.js';

export type { ActorAggregate } from '../../core/compare.js';

const zero = (): Record<FramingRole, number> => ({ protagonist: 0, antagonist: 0, innocent: 0, unframed: 0 });

/** Accumulates the actors layer one report at a time (memory grows with distinct actors, not documents). */
export class ActorsAccumulator {
  private readonly acc = new Map<string, ActorAggregate & { terms: Map<string, number>; arch: Map<ArchetypeId, number> }>();

  add(r: Pick<Report, 'actors'>): void {
    for (const a of r.actors ?? []) {
      if (isDescribed(a.id)) continue;
      let x = this.acc.get(a.id);
      if (!x) {
        x = {
          id: a.id, name: a.name, type: a.type, documents: 0, mentions: 0, roles: zero(), roleShares: zero(), dominantRole: 'unframed',
          archetypes: [], sourceRoles: zero(), asSource: 0, loadedTerms: [], terms: new Map(), arch: new Map(),
        };
        this.acc.set(a.id, x);
      }
      x.documents++;
      x.mentions += a.mentions.length;
      const f = a.framing;
      x.roles[f?.role ?? 'unframed']++;
      for (const t of f?.archetypes ?? []) x.arch.set(t.id, (x.arch.get(t.id) ?? 0) + 1);
      const srcRoles = new Set((f?.byVoice ?? []).filter((v) => v.kind === 'source').map((v) => v.role));
      for (const role of srcRoles) x.sourceRoles[role]++;
      if ((a.sourceOf ?? []).length > 0) x.asSource++;
      for (const t of a.loadedTerms) {
        const k = t.text.toLowerCase();
        x.terms.set(k, (x.terms.get(k) ?? 0) + 1);
      }
    }
  }

  /** Most-mentioned actors first. */
  result(): ActorAggregate[] {
    const out: ActorAggregate[] = [];
    for (const { terms, arch, ...rest } of this.acc.values()) {
      const x: ActorAggregate = { ...rest, roles: { ...rest.roles }, roleShares: zero(), sourceRoles: { ...rest.sourceRoles } };
      for (const r of FRAMING_ROLES) x.roleShares[r] = Math.round((x.roles[r] / x.documents) * 1000) / 1000;
      const cast = FRAMING_ROLES.filter((r) => r !== 'unframed');
      const max = Math.max(...cast.map((r) => x.roles[r]));
      const top = cast.filter((r) => x.roles[r] === max);
      x.dominantRole = max > 0 && top.length === 1 ? top[0]! : 'unframed';
      x.archetypes = [...arch].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 5).map(([id, documents]) => ({ id, documents }));
      x.loadedTerms = [...terms].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 10).map(([term, count]) => ({ term, count }));
      out.push(x);
    }
    out.sort((a, b) => b.documents - a.documents || b.mentions - a.mentions || (a.id < b.id ? -1 : 1));
    return out;
  }
}

/** Aggregates the actors layer of many reports, most-mentioned actors first. */
export function aggregateActors(reports: Iterable<Pick<Report, 'actors'>>): ActorAggregate[] {
  const acc = new ActorsAccumulator();
  for (const r of reports) acc.add(r);
  return acc.result();
}

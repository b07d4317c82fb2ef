import type { Report } from '../../core/report.js';
import type { PortrayalRole } from './portrayal.js';
import type { ActorAggregate } from '../../core/compare.js';

const ROLES: PortrayalRole[] = ['aggressor', 'victim', 'authority', 'neutral'];

/** Accumulates the actors layer one report at a time (memory grows with distinct actors, not documents). */
export class ActorsAccumulator {
  private readonly acc = new Map<string, ActorAggregate & { terms: Map<string, number> }>();

  add(r: Pick<Report, 'actors'>): void {
    for (const a of r.actors ?? []) {
      let x = this.acc.get(a.id);
      if (!x) {
        x = {
          id: a.id, name: a.name, type: a.type, documents: 0, mentions: 0,
          roles: { aggressor: 0, victim: 0, authority: 0, neutral: 0 },
          roleShares: { aggressor: 0, victim: 0, authority: 0, neutral: 0 },
          dominantRole: 'neutral', loadedTerms: [], terms: new Map(),
        };
        this.acc.set(a.id, x);
      }
      x.documents++;
      x.mentions += a.mentions.length;
      x.roles[a.portrayal.role]++;
      for (const t of a.loadedTerms) {
        const k = t.text.toLowerCase();
        x.terms.set(k, (x.terms.get(k) ?? 0) + 1);
      }
    }
  }

  /** Most-mentioned actors first. */
  result(): ActorAggregate[] {
    const out: ActorAggregate[] = [];
    for (const { terms, ...rest } of this.acc.values()) {
      const x: ActorAggregate = { ...rest, roles: { ...rest.roles }, roleShares: { ...rest.roleShares } };
      for (const r of ROLES) x.roleShares[r] = Math.round((x.roles[r] / x.documents) * 1000) / 1000;
      const cast = ROLES.filter((r) => r !== 'neutral');
      const max = Math.max(...cast.map((r) => x.roles[r]));
      const top = cast.filter((r) => x.roles[r] === max);
      x.dominantRole = max > 0 && top.length === 1 ? top[0]! : 'neutral';
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

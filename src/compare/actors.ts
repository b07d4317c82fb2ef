import { isDescribed, type ActorType } from '../core/actors.js';
import { FRAMING_ROLES, type FramingRole } from '../core/framing.js';
import type { Report } from '../core/report.js';
import type { DocumentFilter, DocumentSummary } from '../core/documents.js';
import type { Store } from '../store/types.js';
import { groupKeysOf } from './groups.js';
import { benjaminiHochberg, clopperPearson, fisherExact } from './stats.js';
import type { ActorComparison, ActorCasting, GroupBy, RoleShare } from '../core/compare.js';

export type { ActorComparison, ActorCasting, ActorGroupCasting, RoleShare } from '../core/compare.js';

/**
 * How each group (outlet, tag, author) casts each actor: among the group's documents that mention
 * the actor, the share that cast it in each role (the author's casting), with an exact interval, and
 * whether the share differs significantly from the rest of the corpus (Fisher's exact test,
 * Benjamini-Hochberg over every actor, group and role tested).
 */

export interface ActorCompareOptions {
  by: GroupBy;
  where?: DocumentFilter;
  tagPrefix?: string;
  alpha?: number;
  /** Actors listed (most documents first; default 20). */
  actors?: number;
  /** Actors mentioned in fewer documents are left out (default 3). */
  minDocuments?: number;
}

interface Acc {
  name: string;
  type: ActorType;
  documents: number;
  byGroup: Map<string, { documents: number; roles: Record<FramingRole, number> }>;
}

const zero = (): Record<FramingRole, number> => ({ protagonist: 0, antagonist: 0, innocent: 0, unframed: 0 });

/** Accumulates reports one at a time: memory grows with actors times groups, not documents. */
export class ActorCastingAccumulator {
  private readonly acc = new Map<string, Acc>();
  private readonly groupDocs = new Map<string, number>();

  constructor(private readonly options: ActorCompareOptions) {}

  add(doc: Pick<DocumentSummary, 'outlet' | 'author' | 'tags'>, report: Pick<Report, 'actors'>): void {
    const keys = [...new Set(groupKeysOf(doc, this.options.by, this.options.tagPrefix))];
    if (keys.length === 0) return;
    for (const k of keys) this.groupDocs.set(k, (this.groupDocs.get(k) ?? 0) + 1);
    for (const a of report.actors ?? []) {
      if (a.type === 'place' || a.type === 'event' || isDescribed(a.id)) continue;
      let x = this.acc.get(a.id);
      if (!x) this.acc.set(a.id, (x = { name: a.name, type: a.type, documents: 0, byGroup: new Map() }));
      x.documents++;
      const role = a.framing?.role ?? 'unframed';
      for (const k of keys) {
        let g = x.byGroup.get(k);
        if (!g) x.byGroup.set(k, (g = { documents: 0, roles: zero() }));
        g.documents++;
        g.roles[role]++;
      }
    }
  }

  result(engineKey: string, where: DocumentFilter = {}): ActorComparison {
    const alpha = this.options.alpha ?? 0.05;
    const min = this.options.minDocuments ?? 3;
    const chosen = [...this.acc].filter(([, x]) => x.documents >= min)
      .sort((a, b) => b[1].documents - a[1].documents || (a[0] < b[0] ? -1 : 1))
      .slice(0, this.options.actors ?? 20);
    const tests: Array<{ p: number; cell: RoleShare }> = [];
    const actors: ActorCasting[] = chosen.map(([id, x]) => {
      const total = zero();
      let docs = 0;
      for (const g of x.byGroup.values()) { docs += g.documents; for (const r of FRAMING_ROLES) total[r] += g.roles[r]; }
      const groups = [...x.byGroup].sort((a, b) => b[1].documents - a[1].documents || a[0].localeCompare(b[0])).map(([key, g]) => {
        const roles = {} as Record<FramingRole, RoleShare>;
        for (const r of FRAMING_ROLES) {
          const a = g.roles[r];
          const b = g.documents - a;
          const c = total[r] - a;
          const d = docs - g.documents - c;
          const rest = docs - g.documents;
          // Only when there is a rest to compare with.
          const p = rest > 0 ? fisherExact(a, b, c, d) : 1;
          const cell: RoleShare = {
            documents: a, share: round(a / g.documents), ci: clopperPearson(a, g.documents, alpha).map(round) as [number, number],
            restShare: rest > 0 ? round(c / rest) : 0, p, q: 1, significant: false,
          };
          if (rest > 0) tests.push({ p, cell });
          roles[r] = cell;
        }
        return { key, documents: g.documents, roles };
      });
      return { id, name: x.name, type: x.type, documents: x.documents, groups };
    });
    const q = benjaminiHochberg(tests.map((t) => t.p));
    tests.forEach((t, k) => { t.cell.q = round(q[k]!, 4); t.cell.p = round(t.p, 4); t.cell.significant = q[k]! < alpha; });
    const groups = [...this.groupDocs].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([k]) => k);
    return { by: this.options.by, where, engineKey, alpha, groups, actors };
  }
}

const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;

/** Streams the analysed corpus once and compares how groups cast each actor. */
export async function compareActors(store: Store, engineKey: string, options: ActorCompareOptions): Promise<ActorComparison> {
  const acc = new ActorCastingAccumulator(options);
  for await (const { doc, report } of store.iterateAnalysed(engineKey, options.where)) acc.add(doc, report);
  return acc.result(engineKey, options.where ?? {});
}

/** A terminal table: per actor and group, the share of documents casting it in each role; * marks a significant difference from the rest. */
export function actorsToTable(c: ActorComparison): string {
  const pct = (s: RoleShare) => `${Math.round(s.share * 100)}%${s.significant ? '*' : ''}`;
  const head = ['actor', 'group', 'docs', 'protagonist', 'antagonist', 'innocent', 'unframed'];
  const rows: string[][] = [];
  for (const a of c.actors) {
    for (const g of a.groups) rows.push([a.name, g.key, String(g.documents), pct(g.roles.protagonist), pct(g.roles.antagonist), pct(g.roles.innocent), pct(g.roles.unframed)]);
  }
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  const lines = ['', `How each ${c.by} casts the actors (share of its documents that mention the actor; * differs from the rest at FDR ${c.alpha})`, ''];
  if (rows.length === 0) lines.push('(no actor is mentioned in enough documents)');
  else lines.push(fmt(head), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt));
  return lines.join('\n') + '\n';
}

/** CSV: one row per actor, group and role. */
export function actorsToCsv(c: ActorComparison): string {
  const q = (x: string) => (/[",\n]/.test(x) ? `"${x.replace(/"/g, '""')}"` : x);
  const lines = ['actor,name,group,documents,role,cast,share,ci_low,ci_high,rest_share,p,q,significant'];
  for (const a of c.actors) {
    for (const g of a.groups) {
      for (const r of FRAMING_ROLES) {
        const x = g.roles[r];
        lines.push([q(a.id), q(a.name), q(g.key), g.documents, r, x.documents, x.share, x.ci[0], x.ci[1], x.restShare, x.p, x.q, x.significant].join(','));
      }
    }
  }
  return lines.join('\n') + '\n';
}

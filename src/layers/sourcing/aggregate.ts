import type { Report } from '../../core/report.js';
import { SOURCING_CLASSES, type SourcingClass } from './classify.js';
import type { SourcingAggregate } from '../../core/compare.js';

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const zero = () => Object.fromEntries(SOURCING_CLASSES.map((c) => [c, 0])) as Record<SourcingClass, number>;

/** Accumulates the sourcing, quotation and claims layers one report at a time (counts only). */
export class SourcingAccumulator {
  private readonly counts = zero();
  private readonly shareSums = zero();
  private documents = 0;
  private sentences = 0;
  private quotations = 0;
  private loaded = 0;
  private claims = 0;
  private unsourced = 0;
  private accusations = 0;
  private noEvidence = 0;

  add(r: Pick<Report, 'sourcing' | 'quotations' | 'claims'>): void {
    if (!r.sourcing) return;
    this.documents++;
    this.sentences += r.sourcing.sentences.length;
    for (const c of SOURCING_CLASSES) {
      // Reports stored before a class existed (`cited`) have no entry for it.
      this.counts[c] += r.sourcing.counts[c] ?? 0;
      this.shareSums[c] += r.sourcing.shares[c] ?? 0;
    }
    for (const q of r.quotations ?? []) {
      if (q.kind !== 'speech' || q.nested) continue;
      this.quotations++;
      if (q.verb?.tone === 'loaded') this.loaded++;
    }
    for (const c of r.claims ?? []) {
      this.claims++;
      if (c.source.class === 'unattributed-claim' || c.source.class === 'opinion') this.unsourced++;
      if (c.accusation) {
        this.accusations++;
        if (!c.accusation.evidence) this.noEvidence++;
      }
    }
  }

  result(): SourcingAggregate {
    const { counts, sentences, documents, quotations, claims } = this;
    const shares = zero();
    const meanShares = zero();
    for (const c of SOURCING_CLASSES) {
      shares[c] = sentences ? r3(counts[c] / sentences) : 0;
      meanShares[c] = documents ? r3(this.shareSums[c] / documents) : 0;
    }
    return {
      documents,
      sentences,
      counts: { ...counts },
      shares,
      meanShares,
      weakShare: sentences ? r3((counts['attributed-vague'] + counts.hearsay + counts['unattributed-claim']) / sentences) : 0,
      quotations,
      loadedVerbShare: quotations ? r3(this.loaded / quotations) : 0,
      claims,
      unsourcedClaimShare: claims ? r3(this.unsourced / claims) : 0,
      accusations: this.accusations,
      accusationsWithoutEvidence: this.noEvidence,
    };
  }
}

/** Aggregates the sourcing, quotation and claims layers of many reports; reports without them are skipped. */
export function aggregateSourcing(reports: Iterable<Pick<Report, 'sourcing' | 'quotations' | 'claims'>>): SourcingAggregate {
  const acc = new SourcingAccumulator();
  for (const r of reports) acc.add(r);
  return acc.result();
}

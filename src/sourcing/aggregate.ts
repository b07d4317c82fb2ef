import type { Report } from '../core/report.js';
import { SOURCING_CLASSES, type SourcingClass } from './classify.js';

/** Sourcing of a group of documents (an outlet, a period), for `framewise compare`. */
export interface SourcingAggregate {
  documents: number;
  sentences: number;
  /** Sentences per class, pooled over the group. */
  counts: Record<SourcingClass, number>;
  /** Pooled shares (every sentence weighs the same). */
  shares: Record<SourcingClass, number>;
  /** Mean of the per-document shares (every document weighs the same). */
  meanShares: Record<SourcingClass, number>;
  /** Pooled share of sentences with a vague source, hearsay or no source. */
  weakShare: number;
  quotations: number;
  /** Share of direct-speech quotations introduced by a loaded verb ("claimed", "admitted"). */
  loadedVerbShare: number;
  claims: number;
  /** Share of check-worthy claims with no source (unattributed or the author's opinion). */
  unsourcedClaimShare: number;
  accusations: number;
  /** Accusations with no stated evidence. */
  accusationsWithoutEvidence: number;
}

const r3 = (x: number) => Math.round(x * 1000) / 1000;
const zero = () => Object.fromEntries(SOURCING_CLASSES.map((c) => [c, 0])) as Record<SourcingClass, number>;

/** Aggregates the sourcing, quotation and claims layers of many reports; reports without them are skipped. */
export function aggregateSourcing(reports: Iterable<Pick<Report, 'sourcing' | 'quotations' | 'claims'>>): SourcingAggregate {
  const counts = zero();
  const shareSums = zero();
  let documents = 0;
  let sentences = 0;
  let quotations = 0;
  let loaded = 0;
  let claims = 0;
  let unsourced = 0;
  let accusations = 0;
  let noEvidence = 0;
  for (const r of reports) {
    if (!r.sourcing) continue;
    documents++;
    sentences += r.sourcing.sentences.length;
    for (const c of SOURCING_CLASSES) {
      counts[c] += r.sourcing.counts[c];
      shareSums[c] += r.sourcing.shares[c];
    }
    for (const q of r.quotations ?? []) {
      if (q.kind !== 'speech' || q.nested) continue;
      quotations++;
      if (q.verb?.tone === 'loaded') loaded++;
    }
    for (const c of r.claims ?? []) {
      claims++;
      if (c.source.class === 'unattributed-claim' || c.source.class === 'opinion') unsourced++;
      if (c.accusation) {
        accusations++;
        if (!c.accusation.evidence) noEvidence++;
      }
    }
  }
  const shares = zero();
  const meanShares = zero();
  for (const c of SOURCING_CLASSES) {
    shares[c] = sentences ? r3(counts[c] / sentences) : 0;
    meanShares[c] = documents ? r3(shareSums[c] / documents) : 0;
  }
  return {
    documents,
    sentences,
    counts,
    shares,
    meanShares,
    weakShare: sentences ? r3((counts['attributed-vague'] + counts.hearsay + counts['unattributed-claim']) / sentences) : 0,
    quotations,
    loadedVerbShare: quotations ? r3(loaded / quotations) : 0,
    claims,
    unsourcedClaimShare: claims ? r3(unsourced / claims) : 0,
    accusations,
    accusationsWithoutEvidence: noEvidence,
  };
}

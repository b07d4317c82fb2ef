import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { TextAnalyzer } from '../../core/report.js';
import { parseYamlFile } from '../../core/yaml.js';
import { prf, type PRF } from '../sourcing/evaluate.js';
import { CLAIM_TYPES } from './detect.js';

const GoldClaim = z
  .object({
    text: z.string().min(1),
    type: z.enum([...CLAIM_TYPES, 'none']),
    hedging: z.enum(['certain', 'hedged', 'conditional']).optional(),
    accuser: z.string().nullable().optional(),
    accused: z.string().nullable().optional(),
    charges: z.array(z.string()).optional(),
    evidence: z.boolean().optional(),
  })
  .strict();

/** `claims` is the development set; `claims-blind` was written after the rules were frozen. */
export type ClaimSet = 'claims' | 'claims-blind';

export function loadClaimFixtures(set: ClaimSet = 'claims'): Array<z.infer<typeof GoldClaim>> {
  const file = fileURLToPath(new URL(`./fixtures/${set}.yaml`, import.meta.url));
  return parseYamlFile(file, readFileSync(file, 'utf8'), z.array(GoldClaim));
}

export interface ClaimEvaluation {
  checkWorthy: PRF;
  type: { total: number; correct: number };
  hedging: { total: number; correct: number };
  accuser: { total: number; correct: number };
  accused: { total: number; correct: number };
  charges: { total: number; correct: number };
  evidence: { total: number; correct: number };
  errors: string[];
}

const norm = (s: string | null | undefined) => (s ?? '').toLowerCase().replace(/^the\s+/, '');

/** Detection, type, hedging and accusation-part accuracy on the hand-annotated claims. */
export function evaluateClaims(analyzer: TextAnalyzer, set: ClaimSet = 'claims'): ClaimEvaluation {
  const ev: ClaimEvaluation = {
    checkWorthy: prf(0, 0, 0), type: { total: 0, correct: 0 }, hedging: { total: 0, correct: 0 }, accuser: { total: 0, correct: 0 },
    accused: { total: 0, correct: 0 }, charges: { total: 0, correct: 0 }, evidence: { total: 0, correct: 0 }, errors: [],
  };
  let tp = 0;
  let predicted = 0;
  let support = 0;
  const tally = (k: keyof Omit<ClaimEvaluation, 'checkWorthy' | 'errors'>, ok: boolean, what: string) => {
    ev[k].total++;
    if (ok) ev[k].correct++;
    else ev.errors.push(what);
  };
  for (const g of loadClaimFixtures(set)) {
    const claim = analyzer.analyze(g.text).claims?.[0];
    if (g.type !== 'none') support++;
    if (claim) predicted++;
    if (claim && g.type !== 'none') tp++;
    if (!claim !== (g.type === 'none')) ev.errors.push(`check-worthy: expected ${g.type}, got ${claim?.type ?? 'none'}: ${g.text}`);
    if (!claim || g.type === 'none') continue;
    tally('type', claim.type === g.type, `type: expected ${g.type}, got ${claim.type}: ${g.text}`);
    if (g.hedging) tally('hedging', claim.hedging === g.hedging, `hedging: expected ${g.hedging}, got ${claim.hedging}: ${g.text}`);
    const a = claim.accusation;
    if (g.accuser !== undefined) {
      const got = a?.accuser?.text ?? null;
      tally('accuser', g.accuser === null ? got === null : norm(got).includes(norm(g.accuser)), `accuser: expected ${g.accuser}, got ${got}: ${g.text}`);
    }
    if (g.accused !== undefined) {
      const got = a?.accused?.text ?? null;
      tally('accused', g.accused === null ? got === null : norm(got).includes(norm(g.accused)), `accused: expected ${g.accused}, got ${got}: ${g.text}`);
    }
    if (g.charges) tally('charges', JSON.stringify([...(a?.charges ?? [])].sort()) === JSON.stringify([...g.charges].sort()), `charges: expected ${g.charges}, got ${a?.charges}: ${g.text}`);
    if (g.evidence !== undefined) tally('evidence', (a?.evidence != null) === g.evidence, `evidence: expected ${g.evidence}, got ${a?.evidence?.text ?? 'none'}: ${g.text}`);
  }
  ev.checkWorthy = prf(tp, predicted, support);
  return ev;
}

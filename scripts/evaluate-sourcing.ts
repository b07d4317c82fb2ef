// Scores the sourcing, quotation and claims layers on their hand-annotated fixture tables
// and writes the section "Sourcing, quotes and claims" of docs/evaluation.md (other sections are
// left as they are). Run: npx tsx scripts/evaluate-sourcing.ts [--print]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Analyzer } from '../src/analysis/analyzer.js';
import { evaluateClaims } from '../src/layers/claims/evaluate.js';
import { SOURCING_CLASSES } from '../src/layers/sourcing/classify.js';
import { evaluateClasses, evaluateQuotations, loadClassFixtures, loadQuoteFixtures, type ClassSet } from '../src/layers/sourcing/evaluate.js';

const DOC = fileURLToPath(new URL('../docs/evaluation.md', import.meta.url));
const START = '<!-- sourcing-quotes-claims:start -->';
const END = '<!-- sourcing-quotes-claims:end -->';

const analyzer = new Analyzer({ model: null });
const f2 = (x: number) => x.toFixed(2);
const pct = (c: number, t: number) => (t ? `${c}/${t} (${((100 * c) / t).toFixed(0)}%)` : 'n/a');

function classTable(set: ClassSet): string[] {
  const ev = evaluateClasses(analyzer, set);
  const rows = SOURCING_CLASSES.map((c) => {
    const p = ev.perClass[c];
    return `| ${c} | ${p.support} | ${f2(p.precision)} | ${f2(p.recall)} | ${f2(p.f1)} |`;
  });
  return [
    '| class | sentences | precision | recall | F1 |',
    '|---|---:|---:|---:|---:|',
    ...rows,
    `| **all** | ${ev.total} | | accuracy ${f2(ev.accuracy)} | macro ${f2(ev.macroF1)} |`,
  ];
}

const q = evaluateQuotations(analyzer);
const qb = evaluateQuotations(analyzer, 'quotations-blind');
const cd = evaluateClaims(analyzer, 'claims');
const cb = evaluateClaims(analyzer, 'claims-blind');
const sizes = (['classes', 'classes-heldout', 'classes-blind'] as const).map((s) => loadClassFixtures(s).length);
const quoteTexts = loadQuoteFixtures().length + loadQuoteFixtures('quotations-blind').length;

const lines = [
  '## Sourcing, quotes and claims',
  '',
  START,
  `Measured by \`npx tsx scripts/evaluate-sourcing.ts\` (rules only, no model) on tables written for this project: ` +
    `${sizes[0]} + ${sizes[1]} + ${sizes[2]} sentences annotated with a sourcing class, ${quoteTexts} texts with ${q.quotes + qb.quotes} annotated quotations, ` +
    `${cd.checkWorthy.support + cb.checkWorthy.support} claims. ` +
    'The tables live in `src/layers/sourcing/fixtures/` and `src/layers/claims/fixtures/`; the tests in those folders ' +
    'fail when the scores fall under floors set a little below these numbers.',
  '',
  'Read the numbers with care. The development tables were written together with the rules and are fitted to them. ' +
    'The held-out tables were written after the rules were frozen, by the same author: `classes-heldout` was scored blind once ' +
    '(accuracy 0.77, macro F1 0.77), then its misses prompted general fixes (base verb forms, plural unnamed sources, relative clauses, ' +
    'reports of reports), so its score below is no longer blind; `classes-blind`, `quotations-blind` and `claims-blind` were scored once and ' +
    'the rules were not changed because of them. Later, reading real news (the PTC training articles, never copied) showed that loaded ' +
    'terms of violence and disaster ("plague", "devastating") made factual sentences opinions, so only the evaluative sections of the ' +
    'loaded-terms lexicon now mark opinion; that cost the blind set one opinion sentence (its first run: accuracy 0.90, macro F1 0.90). ' +
    'Same-author sentences are easier than real news, so expect lower scores on real articles. ' +
    'The class `cited` (footnote and reference markers) came later: its 22 development sentences were written with the rule, and its ' +
    '10 held-out and 8 blind sentences were written before the rule was first run on them and scored once (10/10 and 8/8 right); ' +
    'the development table also gained two named sources behind data ("according to gauge readings published by ...") and three ' +
    'sentences whose "(2)", "5(2)" or "km²" are no markers.',
  '',
  '### Sentence sourcing classes',
  '',
  'Development set (`classes.yaml`):',
  '',
  ...classTable('classes'),
  '',
  'Held-out set after fixes (`classes-heldout.yaml`; blind first run: accuracy 0.77, macro F1 0.77):',
  '',
  ...classTable('classes-heldout'),
  '',
  'Blind set (`classes-blind.yaml`, scored once):',
  '',
  ...classTable('classes-blind'),
  '',
  '### Quotations and speakers (`quotations.yaml`)',
  '',
  'Hard cases included: speaker before and after the quote, split quotes, quotes spanning sentences and paragraphs, pronoun ' +
    'speakers, headline quotes, nested quotes and scare quotes.',
  '',
  '| measure | development (`quotations.yaml`) | blind (`quotations-blind.yaml`) |',
  '|---|---:|---:|',
  `| quotations found | ${pct(q.found, q.quotes)} | ${pct(qb.found, qb.quotes)} |`,
  `| speaker precision | ${f2(q.speaker.precision)} | ${f2(qb.speaker.precision)} |`,
  `| speaker recall | ${f2(q.speaker.recall)} | ${f2(qb.speaker.recall)} |`,
  ...Object.entries(q.byVia).map(([via, r]) => `| speaker right, found by ${via} | ${pct(r.correct, r.total)} | ${pct(qb.byVia[via]?.correct ?? 0, qb.byVia[via]?.total ?? 0)} |`),
  `| attribution verb | ${pct(q.verb.correct, q.verb.total)} | ${pct(qb.verb.correct, qb.verb.total)} |`,
  `| verb tone (neutral / loaded) | ${pct(q.tone.correct, q.tone.total)} | ${pct(qb.tone.correct, qb.tone.total)} |`,
  `| speech vs quoted phrase | ${pct(q.kind.correct, q.kind.total)} | ${pct(qb.kind.correct, qb.kind.total)} |`,
  `| role and affiliation | ${pct(q.roleAffiliation.correct, q.roleAffiliation.total)} | ${pct(qb.roleAffiliation.correct, qb.roleAffiliation.total)} |`,
  `| nested / headline flags | ${pct(q.nestedHeadline.correct, q.nestedHeadline.total)} | ${pct(qb.nestedHeadline.correct, qb.nestedHeadline.total)} |`,
  '',
  ...([...q.errors, ...qb.errors].length ? ['Remaining misses:', '', ...[...q.errors, ...qb.errors].map((e) => `- ${e}`), ''] : []),
  '### Check-worthy claims and accusations',
  '',
  '| measure | development (`claims.yaml`) | blind (`claims-blind.yaml`) |',
  '|---|---:|---:|',
  `| check-worthy precision | ${f2(cd.checkWorthy.precision)} | ${f2(cb.checkWorthy.precision)} |`,
  `| check-worthy recall | ${f2(cd.checkWorthy.recall)} | ${f2(cb.checkWorthy.recall)} |`,
  ...(['type', 'hedging', 'accuser', 'accused', 'charges', 'evidence'] as const).map(
    (k) => `| ${k} | ${pct(cd[k].correct, cd[k].total)} | ${pct(cb[k].correct, cb[k].total)} |`,
  ),
  '',
  '### On real news, and speed',
  '',
  'On the 371 PTC training articles (2.11 MB; `npx tsx bench/sourcing-layers.ts`) the layers find 24.5% quote sentences, 8.8% named ' +
    'attribution, 1.2% vague attribution, 1.7% hearsay, 41.8% unattributed claims and 22.0% opinion; 2,740 direct quotations (4.3% ' +
    'with a loaded verb), 3,595 check-worthy claims and 462 accusations. No sentence of it is annotated for sourcing, so these are ' +
    'descriptive numbers, not scores. Speed, compiled JavaScript, best of 8 rounds on a shared 2-core machine under heavy load: ' +
    'normalise + tokenise + segment 513 ms; sourcing and quotations 205 ms, actors 224 ms, claims 91 ms, so the three layers together ' +
    'cost about as much as segmentation (they reuse its tokens: cue words, phrases and gazetteer aliases are matched by vocabulary id).',
  '',
  'Neutrality: `src/layers/actors/party-swap.test.ts` draws pairs of countries from the whole gazetteer and checks that swapping their names ' +
    'in five texts swaps their roles and leaves every sourcing class, quotation, claim and other actor unchanged. Actor framing has its own ' +
    'section below (entity framing).',
  END,
];
const section = lines.join('\n');

if (process.argv.includes('--print')) {
  process.stdout.write(section + '\n');
} else {
  let doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : '# Evaluation\n';
  const a = doc.indexOf(START);
  const b = doc.indexOf(END);
  if (a !== -1 && b !== -1) {
    // Replace our block, including the heading just above it.
    const head = doc.lastIndexOf('## Sourcing, quotes and claims', a);
    doc = doc.slice(0, head === -1 ? a : head) + section + doc.slice(b + END.length);
  } else {
    doc = doc.trimEnd() + '\n\n' + section + '\n';
  }
  writeFileSync(DOC, doc);
  process.stdout.write(`wrote ${DOC}\n`);
}

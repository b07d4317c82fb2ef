import { CATEGORIES, PTC_LABELS, PTC_PRIMARY, TECHNIQUES } from '../core/taxonomy.js';

/** Renders docs/techniques.md from the taxonomy, so the doc and the code cannot drift apart. */
export function renderTechniquesDoc(): string {
  const lines: string[] = [
    '# Techniques',
    '',
    '<!-- Generated from src/core/taxonomy.ts by `npm run docs`; do not edit by hand. -->',
    '',
    'framewise reports 27 persuasion techniques in 7 categories: the SemEval-2023 Task 3 inventory plus',
    'a seventh category, sourcing and framing. Every id is stable. Each technique has a folder under',
    '`src/detectors/<id>/` with its rules (`rules.yaml`), fixtures (`fixtures.yaml`: sentences that must and',
    'must not trigger it) and a README with examples and limits.',
    '',
    'The last column maps each technique to the 14 labels of SemEval-2020 Task 11 (PTC), so that scores on',
    'PTC stay comparable; "—" means PTC has no counterpart and the technique is not scored there.',
    '',
  ];
  for (const category of CATEGORIES) {
    lines.push(`## ${category}`, '', '| id | technique | definition | PTC label |', '|---|---|---|---|');
    for (const t of TECHNIQUES.filter((x) => x.category === category)) {
      lines.push(`| [\`${t.id}\`](../src/detectors/${t.id}/README.md) | ${t.name} | ${t.definition} | ${t.ptc ? `\`${t.ptc}\`` : '—'} |`);
    }
    lines.push('');
  }
  lines.push(
    '## From PTC labels to techniques',
    '',
    'A model trained on PTC predicts PTC labels; each is reported as this technique:',
    '',
    '| PTC label | reported as |',
    '|---|---|',
    ...PTC_LABELS.map((l) => `| \`${l}\` | \`${PTC_PRIMARY[l]}\` |`),
    '',
  );
  return lines.join('\n');
}

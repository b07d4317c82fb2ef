import { ARCHETYPES, MAIN_ROLES } from '../core/framing.js';

const MAIN_DEFINITION = {
  protagonist: 'cast as a hero: the side the text asks the reader to side with, admire or trust',
  antagonist: 'cast as a villain: the side the text blames, condemns or warns against',
  innocent: 'cast as a victim: harmed, used or blamed without fault, and so owed sympathy',
} as const;

/** Renders docs/framing.md from src/core/framing.ts, so the doc and the code cannot drift apart. */
export function renderFramingDoc(): string {
  const lines: string[] = [
    '# Entity framing: roles and archetypes',
    '',
    '<!-- Generated from src/core/framing.ts by `npm run docs`; do not edit by hand. -->',
    '',
    'framewise casts every actor a text mentions in one of three main roles, after the taxonomy of',
    'SemEval-2025 Task 10 subtask 1 (Mahmoud et al. 2025), or leaves it `unframed` when the text does not',
    'cast it (a party that is only mentioned, or only quoted: being a source is no framing and is reported',
    'apart, as `sourceOf`). Under its main role an actor may fit one or more of 22 archetypes. Definitions',
    'and examples are this project\'s own; the party in brackets is cast in the archetype.',
    '',
    'Roles are given per mention (`actors[].mentions[].role`) and per actor (`actors[].framing`), overall',
    'and per voice (`byVoice`: how the author casts the actor, and how each quoted or reported source does);',
    'see [evaluation](evaluation.md#entity-framing) for how well, and the annotation guide',
    '[framing-annotation-guide.md](framing-annotation-guide.md) for how the training set was labelled.',
    '',
  ];
  for (const main of MAIN_ROLES) {
    lines.push(`## ${main}`, '', `${main[0]!.toUpperCase()}${main.slice(1)}: ${MAIN_DEFINITION[main]}.`, '', '| archetype | definition | examples |', '|---|---|---|');
    for (const a of ARCHETYPES.filter((x) => x.main === main)) lines.push(`| \`${a.id}\` | ${a.definition} | ${a.examples.join('<br>')} |`);
    lines.push('');
  }
  lines.push(
    '## unframed',
    '',
    'Mentioned, reported on or quoted, but not cast by the text. A mention is `unframed` when the',
    'classifier\'s probability that it is framed at all stays under a cut calibrated on held-out folds;',
    'in the given-mention setting of the shared task (`framewise eval --task roles`) every mention is',
    'framed and gets the best of the three main roles.',
    '',
  );
  return lines.join('\n');
}

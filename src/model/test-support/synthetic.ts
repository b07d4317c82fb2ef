/**
 * A tiny synthetic annotated corpus (sentences written for the tests, about invented countries) and a
 * small lexicon table, so model tests train in well under a second.
 */
import type { DocRecord } from '../../eval/records.js';
import { buildLexiconTable, parseVader, type LexiconTable } from '../lexicon-table.js';

const LOADED = ['disgraceful', 'monstrous', 'shameful', 'outrageous', 'vile', 'appalling'];
const LABELS = ['puppets', 'thugs', 'zealots', 'crooks'];
const NEUTRAL = [
  'The ministry published its annual budget on Tuesday.',
  'Officials met in the capital to discuss grain exports.',
  'The river port reopened after repairs to the main bridge.',
  'A committee will review the new school timetable next month.',
  'Rail traffic between the two cities resumed in the morning.',
];

export function syntheticCorpus(docs = 24): DocRecord[] {
  const out: DocRecord[] = [];
  for (let d = 0; d < docs; d++) {
    const side = d % 2 === 0 ? ['Freedonia', 'Sylvania'] : ['Sylvania', 'Freedonia'];
    let text = '';
    const spans: DocRecord['spans'] = [];
    const add = (sentence: string, marks: Array<[string, string]> = []) => {
      const base = text.length;
      text += sentence + (d % 3 === 0 ? '\r\n' : ' ');
      for (const [phrase, technique] of marks) {
        const at = sentence.indexOf(phrase);
        spans.push({ start: base + at, end: base + at + phrase.length, technique });
      }
    };
    add(NEUTRAL[d % NEUTRAL.length]!);
    const adj = LOADED[d % LOADED.length]!;
    add(`The ${adj} decision by ${side[1]} shocked the region.`, [[adj, 'Loaded_Language']]);
    add(NEUTRAL[(d + 2) % NEUTRAL.length]!);
    const label = LABELS[d % LABELS.length]!;
    add(`Leaders in ${side[0]} called the envoys ${label} of a foreign power.`, [[label, 'Name_Calling,Labeling']]);
    add(NEUTRAL[(d + 4) % NEUTRAL.length]!);
    add('Never again, never again!', [['Never again, never again', 'Slogans']]);
    out.push({ id: `doc-${d}`, text, spans });
  }
  return out;
}

export function syntheticTable(): LexiconTable {
  const vader = parseVader(['disgraceful\t-2.5\t0.5\t[]', 'shameful\t-2.2\t0.5\t[]', 'shocked\t-1.8\t0.6\t[]', 'good\t1.9\t0.4\t[]'].join('\n'), 'vader-test.txt');
  return buildLexiconTable(
    vader,
    [
      ['stopwords', ['the', 'of', 'a', 'in', 'by', 'to', 'on']],
      ['labels', ['thugs', 'puppet*', 'foreign power']],
    ],
    ['christian', 'christians', 'muslim', 'muslims', 'church', 'mosque'],
  );
}

import { describe, expect, it } from 'vitest';
import { hashString } from '../model/hash.js';
import { buildWordClassTable, classOfSenses, inflections, parseIndex, parseLexFiles, PERSON_FLAG, wordnetDir } from './wordnet.js';

describe('WordNet word classes', () => {
  it('parses index and data lines (lemma, synset offsets in sense order, tagged count; lexicographer file per synset)', () => {
    const index = '  1 this is a licence line\nthug n 2 2 @ ~ 2 1 10001 10002\n';
    expect(parseIndex(index)).toEqual([{ lemma: 'thug', offsets: [10001, 10002], tagged: 1 }]);
    const data = '  1 licence\n10001 18 n 01 thug 0 000 | a violent person\n10002 14 n 01 thug 0 000 | a group\n';
    expect([...parseLexFiles(data)]).toEqual([[10001, 18], [10002, 14]]);
  });

  it('takes the first sense of the most tagged part of speech, and flags a noun that names a person', () => {
    expect(classOfSenses([{ pos: 'noun', lexFiles: [18, 14], tagged: 2 }])).toBe(19);
    // An adjective first, with a person among its noun senses ("a radical").
    expect(classOfSenses([{ pos: 'noun', lexFiles: [18], tagged: 0 }, { pos: 'adj', lexFiles: [0], tagged: 3 }])).toBe(1 + PERSON_FLAG);
    expect(classOfSenses([])).toBe(0);
  });

  it('inflects regular nouns and verbs', () => {
    expect(inflections('puppet', 'noun')).toEqual(['puppets']);
    expect(inflections('bully', 'verb')).toEqual(['bullies', 'bullied', 'bullying']);
    expect(inflections('slam', 'verb')).toEqual(['slams', 'slamed', 'slaming', 'slammed', 'slamming']);
  });

  it.runIf(wordnetDir() !== null)('builds a sorted hash table from the installed dictionary, labels among the people', () => {
    const table = buildWordClassTable()!;
    for (let i = 1; i < table.hashes.length; i++) expect(table.hashes[i]! > table.hashes[i - 1]!).toBe(true);
    const classOf = (w: string) => {
      const i = table.hashes.indexOf(hashString(w));
      return i >= 0 ? table.ids[i]! : 0;
    };
    expect(classOf('traitor') & ~PERSON_FLAG).toBe(19);
    expect(classOf('traitors') & ~PERSON_FLAG).toBe(19);
    expect(classOf('xqzv')).toBe(0);
  }, 60_000);
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadFramingData, loadFramingFile, parseMarkup } from './data.js';

const where = (o: number) => `at ${o}`;

describe('framing data loader', () => {
  it('strips the markup and gives UTF-16 offsets into the clean text', () => {
    const { text, mentions } = parseMarkup('[[Korvani militias|antagonist/instigator]] shelled the hamlets and [[Dastrian shepherds|innocent/victim]] fled \u{1F525}, [[the Water Commission|unframed]] said.', where);
    expect(text).toBe('Korvani militias shelled the hamlets and Dastrian shepherds fled \u{1F525}, the Water Commission said.');
    expect(mentions.map((m) => [text.slice(m.start, m.end), m.main, m.fine])).toEqual([
      ['Korvani militias', 'antagonist', ['instigator']],
      ['Dastrian shepherds', 'innocent', ['victim']],
      ['the Water Commission', 'unframed', []],
    ]);
    // The emoji is two UTF-16 units: offsets after it count both.
    expect(mentions[2]!.start).toBe(text.indexOf('the Water Commission'));
  });

  it('reads the role inside reported speech', () => {
    const { mentions } = parseMarkup('Critics say [[Ostrelia|protagonist/virtuous|src=antagonist/instigator,tyrant]] is to blame.', where);
    expect(mentions[0]).toMatchObject({ main: 'protagonist', fine: ['virtuous'], src: { main: 'antagonist', fine: ['instigator', 'tyrant'] } });
  });

  it.each([
    ['[[X|hero]] left', 'is not a main role'],
    ['[[X|antagonist/victim]] left', 'belongs to innocent'],
    ['[[X|antagonist/villain]] left', 'is not an archetype'],
    ['[[X|unframed/victim]] left', 'has no archetype'],
    ['[[X|antagonist]] left [[Y', 'malformed mention markup'],
    ['[[X|antagonist|source=innocent]] left', 'expected "src=main/fine"'],
    ['[[ X|antagonist]] left', 'non-empty'],
  ])('rejects %s', (marked, message) => {
    expect(() => parseMarkup(marked, where)).toThrow(message);
  });

  it('names file, record and line of a malformed record', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-framing-'));
    const file = join(dir, 'water.yaml');
    writeFileSync(file, [
      '- id: water-ok-01', '  dispute: water', '  style: wire', '  side: a', '  split: train', '  text: |', '    [[Korvani militias|antagonist]] shelled the weir.',
      '- id: water-bad-02', '  dispute: water', '  style: opinion', '  side: b', '  split: heldout', '  text: |', '    The weir stands.', '    [[Dastrian farmers|innocent/tyrant]] wait.', '',
    ].join('\n'));
    expect(() => loadFramingFile(file)).toThrow(/water\.yaml:15: record "water-bad-02", text offset 17: archetype "tyrant" belongs to antagonist/);
    writeFileSync(file, '- id: water-x\n  dispute: water\n  style: poem\n  side: a\n  split: train\n  text: "[[A|unframed]] b"\n');
    expect(() => loadFramingFile(file)).toThrow(/water\.yaml:3: style: .*\(record "water-x"\)/);
  });

  it('rejects an id used twice across files and reads a directory in name order', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-framing-'));
    const rec = (id: string) => `- {id: ${id}, dispute: war, style: wire, side: a, split: train, text: "[[Sylvania|antagonist/instigator]] shelled the town."}\n`;
    writeFileSync(join(dir, 'b.yaml'), rec('war-01'));
    writeFileSync(join(dir, 'a.yaml'), rec('war-02'));
    expect(loadFramingData(dir).map((r) => r.id)).toEqual(['war-02', 'war-01']);
    writeFileSync(join(dir, 'c.yaml'), rec('war-01'));
    expect(() => loadFramingData(dir)).toThrow(/c\.yaml: record id "war-01" is already used in .*b\.yaml/);
  });
});

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';
import { parseConfig } from '../../core/config.js';
import { UserError } from '../../core/errors.js';
import { segment } from '../../text/segment.js';
import { BUILTIN_GAZETTEER, loadGazetteer, loadGazetteerFile } from './gazetteer.js';
import { findMentions } from './mentions.js';
import { prepareVocab, preparedVocab } from '../../lexicon/per-vocab.js';

/** One vocabulary for this file's texts, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

const g = loadGazetteer();
const actorsIn = (text: string, gz = g) => findMentions(segment(text, vocab), gz).mentions.map((m) => m.actor);

describe('gazetteer', () => {
  const data = loadGazetteerFile(BUILTIN_GAZETTEER);

  it('covers the countries of the world, peoples, international bodies, media and armed groups', () => {
    expect(data.countries.length).toBeGreaterThanOrEqual(190);
    const types = new Set([...g.actors.values()].map((a) => a.type));
    for (const t of ['country', 'people', 'international-body', 'media', 'armed-group']) expect(types.has(t as never), t).toBe(true);
  });

  it('reads "Brussels" as the European Union, whose seat it stands for in the news, and "Belgian" still as Belgium', () => {
    expect(actorsIn('He was denounced in Brussels as a traitor.')).toEqual(['eu']);
    expect(actorsIn('The Belgian government abstained.')).toEqual(['belgium']);
  });

  it('resolves capital, government, forces and name of every country to one actor', () => {
    const wrong: string[] = [];
    for (const c of data.countries) {
      if (!c.capital || c.demonyms.length === 0) continue;
      const d = c.demonyms[0];
      const text = `Talks in ${c.capital} stalled. The ${d} government said ${c.name} would wait. ${d} forces stayed put.`;
      const got = actorsIn(text);
      if (got.length !== 4 || got.some((x) => x !== c.id)) wrong.push(`${c.id}: ${got.join(',')}`);
    }
    expect(wrong).toEqual([]);
  });

  it('resolves a demonym before people nouns, and the plural demonym, to the people', () => {
    expect(actorsIn('Azerbaijani civilians and Armenians fled, while Baku and Yerevan traded blame.')).toEqual([
      'azerbaijan:people', 'armenia:people', 'azerbaijan', 'armenia',
    ]);
  });

  it('matches acronyms only in capitals', () => {
    expect(actorsIn('The US and the UN met.')).toEqual(['united-states', 'un']);
    expect(actorsIn('Let us meet the un-named envoy.')).toEqual([]);
  });

  it('takes the longest alias', () => {
    expect(actorsIn('The UN Security Council met after the UN appeal.')).toEqual(['un-security-council', 'un']);
  });

  it('is extended by a user file: new actors, and aliases for existing ones', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-gaz-'));
    const file = join(dir, 'gazetteer.yaml');
    writeFileSync(file, 'countries:\n  - {id: northland, name: Northland, capital: Borealis, demonyms: [Northlander]}\norganisations:\n  - {id: un, name: United Nations, aliases: [Blue Helmets]}\n');
    const ext = loadGazetteer([file]);
    expect(actorsIn('Borealis said Northlander troops met the Blue Helmets.', ext)).toEqual(['northland', 'northland', 'un']);
    // The same extension through a config's lexicon directory.
    const report = new Analyzer({ model: null, config: parseConfig({ lexicons: [dir] }) }).analyze('Borealis said the Northlander army had withdrawn.');
    expect(report.actors!.map((a) => [a.id, a.mentions.length])).toEqual([['northland', 2]]);
  });

  it('matches the same in a text tokenised before it was bound to the vocabulary (its new words have local ids there) as after', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-gaz-'));
    const file = join(dir, 'gazetteer.yaml');
    writeFileSync(file, 'countries:\n  - {id: zqland, name: Zqland Republic, capital: Zqborg, demonyms: [Zqlander]}\norganisations:\n  - {id: zqfront, name: Zqfront, aliases: [ZQF]}\n');
    const text = 'Zqborg said the Zqland Republic and Zqlander troops opposed the ZQF, not the zqf.';
    const early = segment(text, vocab);
    const ext = loadGazetteer([file]);
    prepareVocab(vocab);
    const late = segment(text, vocab);
    expect(early.tokens.id[0]).toBeLessThan(0);
    expect(late.tokens.id[0]).toBeGreaterThanOrEqual(0);
    const expected = ['zqland', 'zqland', 'zqland', 'zqfront'];
    expect(findMentions(late, ext).mentions.map((m) => m.actor)).toEqual(expected);
    expect(findMentions(early, ext).mentions.map((m) => m.actor)).toEqual(expected);
  });

  it('refuses an alias given to two different actors, naming the file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-gaz-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'organisations:\n  - {id: not-nato, name: Other, aliases: [NATO]}\n');
    expect(() => loadGazetteer([file])).toThrow(UserError);
    expect(() => loadGazetteer([file])).toThrow(/bad\.yaml: alias "NATO" of "not-nato" is already an alias of "nato"/);
  });

  it('reports a malformed file with its line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-gaz-'));
    const file = join(dir, 'bad.yaml');
    writeFileSync(file, 'countries:\n  - {id: x, name: X}\n  - {id: y}\n');
    expect(() => loadGazetteerFile(file)).toThrow(/bad\.yaml:3: countries\.1\.name/);
    expect(() => loadGazetteerFile(join(dir, 'missing.yaml'))).toThrow(/gazetteer file not found/);
  });
});

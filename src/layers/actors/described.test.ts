import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';

const analyzer = new Analyzer({ model: null });
const actorsOf = (text: string) => analyzer.analyze(text).actors!;
const mentionsOf = (text: string, name: string) => actorsOf(text).find((a) => a.name === name)?.mentions.map((m) => m.text);

describe('actors named by description', () => {
  it('finds "the so-called election commission" and keeps "the commission" as the same actor', () => {
    const text = 'The so-called election commission in Parvel did not count votes. In 2019 the same commission announced a turnout of 71 percent. The commission still refuses to publish the results.';
    const actors = actorsOf(text);
    const c = actors.find((a) => a.name === 'the election commission')!;
    expect(c).toMatchObject({ type: 'organisation' });
    expect(c.mentions.map((m) => m.text)).toEqual(['election commission', 'commission', 'commission']);
    for (const m of c.mentions) expect(text.slice(m.start, m.end)).toBe(m.text);
  });

  it('types a description by its head and keeps "our government" apart from "the government"', () => {
    const actors = actorsOf('The interior minister blamed the protesters. Our government says nothing, while the government next door protests.');
    const byName = new Map(actors.map((a) => [a.name, a.type]));
    expect(byName.get('the interior minister')).toBe('person');
    expect(byName.get('the protesters')).toBe('people');
    expect(byName.get('our government')).toBe('country');
    expect(byName.get('the government')).toBe('country');
  });

  it('finds the parties a rebuttal accuses without naming them: "several foreign capitals", "the newspapers"', () => {
    const text = 'Meanwhile several foreign capitals run a campaign against the valley. The newspapers print every rumour.';
    const actors = actorsOf(text);
    const byName = new Map(actors.map((a) => [a.name, a.type]));
    expect(byName.get('several foreign capitals')).toBe('country');
    expect(byName.get('the newspapers')).toBe('media');
    expect(mentionsOf(text, 'several foreign capitals')).toEqual(['foreign capitals']);
  });

  it('finds the groups an op-ed casts without naming them: lobbies, columnists, nurses, families', () => {
    const actors = actorsOf('The fossil fuel lobby has never been closer to power. The tabloid columnists mock every warning. Ask the nurses on the night shift, or the families whose houses burned.');
    const byName = new Map(actors.map((a) => [a.name, a.type]));
    expect(byName.get('the fossil fuel lobby')).toBe('organisation');
    expect(byName.get('the tabloid columnists')).toBe('people');
    expect(byName.get('the nurses')).toBe('people');
    expect(byName.get('the families')).toBe('people');
  });

  it('reads "the minister" after a titled name as that person, and "the ministry" after a named ministry as its state', () => {
    const text = 'Interior Minister Pavo Kesh spoke on Monday. The minister said the border would stay shut. The Baldovian interior ministry cited attacks. The ministry gave no details.';
    const actors = actorsOf(text);
    expect(mentionsOf(text, 'Pavo Kesh')).toEqual(['Pavo Kesh', 'minister']);
    const baldovia = actors.find((a) => a.mentions.some((m) => m.text === 'Baldovian interior ministry'))!;
    expect(baldovia.mentions.map((m) => m.text)).toContain('ministry');
    expect(actors.some((a) => a.name === 'the minister' || a.name === 'the ministry')).toBe(false);
  });

  it('leaves titles before names, "of" phrases, clauses after "that" and generic quantifiers alone', () => {
    const actors = actorsOf('The interior minister Pavo Kesh spoke. Two of them sit on the board of a foundation. It is a territory that every international court recognises. All the other monitors left.');
    const names = actors.map((a) => a.name);
    expect(names).not.toContain('the interior minister');
    expect(names).not.toContain('the board');
    expect(names.some((n) => /court/.test(n))).toBe(false);
    expect(names.some((n) => /other monitors/.test(n))).toBe(false);
  });

  it('treats every side alike: swapping the parties leaves the descriptions found unchanged', () => {
    const descs = (text: string) => actorsOf(text).filter((x) => x.id.startsWith('desc:')).map((x) => [x.name, x.type, x.mentions.map((m) => m.start)]);
    const a = descs('The Korvani government blamed the protesters in Velda, and the commission agreed with the ministry.');
    const b = descs('The Dastria government blamed the protesters in Velda, and the commission agreed with the ministry.');
    expect(a.map((x) => x[0])).toEqual(['the protesters', 'the commission', 'the ministry']);
    expect(b).toEqual(a);
  });
});

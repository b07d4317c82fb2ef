import { describe, expect, it } from 'vitest';
import { UserError } from '../../core/errors.js';
import { segment } from '../../text/segment.js';
import { RuleFile } from './rule-schema.js';
import { requiredFinalChar, RuleSet } from './ruleset.js';
import { preparedVocab } from '../../lexicon/per-vocab.js';

/** One vocabulary for this file's texts, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

function run(rules: unknown[], text: string, lexicons: Record<string, string[]> = {}) {
  const data = RuleFile.parse({ technique: 'loaded-language', lexicons, rules });
  const set = new RuleSet([{ file: 'test.yaml', data }]);
  const doc = segment(text, vocab);
  return set.run(doc).map((f) => ({ rule: f.ruleId.split('/')[1], text: doc.text.slice(f.start, f.end), message: f.message }));
}

const base = { message: 'found {match}', confidence: 0.5 };

describe('lexicon rules', () => {
  it('match single words and phrases case-insensitively, longest per start', () => {
    const r = run([{ ...base, id: 'a', kind: 'lexicon', terms: ['regime', 'puppet regime', 'ethnic cleansing'] }],
      'The Puppet Regime denied ethnic cleansing. A regime.');
    expect(r.map((x) => x.text)).toEqual(['Puppet Regime', 'Regime', 'ethnic cleansing', 'regime']);
    expect(r[0]!.message).toBe('found Puppet Regime');
  });

  it('support a trailing * on a word', () => {
    const r = run([{ ...base, id: 'a', kind: 'lexicon', terms: ['terror*', 'war monger*'] }], 'Terrorists and terrorism, war mongering.');
    expect(r.map((x) => x.text)).toEqual(['Terrorists', 'terrorism', 'war mongering']);
  });

  it('do not match across sentences', () => {
    expect(run([{ ...base, id: 'a', kind: 'lexicon', terms: ['puppet regime'] }], 'A puppet. Regime change.')).toEqual([]);
  });

  it('match possessives through the shared tokeniser', () => {
    expect(run([{ ...base, id: 'a', kind: 'lexicon', terms: ['freedonia'] }], "Freedonia's army").map((x) => x.text)).toEqual(['Freedonia']);
  });
});

describe('pattern rules', () => {
  it('match unanchored patterns on vocab words, words outside the vocab and prefixes alike', () => {
    const rule = { ...base, id: 'u', kind: 'pattern', patterns: ['[ pseudo-* ]', '[ regime|zqunknownx ]'] };
    const r = run([rule], 'The pseudo-intellectuals and the Pseudo-Science regime; zqunknownx and pseudo-zqnovelx.');
    // Anchored patterns report first, then unanchored ones; "pseudo-zqnovelx" is outside the vocab.
    expect(r.map((x) => x.text)).toEqual(['regime', 'zqunknownx', 'pseudo-intellectuals', 'Pseudo-Science', 'pseudo-zqnovelx']);
  });

  it('handle alternation, gaps and classes', () => {
    const rule = { ...base, id: 'p', kind: 'pattern', patterns: ['either _{1,6} or'] };
    expect(run([rule], 'Either we fight now or we lose everything.').map((x) => x.text)).toEqual(['Either we fight now or']);
    expect(run([rule], 'Either way, it ends.')).toEqual([]);
  });

  it('report the marked part of the match', () => {
    const rule = { ...base, id: 'p', kind: 'pattern', patterns: ['the so-called [ <CAP> <CAP>? ]'] };
    expect(run([rule], 'They met the so-called Peace Council today.').map((x) => x.text)).toEqual(['Peace Council']);
  });

  it('resolve @lexicons and negations, and anchor after fixed elements', () => {
    const rule = { ...base, id: 'p', kind: 'pattern', patterns: ['!no @critics say|argue'] };
    const r = run([rule], 'Many critics say it failed. No critics argue that.', { critics: ['critics', 'observers'] });
    expect(r.map((x) => x.text)).toEqual(['Many critics say']);
  });

  it('mix lexicon references and words in one alternation', () => {
    const rule = { ...base, id: 'p', kind: 'pattern', patterns: ['@fear|dread grips'] };
    expect(run([rule], 'Panic grips the town. Dread grips the valley.', { fear: ['panic'] }).map((x) => x.text)).toEqual(['Panic grips', 'Dread grips']);
  });

  it('cancel only on the whole unless-phrase', () => {
    const rule = { ...base, id: 'u', kind: 'lexicon', terms: ['regime'], unless: ['regime change'] };
    expect(run([rule], 'They debated regime change.')).toEqual([]);
    expect(run([rule], 'The regime will change nothing.')).toHaveLength(1);
  });

  it('honour optional elements', () => {
    const rule = { ...base, id: 'p', kind: 'pattern', patterns: ['very? bad idea'] };
    expect(run([rule], 'A very bad idea and a bad idea.').map((x) => x.text)).toEqual(['very bad idea', 'bad idea']);
  });

  it('expand to the clause or the sentence', () => {
    const clause = run([{ ...base, id: 'p', kind: 'pattern', expand: 'clause', patterns: ['time is running out'] }],
      'Officials met, time is running out for the valley, and talks resumed.');
    expect(clause.map((x) => x.text)).toEqual(['time is running out for the valley']);
    const sentence = run([{ ...base, id: 'p', kind: 'pattern', expand: 'sentence', patterns: ['running out'] }], 'Hi. Time is running out now! Bye.');
    expect(sentence.map((x) => x.text)).toEqual(['Time is running out now!']);
  });

  it('filter by quotes, headline and unless-words', () => {
    const outside = { ...base, id: 'p', kind: 'lexicon', terms: ['traitors'], quotes: 'outside' };
    expect(run([outside], 'He said "they are traitors" and left.')).toEqual([]);
    expect(run([outside], 'They are traitors, he said.')).toHaveLength(1);
    const unless = { ...base, id: 'u', kind: 'lexicon', terms: ['invasion'], unless: ['not'] };
    expect(run([unless], 'It was not an invasion.')).toEqual([]);
    const headline = { ...base, id: 'h', kind: 'lexicon', terms: ['shock'], headline: 'only' };
    expect(run([headline], 'Shock in the capital\n\nThe shock was real.')).toHaveLength(1);
  });

  it('reject malformed patterns with a message naming the file and rule', () => {
    expect(() => run([{ ...base, id: 'bad', kind: 'pattern', patterns: ['a _{5,2} b'] }], 'x')).toThrow(/test.yaml: rule "bad": bad gap/);
    expect(() => run([{ ...base, id: 'bad', kind: 'pattern', patterns: ['@nope word'] }], 'x')).toThrow(UserError);
    expect(() => run([{ ...base, id: 'bad', kind: 'pattern', patterns: ['[ a'] }], 'x')).toThrow(/both \[ and \]/);
  });
});

describe('regex rules', () => {
  it('run on sentences containing a required word and map offsets', () => {
    const rule = { ...base, id: 'r', kind: 'regex', regex: '\\b(?:\\d+|thousands) (?:killed|dead)\\b', requires: ['killed', 'dead'] };
    const r = run([rule], 'Calm day. Thousands killed in raids, officials said 12 dead.');
    expect(r.map((x) => x.text)).toEqual(['Thousands killed', '12 dead']);
  });

  it('skip a regex ending in a literal "?" only where the sentence has none', () => {
    expect(requiredFinalChar('(?:^|[.!?]\\s+)why\\b[^?.!]{2,250}\\?')).toBe('?');
    expect(requiredFinalChar('why\\b.*\\?|how\\b')).toBeNull();
    expect(requiredFinalChar('why\\\\?')).toBeNull();
    expect(requiredFinalChar('why[\\?]')).toBeNull();
    expect(requiredFinalChar('(?:why|how\\?)')).toBeNull();
    expect(requiredFinalChar('(?:^|[.!?]\\s+)(?:stop|end)\\b[^.!?]{1,40}!+')).toBe('!');
    expect(requiredFinalChar('stop!')).toBe('!');
    expect(requiredFinalChar('stop!*')).toBeNull();
    expect(requiredFinalChar('stop!?')).toBeNull();
    expect(requiredFinalChar('stop|go!+')).toBeNull();
    expect(requiredFinalChar('stop[!+]')).toBeNull();
    expect(requiredFinalChar('stop(?:!+)')).toBeNull();
    expect(requiredFinalChar('stop\\\\+')).toBeNull();
    const rule = { ...base, id: 'q', kind: 'regex', regex: '\\bwhy\\b[^?.!]{2,80}\\?', requires: ['why'] };
    expect(run([rule], 'Why would they do that? Why it matters.').map((x) => x.text)).toEqual(['Why would they do that?']);
  });

  it('reject invalid regexes', () => {
    expect(() => run([{ ...base, id: 'r', kind: 'regex', regex: '(', requires: ['a'] }], 'x')).toThrow(/invalid regex/);
  });
});

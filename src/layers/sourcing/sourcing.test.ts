import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';
import { SOURCING_CLASSES } from './classify.js';

const analyzer = new Analyzer({ model: null });
const classes = (text: string) => analyzer.analyze(text).sourcing!.sentences.map((s) => s.class);

describe('sentence sourcing classes', () => {
  it('tells the six classes apart in one text', () => {
    const text =
      '"We will hold the line," said General Piotr Zan. The UN mission said 40 people were killed. ' +
      'Sources say the talks collapsed. The rebels reportedly seized the bridge. The road was reopened on Thursday. ' +
      'The ceasefire is a disgrace.';
    expect(classes(text)).toEqual(['quote', 'attributed-named', 'attributed-vague', 'hearsay', 'unattributed-claim', 'opinion']);
  });

  it('counts and shares every sentence, and shares sum to one', () => {
    const s = analyzer.analyze('Officials said the bridge was closed. It was closed. It is a shame.').sourcing!;
    expect(s.sentences).toHaveLength(3);
    expect(SOURCING_CLASSES.reduce((n, c) => n + s.counts[c], 0)).toBe(3);
    expect(SOURCING_CLASSES.reduce((n, c) => n + s.shares[c], 0)).toBeCloseTo(1, 2);
    expect(s.counts['attributed-vague']).toBe(1);
    expect(s.weakShare).toBeCloseTo(2 / 3, 2);
  });

  it('reads unnamed groups that report or suggest a thing as vague sources, and a coordinated named source as named', () => {
    expect(classes('Partners report shortages of fuel. Studies suggest a rise. The figures suggest a rise. Residents report that the road is closed.'))
      .toEqual(['attributed-vague', 'attributed-vague', 'unattributed-claim', 'attributed-vague']);
    // Estimates and findings need someone who can make them: an institution, a named person, a group, a document.
    expect(classes('Aid agencies estimate that 9,000 people left. The UN refugee agency estimates that 9,000 people left. The damage found its way into the river.'))
      .toEqual(['attributed-vague', 'attributed-named', 'unattributed-claim']);
    const [s] = analyzer.analyze('The Kestrian Red Cross and its partners said the convoy was stopped.').sourcing!.sentences;
    expect(s!.class).toBe('attributed-named');
    expect(s!.source).toBe('Kestrian Red Cross');
  });

  it('reads no source in a verb of speech that is not one: an object relative clause, a report noun after a verb, a denial', () => {
    // "a meadow that both villages claim": nobody is quoted; the sentence is the author's.
    expect(classes('The herders crossed a meadow that both villages claim. They left at dawn.')).toEqual(['unattributed-claim', 'unattributed-claim']);
    expect(analyzer.analyze('The herders said that both villages claim the meadow.').voices!.map((v) => v.speaker)).toEqual(['herders', 'both villages']);
    // "called the drought report a fiction": "report" is a noun, and "the drought" says nothing.
    const [v] = analyzer.analyze('The mayor called the drought report "a fiction".').voices!;
    expect(v!.speaker).toBe('mayor');
    // "The engineers reported no such thing": the author denies that they said it.
    expect(classes('The engineers reported no such thing.')).toEqual(['unattributed-claim']);
  });

  it('reads the speaker behind an appositive that opens with an article, a participle after a comma, and a nested "it said"', () => {
    const r = (text: string) => analyzer.analyze(text);
    const [appositive] = r('The Harbour Gazette, a weekly owned by the port authority, said the cranes had been sold.').sourcing!.sentences;
    expect([appositive!.class, appositive!.source]).toEqual(['attributed-named', 'Harbour Gazette']);
    const participle = r('The Lowen council has filed two complaints, accusing Dastrian engineers of draining the wells.');
    expect([participle.sourcing!.sentences[0]!.class, participle.voices![0]!.speaker]).toEqual(['attributed-named', 'Lowen council']);
    // "The river rose overnight, flooding the fields": a participle that reports nothing.
    expect(classes('The river rose overnight, flooding the lower fields.')).toEqual(['unattributed-claim']);
    // "what it said were fuel cans": the same source again, not a report of a report.
    expect(classes('State radio described the fire as arson and showed what it said were fuel cans.')).toEqual(['attributed-named']);
    expect(classes('State radio said that the rebels had claimed the fire.')).toEqual(['hearsay']);
  });

  it('reads "X was reported as saying that" with X as the speaker', () => {
    const r = analyzer.analyze('The Korvani envoy was reported as saying that the talks had failed.');
    expect(r.voices!.map((v) => [v.speaker, v.text])).toEqual([['Korvani envoy', 'the talks had failed']]);
  });

  it('gives title lines (headings, section numbers, bylines, date lines) no class: they state nothing', () => {
    const text = 'Water in the Valley: Situation Analysis\n\nBy Lena Maro, Valley Courier\nMarch 2025\n\n1. Access\n\nThe road was closed on Monday.\n';
    const s = analyzer.analyze(text).sourcing!;
    expect(s.sentences.map((x) => x.text)).toEqual(['Water in the Valley: Situation Analysis', 'The road was closed on Monday.']);
    expect(SOURCING_CLASSES.reduce((n, c) => n + s.counts[c], 0)).toBe(2);
    expect(analyzer.analyze(text).claims!.map((c) => c.text)).toEqual(['The road was closed on Monday.']);
  });

  it('gives an empty text an empty summary', () => {
    const s = analyzer.analyze('').sourcing!;
    expect(s.sentences).toEqual([]);
    expect(s.weakShare).toBe(0);
    expect(Object.values(s.shares).every((x) => x === 0)).toBe(true);
  });

  it('does not let words inside a quotation decide the class', () => {
    // "reportedly" and "disgrace" belong to the speaker, not the author.
    expect(classes('The minister said: "The rebels reportedly fled, which is a disgrace."')).toEqual(['quote']);
  });

  it('names the cue and the source of each sentence', () => {
    const [a, b] = analyzer.analyze('According to the Red Cross, 300 people fled. Critics argue the deal is unfair.').sourcing!.sentences;
    expect(a!.source).toBe('Red Cross');
    expect(a!.cue!.text).toBe('According to the Red Cross');
    expect(b!.cue!.text).toBe('Critics argue');
  });

  it('does not read talk about rumours as relaying one', () => {
    expect(classes('Anyone who asked about the tape was told to stop spreading rumours.')).not.toContain('hearsay');
    expect(classes('The ministry denied rumours of a curfew.')).not.toContain('hearsay');
    expect(classes('Rumours say the minister has fled.')).toEqual(['hearsay']);
  });

  it('treats a report of a report as hearsay', () => {
    expect(classes('A refugee said his brother had told him that the village was burning.')).toEqual(['hearsay']);
  });
});

describe('quotations', () => {
  it('finds the speaker after the quote, with role and affiliation from an appositive', () => {
    const [q] = analyzer.analyze('"Nobody warned us," said Ines Valdez, a spokeswoman for the Red Cross.').quotations!;
    expect(q!.speaker).toMatchObject({ name: 'Ines Valdez', role: 'spokeswoman', affiliation: 'Red Cross', via: 'direct', resolved: 'Ines Valdez' });
    expect(q!.verb).toMatchObject({ lemma: 'say', tone: 'neutral', text: 'said' });
    expect(q!.kind).toBe('speech');
  });

  it('finds the speaker before the quote', () => {
    const [q] = analyzer.analyze('Sylvania\'s Foreign Minister Ana Petrova said: "We will not retreat."').quotations!;
    expect(q!.speaker).toMatchObject({ name: 'Ana Petrova', role: 'foreign minister', affiliation: 'Sylvania' });
  });

  it('classifies loaded attribution verbs and says why', () => {
    const quotes = analyzer.analyze('"We did not target civilians," the ministry claimed. "Mistakes were made," the general admitted.').quotations!;
    expect(quotes.map((q) => [q.verb?.lemma, q.verb?.tone, q.verb?.note])).toEqual([
      ['claim', 'loaded', 'casts doubt'],
      ['admit', 'loaded', 'presupposes truth'],
    ]);
  });

  it('resolves a pronoun speaker to the last named person', () => {
    const quotes = analyzer.analyze('Marta Kovac arrived on Sunday. "Nobody will be forgotten," she said.').quotations!;
    expect(quotes[0]!.speaker).toMatchObject({ pronoun: 'she', via: 'pronoun', resolved: 'Marta Kovac' });
  });

  it('gives both halves of a split quote the same speaker, and a continued quote its predecessor\'s', () => {
    const quotes = analyzer.analyze('"We will rebuild," said Mayor Hana Kos, "but not now." "The shelling goes on."').quotations!;
    expect(quotes.map((q) => [q.speaker?.resolved, q.speaker?.via])).toEqual([
      ['Hana Kos', 'direct'],
      ['Hana Kos', 'direct'],
      ['Hana Kos', 'continuation'],
    ]);
  });

  it('marks nested quotes, quotes spanning sentences and headline quotes', () => {
    const text = 'Minister: "We will respond"\n\n"They called us \'traitors\' on air. We left," said Amir Sayed.';
    const quotes = analyzer.analyze(text).quotations!;
    const headline = quotes.find((q) => q.content.text === 'We will respond')!;
    expect(headline).toMatchObject({ inHeadline: true, speaker: { role: 'minister', via: 'colon' } });
    const outer = quotes.find((q) => q.content.text.startsWith('They called'))!;
    expect(outer).toMatchObject({ spansSentences: true, nested: false, speaker: { name: 'Amir Sayed' } });
    const inner = quotes.find((q) => q.content.text === 'traitors')!;
    expect(inner).toMatchObject({ nested: true, speaker: null, kind: 'phrase' });
  });

  it('treats scare quotes as phrases, not speech', () => {
    const report = analyzer.analyze('The so-called "liberation" of the town left hundreds homeless.');
    expect(report.quotations![0]!.kind).toBe('phrase');
    expect(report.sourcing!.sentences[0]!.class).not.toBe('quote');
  });

  it('reports spans in the original text even when it had curly quotes, entities and CRLF', () => {
    const text = 'Intro line.\r\n\r\n\u201cWe will stay,\u201d said Omar Haddad &amp; his wife.\r\n&quot;The road is open,&quot; the army said.';
    const report = analyzer.analyze(text);
    for (const q of report.quotations!) {
      expect(text.slice(q.start, q.end)).toBe(q.text);
      expect(text.slice(q.content.start, q.content.end)).toBe(q.content.text);
      if (q.speaker) expect(text.slice(q.speaker.start, q.speaker.end)).toBe(q.speaker.text);
      if (q.verb) expect(text.slice(q.verb.start, q.verb.end)).toBe(q.verb.text);
    }
    expect(report.quotations!.map((q) => q.text)).toEqual(['\u201cWe will stay,\u201d', '&quot;The road is open,&quot;']);
    for (const s of report.sourcing!.sentences) {
      expect(text.slice(s.start, s.end)).toBe(s.text);
      if (s.cue) expect(text.slice(s.cue.start, s.cue.end)).toBe(s.cue.text);
    }
  });
});

describe('one source, not a report of a report (fourth reading round)', () => {
  const sourced = (text: string) => analyzer.analyze(text).sourcing!.sentences.map((s) => [s.class, s.source]);

  it('a second verb of speech after "and" shares the first one\'s subject', () => {
    expect(sourced('Interior Minister Dana Kovrin accused the opposition of preparing a coup and said police would act.')).toEqual([['attributed-named', 'Dana Kovrin']]);
  });

  it('a source in a clause of time is no source of what the first one says', () => {
    const [[cls]] = sourced('The opposition alliance said on Tuesday that the vote had been rigged, hours after the electoral commission confirmed the result.');
    expect(cls).not.toBe('hearsay');
  });

  it('"according to" inside the subject\'s relative clause is the subject\'s one report', () => {
    const [[cls]] = sourced('The Democratic Alliance, whose candidate won 41.7 percent according to the final count, said it had evidence of fraud.');
    expect(cls).not.toBe('hearsay');
  });

  it('"said it" before a quotation is speech: the quotation is the subject\'s', () => {
    const r = analyzer.analyze('In a final statement, the company said it "shares the community\'s concern" and would "cooperate fully."');
    expect(r.sourcing!.sentences[0]!.class).toBe('quote');
    expect(r.voices!.map((v) => v.speaker)).toEqual(['company', 'company', 'company']);
    // "announced it on television": still a pronoun object and a place, no speech.
    expect(analyzer.analyze('He announced it "on television" to cheers.').voices!.every((v) => v.speaker === null)).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';
import { segment } from '../../text/segment.js';
import { preparedVocab } from '../../lexicon/per-vocab.js';
import { extractQuotations, tokenQuoteMap } from './quotations.js';

const analyzer = new Analyzer({ model: null });
const voices = (text: string) => (analyzer.analyze(text).voices ?? []).map((v) => ({ speaker: v.speaker, mode: v.mode, text: v.text }));

describe('continued quotations', () => {
  it('a quotation inside a later sentence\'s clause continues no earlier speaker', () => {
    const v = voices('The Tarsian Council alleges that troops have "driven thousands from their homes". By evening the talk in the cafés was that Dorvia "wants a valley without Tarsians".');
    expect(v.find((x) => x.text === 'wants a valley without Tarsians')?.speaker ?? null).toBeNull();
    const w = voices('The Tarsian Council alleges that troops have "driven thousands from their homes". One columnist went further and wrote that Dorvia "wants a valley without Tarsians".');
    expect(w.find((x) => x.text === 'wants a valley without Tarsians')?.speaker).toBe('One columnist');
    // A quotation that opens its sentence still continues the speaker before it.
    const c = voices('"We will not leave," said Ana Petrov, a farmer. "This land has fed my family for four generations."');
    expect(c.find((x) => x.text.startsWith('This land'))?.speaker).toBe('Ana Petrov');
  });
});

describe('quotations the sentence talks about', () => {
  it('a quotation that is the subject of its sentence has no speaker, not even the last party named', () => {
    const v = voices('Offshore, fishermen in Ostrelia have watched their grounds closed. "The science is settled" is not an answer to a question that nobody has finished researching.');
    expect(v).toEqual([expect.objectContaining({ speaker: null, mode: 'phrase', text: 'The science is settled' })]);
  });

  it('a quotation that opens its sentence and ends it is still the speech of the person introduced before it', () => {
    const v = voices('Interior Minister Pavo Kesh described the scene. "It was chaos from the first minute to the last."');
    expect(v).toEqual([expect.objectContaining({ speaker: 'Pavo Kesh', mode: 'quote' })]);
  });

  it('a quotation followed by its speech tag keeps its speaker', () => {
    const v = voices('"We will not abandon the valley and we will pay for the wells," the minister said on Monday.');
    expect(v[0]).toMatchObject({ mode: 'quote' });
    expect(v[0]!.speaker).toMatch(/minister/);
  });
});

describe('a free relative names what is said and reports no words', () => {
  it('"than what it says" is no report, and "more telling" is no verb of speech', () => {
    const v = voices('What the scare leaves out is more telling than what it says. The ministry said on Friday that the talks would resume.');
    expect(v.map((x) => x.speaker)).toEqual(['ministry']);
    expect(voices('Their silence is telling. We know what it says.')).toEqual([]);
    // "telling" with an object or a clause is still speech.
    expect(voices('The minister is telling reporters that the border will stay shut.').map((x) => x.speaker)).toEqual(['minister']);
  });
});

describe('nested quotations', () => {
  it('a quotation is nested exactly when an earlier one that starts before it reaches its end (plain scan)', () => {
    const texts = [
      `The envoy said: "They told us 'the border stays shut' and 'no trucks pass' today." Then "another" and "one more 'inner' part".`,
      `"Outer 'a' and 'b'," she said. 'Single "double inside" here.' "Plain."`,
      `A "first" and "second 'deep "deeper" one' part" end.`,
    ];
    let nested = 0;
    for (const text of texts) {
      const doc = segment(text, preparedVocab());
      const got = extractQuotations(doc, [], tokenQuoteMap(doc)).map((q) => q.nested);
      const plain = doc.quotes.map((q, k) => doc.quotes.slice(0, k).some((o) => o.start < q.start && q.end <= o.end));
      expect(got).toEqual(plain);
      nested += got.filter((x) => x).length;
    }
    expect(nested).toBeGreaterThan(1);
  });
});

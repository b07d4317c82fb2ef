import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';

// Texts written for this test: a commentary on a river dispute between two invented states.
const analyzer = new Analyzer({ model: null });
const voices = (text: string) => analyzer.analyze(text).voices!;
const speakers = (text: string) => voices(text).map((v) => [v.speaker, v.text]);

describe('who speaks: subjects that the sentence names elsewhere', () => {
  it('gives a participle of speech after a comma to the sentence subject ("X has gone further, describing ...")', () => {
    const v = speakers('Ardesian state television has gone further, describing the project as "water genocide" in a documentary.');
    expect(v).toContainEqual(['Ardesian state television', 'water genocide']);
  });

  it('gives the words after "who said" to the person before "who", not to nobody', () => {
    const v = speakers('They point to a speech by a retired Kelvarian general who said in 2019 that "whoever controls the river controls the valley."');
    expect(v).toEqual([['retired Kelvarian general', 'whoever controls the river controls the valley']]);
  });

  it('resolves "she" to the person the sentence opens with, not to the last source of an earlier sentence', () => {
    const text = 'The minister, Tomas Vrell, called the report "a document written by people paid to look away." The commission\'s chair, an engineer from a third country, declined to respond to what she described as "a personal remark."';
    const v = voices(text).filter((x) => x.text.includes('personal remark'));
    expect(v.length).toBeGreaterThan(0);
    for (const x of v) expect(x.speaker).toContain('chair');
    // Without a person opening the sentence, "she" still goes back to the last person named.
    const back = voices('Mara Lind, the envoy, arrived on Monday. Asked about the talks, she said "we are close."');
    expect(back.map((x) => x.speaker)).toContain('Mara Lind');
  });
});

describe('speakers described by what they are (fifth reading round: a climate op-ed)', () => {
  it('keeps a plural possessive, a place after "near" and a name with "of" in the speaker', () => {
    const v = speakers('The bakers\' association warns that bread will cost more. A dairy farmer near Lenz told this newspaper that she will sell her herd. The Ministry of Environment admits that households will lose money.');
    expect(v).toEqual([
      ["bakers' association", 'bread will cost more'],
      ['dairy farmer near Lenz', 'she will sell her herd'],
      ['Ministry of Environment', 'households will lose money'],
    ]);
  });

  it('still splits a title from the body it heads ("the Minister of Energy")', () => {
    const v = voices('The Minister of Energy, Ada Lind, said that prices would fall.');
    expect(v.map((x) => x.speaker)).toEqual(['Ada Lind']);
  });
});

describe('passive namings: the one named is not the one naming', () => {
  it('gives the words to the agent after "by", or to a capital after "in", never to the subject', () => {
    for (const [a, b] of [['Ostrelian', 'Tarvian'], ['Tarvian', 'Ostrelian']]) {
      expect(speakers(`When the ${a} prime minister travelled to the talks, he was denounced in Velmar as a traitor to the alliance.`)).toEqual([['Velmar', 'a traitor to the alliance']]);
      expect(speakers(`The ${a} plan was quickly described as "collective punishment" by the ${b} envoy.`)).toEqual([[`${b} envoy`, 'collective punishment']]);
    }
    // No agent: the words are nobody's named, and surely not the subject's.
    expect(speakers('The minister was described as a coward.')).toEqual([]);
    expect(speakers('The raid was described as "a massacre carried out by the army" in a statement.')).toEqual([[null, 'a massacre carried out by the army']]);
    // The active voice is unchanged.
    expect(speakers('Critics described the minister as a coward.')).toEqual([['Critics', 'a coward']]);
  });
});

describe('"according to" opening a sentence', () => {
  it('ends the source at the comma when the report after it opens with an article', () => {
    expect(speakers('According to the river commission, the flow has fallen.')).toEqual([['river commission', 'the flow has fallen']]);
    expect(speakers('According to the river commission, the flow has fallen by 6 percent since the dam filled.')).toEqual([['river commission', 'the flow has fallen by 6 percent since the dam filled']]);
  });

  it('keeps an appositive that closes with a comma, and one at the end of an inverted attribution', () => {
    expect(speakers('According to Elena Sy, the commission\'s secretary, the flow has fallen.')).toEqual([['Elena Sy', 'the flow has fallen']]);
    const after = voices('The flow has fallen, according to Elena Sy, a spokeswoman for the commission.');
    expect(after.map((v) => v.text)).toEqual(['The flow has fallen']);
    expect(after[0]!.speakerSpan!.text).toBe('Elena Sy, a spokeswoman for the commission');
  });
});

describe('who speaks: words that are not reported speech', () => {
  it('reads "the central claim of the campaign, that ..., rests on almost nothing" as the campaign\'s claim, which the author rejects', () => {
    const v = voices('But the central claim of the Ardesian campaign, that Kelvaria is cutting off water, rests on almost nothing.');
    expect(v.map((x) => [x.speaker, x.text, x.stance])).toEqual([['Ardesian campaign', 'Kelvaria is cutting off water', 'rejects']]);
    // Without a judgement after the closing comma, the claim is reported and not judged.
    const plain = voices('The main claim of the opposition, that the vote was rigged, was repeated on Monday.');
    expect(plain.map((x) => [x.speaker, x.text, x.stance])).toEqual([['opposition', 'the vote was rigged', null]]);
    // Opening the next paragraph, that sentence judges its own claim, not the reports before it.
    const two = voices('Kelvarian officials announced the second turbine hall without consulting anyone.\n\nBut the central claim of the Ardesian campaign, that Kelvaria is cutting off water, rests on almost nothing.');
    expect(two.map((x) => [x.speaker, x.stance])).toEqual([['Kelvarian officials', null], ['Ardesian campaign', 'rejects']]);
  });

  it('reads a title\'s "the Story Ardesia Tells About It" as no reported speech', () => {
    expect(speakers('The Dam That Kelvaria Built, and the Story Ardesia Tells About It\n\nThe dam was finished in 2020.')).toEqual([]);
  });
});

describe('the author\'s judgement of what was reported', () => {
  it('does not read a double negative ("That is not nothing.") as a rejection of the report before it', () => {
    const v = voices('According to the joint river commission, the flow has fallen by 6 percent. That is not nothing. But rainfall explains most of it.');
    expect(v.length).toBe(1);
    expect(v[0]!.stance).toBeNull();
    // A plain elliptical denial still rejects.
    expect(voices('The ministry said the dam had cut the flow by half. It did not.')[0]!.stance).toBe('rejects');
  });

  it('links "These are serious charges. They are not supported by the record." to the charges of the paragraph before', () => {
    const text = 'Its foreign minister said that Kelvaria "is holding millions of farmers hostage." State television called the project "water genocide."\n\nThese are serious charges. They are also not supported by the record.\n\nConsider the flow data.';
    const v = voices(text).filter((x) => x.parent === null);
    expect(v.length).toBe(2);
    for (const x of v) expect(x.stance).toBe('rejects');
    // Without the pointing-back sentence, a later "They are not supported" in the next paragraph judges nothing.
    const apart = voices('Its foreign minister said that Kelvaria "is holding millions of farmers hostage."\n\nThe river rose in spring. They are also not supported by the record.');
    expect(apart.filter((x) => x.parent === null)[0]!.stance).toBeNull();
  });
});

describe('who speaks in a wire report', () => {
  it('reports the words before ", the ministry said on Wednesday", not "on Wednesday"', () => {
    const v = speakers('Teams restored electricity to four towns after artillery struck a substation, the energy ministry said on Wednesday.');
    expect(v).toEqual([['energy ministry', 'Teams restored electricity to four towns after artillery struck a substation']]);
    // After a wire dateline, the report starts after it.
    const wire = speakers('Power cut in border towns\n\nSARN DISTRICT, March 14 (Kelvaria News Agency) - Teams restored electricity to four towns, the energy ministry said on Wednesday.');
    expect(wire).toEqual([['energy ministry', 'Teams restored electricity to four towns']]);
    // "said on Wednesday that ..." still reports the clause after "that".
    expect(speakers('The minister said on Wednesday that talks would resume.')).toEqual([['minister', 'talks would resume']]);
  });

  it('reads "In a statement on Tuesday it said" as "it", the party named just before', () => {
    const text = 'The Ardesian defence ministry did not respond to a request for comment. In a statement on Tuesday it said its forces had targeted only military sites.';
    const v = voices(text);
    expect(v.map((x) => [x.speaker, x.actor, x.text])).toEqual([['Ardesian defence ministry', 'country:ardes', 'its forces had targeted only military sites']]);
    // After a noun, a pronoun and a verb of speech are a relative clause ("the attacks it describes"), no report.
    expect(speakers('Kelvaria should publish the evidence for the attacks it describes, reopen the crossings, and admit the monitors.')).toEqual([]);
  });

  it('gives "... has offered to host talks and said that ..." to the subject of the sentence', () => {
    const v = voices('Ostrelia\'s foreign minister, Lina Haart, has offered to host a third round and said on Monday that both sides had a real chance to end the war.');
    expect(v.map((x) => [x.speaker, x.text])).toEqual([["Ostrelia's foreign minister", 'both sides had a real chance to end the war']]);
  });
});

describe('how far a report runs', () => {
  it('ends a report inside an opening "When ..." clause at its comma, with or without "that"', () => {
    const v = speakers('When the commission says the flow has fallen by six percent, it is measuring at a gauge that Kelvarian engineers chose.');
    expect(v).toEqual([['commission', 'the flow has fallen by six percent']]);
  });

  it('reports nothing for "have said as much" or "said so": the words point back', () => {
    expect(speakers("A regime that can turn off water can dictate politics, and Kelvaria's generals have said as much.")).toEqual([]);
    expect(speakers('The minister said so on Monday.')).toEqual([]);
  });
});

describe('subjects with a relative clause', () => {
  it('gives the words to the noun phrase before "that"/"who", not to the relative clause', () => {
    expect(speakers('The same newspapers that warn of a coming war told their readers last spring that the border was calm.')).toEqual([['same newspapers', 'the border was calm']]);
    expect(speakers('Officials who visited the camp said conditions were poor.')).toEqual([['Officials', 'conditions were poor']]);
  });

  it('reads "the very confrontation it claims to fear" as a relative clause that reports nobody', () => {
    expect(speakers('Tarvia is provoking the very confrontation it claims to fear.')).toEqual([]);
  });
});

describe('naming with "as"', () => {
  it('runs "described X as an attempt to \\"...\\"" through the quotation, which is the describer\'s words', () => {
    const v = voices('Ardesia has described the project as an attempt to "strangle the valley," while officials disagree.');
    expect(v.map((x) => [x.speaker, x.text, x.parent])).toEqual([
      ['Ardesia', 'an attempt to "strangle the valley,"', null],
      ['Ardesia', 'strangle the valley', 0],
    ]);
  });
});

describe('who speaks: pronouns after places and clauses of time (fourth reading round)', () => {
  it('"he" is the farmer named before, not a river or a sentence that opens "In Dolsk"', () => {
    const text =
      'The first thing Josip Terlan noticed was the goats. They drank from a tributary of the River Sel. ' +
      'By summer, he says, the water had turned "the colour of weak tea." Ilse Varga said the company lied. ' +
      'In Dolsk, Terlan has stopped waiting. He now buys water in drums. "They say we are against jobs," he said.';
    const v = voices(text);
    expect(v.find((x) => x.text.startsWith('the water had turned'))?.speaker).toBe('Josip Terlan');
    expect(v.find((x) => x.text === 'They say we are against jobs')?.speaker).toBe('Terlan');
    expect(v.some((x) => /River Sel|In Dolsk/.test(x.speaker ?? ''))).toBe(false);
  });

  it('a clause of time ends what the first source says: the second source is no part of it', () => {
    const v = voices('The alliance said on Tuesday that the vote had been rigged, hours after the commission confirmed the result.');
    expect(v.find((x) => x.speaker === 'alliance')?.text).toBe('the vote had been rigged');
    expect(v.find((x) => x.speaker === 'commission')?.parent ?? null).toBeNull();
    const h = voices('Opposition alleges fraud as commission confirms victory\n\nThe count ended on Monday.');
    expect(h.find((x) => x.speaker === 'Opposition')?.text).toBe('fraud');
  });
});

describe('who speaks: a party inside a speaker\'s name', () => {
  it('the opposition of a country does not speak for its state; its ministers do', () => {
    const v = voices('Brennan officials met on Monday. Brenna\'s main opposition alliance said the election had been rigged. Brenna\'s ministers said the count was clean. The Brenna government said it would not step down.');
    const actor = (start: string) => v.find((x) => x.text.startsWith(start))?.actor ?? null;
    expect(actor('the election had been rigged')).toBeNull();
    expect(actor('the count was clean')).toMatch(/^country:/);
  });
});

describe('who speaks: a person described by where they work, and reports that point back', () => {
  it('"The owner of a bakery on Vesna Street told ..." is the owner, not the street', () => {
    const v = voices("The owner of a bakery on Vesna Street told the Maltry Courier that she had lost a week's takings.");
    expect(v.map((x) => [x.speaker, x.actor])).toEqual([['owner (bakery on Vesna Street)', null]]);
  });

  it('"the observers said so too" reports nothing of its own', () => {
    expect(voices('The mission found the vote orderly, and the observers said so too.').filter((x) => x.speaker === 'observers')).toEqual([]);
  });
});

describe('who speaks: a noun of speech put forward before a colon (an op-ed that answers its opponents)', () => {
  const text = 'Its friends in the foreign press have an answer to all of this: the government is an authoritarian regime, and anyone who disagrees is a propagandist. It is a wonderfully simple story. It is also false.';

  it('the words after the colon are theirs, and the author\'s "It is a ... story. It is also false." rejects them', () => {
    const v = voices(text).find((x) => x.text.startsWith('the government is an authoritarian regime'));
    expect(v?.speaker).toMatch(/friends/);
    expect(v?.stance).toBe('rejects');
  });

  it('a noun of speech that nobody puts forward introduces nothing ("The answer: more wells.")', () => {
    expect(voices('The answer to all of this: more wells and fewer dams.')).toEqual([]);
  });
});

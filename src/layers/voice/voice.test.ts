import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Analyzer } from '../../analysis/analyzer.js';
import type { VoiceSegment } from '../../core/voice.js';
import { segmentAtOffset } from './layer.js';

const analyzer = new Analyzer({ model: null });
const voices = (text: string) => analyzer.analyze(text).voices!;
/** Compact form: "speaker [mode stance] words". */
const show = (v: VoiceSegment) => `${v.speaker ?? '?'} [${v.mode}${v.quoted ? ' quoted' : ''}${v.stance ? ' ' + v.stance : ''}] ${v.text}`;

describe('voice: direct speech', () => {
  it('gives a quotation to its speaker, after or before it', () => {
    const vs = voices('"We will hold the ridge," said General Piotr Zan. The ministry said: "The convoy is safe."');
    expect(vs.map(show)).toEqual(['Piotr Zan [quote quoted] We will hold the ridge', 'ministry [quote quoted] The convoy is safe']);
    expect(vs[0]!.cue?.text).toBe('said');
  });

  it('reads "the organisation said" as the institution named just before, and leaves it when two compete', () => {
    const [v] = voices('A convoy organised by the Red Crescent reached the town by late afternoon, the organisation said.');
    expect([v!.speaker, v!.actor]).toEqual(['Red Crescent', 'icrc']);
    expect(voices('The Red Cross and the World Bank met on Monday. The organisation said the road was closed.').map((x) => x.speaker)).toEqual(['organisation']);
  });

  it('reads the content of a claim noun as the words of whoever puts it forward, also after a colon', () => {
    expect(voices('Dastrian officials have repeated one explanation for the closure: that Korvan shelters armed cells.').map(show))
      .toEqual(['Dastrian officials [indirect] Korvan shelters armed cells']);
    expect(voices('The claim that the dam burst is false.').map(show)).toEqual(['? [indirect rejects] the dam burst']);
  });

  it('reads a claim noun after a sentence that ends in a verb of speech: "..., the monitors said. Claims that X shelled ..."', () => {
    for (const [a, b] of [['Tarvia', 'Ostrelia'], ['Ostrelia', 'Tarvia']]) {
      expect(voices(`${a} did not shell the town, the monitors said. Claims that ${b} shelled the town are false.`).map(show))
        .toEqual([`monitors [indirect] ${a} did not shell the town`, `? [indirect rejects] ${b} shelled the town`]);
    }
  });

  it('gives a speaker no place as its actor: "Farmers in the Lowen valley say"', () => {
    const [v] = voices('Farmers in the Lowen valley say their wells have dropped by two metres. The Lowen valley is dry.');
    expect([v!.speaker, v!.actor]).toEqual(['Farmers in the Lowen valley', null]);
  });

  it('gives "Its officials", "Their newspapers" to the one party named just before, and to none when two compete', () => {
    const [v] = voices('The talks stalled. The Pellian government has refused every inspection since May. Its newspapers say the wells are full.');
    expect([v!.speaker, v!.actor]).toEqual(["Pellian government's newspapers", 'country:pell']);
    const [w] = voices('Pellian officials met Dorvish officials in May. Its newspapers say the wells are full.');
    expect(w!.actor).toBeNull();
  });

  it('resolves a pronoun speaker to the named source before it', () => {
    const vs = voices('Marta Kovac, the mayor of Lodz, spoke on Friday. "The water is gone," she said.');
    expect(vs[0]!.speaker).toBe('Marta Kovac');
  });

  it('names the actor of a speaker the actors layer knows', () => {
    const [v] = voices('"The border is closed," the Sylvanian government said.');
    expect(v!.actor).toBe('sylvania');
  });
});

describe('voice: indirect speech', () => {
  it('reads "X assures us that" and "X like(s) to say that" as X\'s words, the habit with the author\'s doubt', () => {
    expect(voices('The water minister assures us that the reservoir is full.').map(show)).toEqual(['water minister [indirect] the reservoir is full']);
    expect(voices('Mill owners like to say that the river belongs to everyone.').map(show)).toEqual(['Mill owners [indirect doubts] the river belongs to everyone']);
    // "declined to say", "assured of a seat": no speech.
    expect(voices('The mayor declined to say whether the bridge would reopen. The party is assured of a seat.')).toEqual([]);
  });

  it('ends what X accuses at "and called ...", whose quoted words are X\'s too', () => {
    expect(voices('The mayor accused the board of "theft" and called the audit "a farce."').map(show))
      .toEqual(['mayor [accusation] the board of "theft"', 'mayor [phrase quoted] theft', 'mayor [indirect] the audit "a farce."', 'mayor [phrase quoted] a farce']);
    // A verb that reports nothing by itself ("branded") still passes the quoted words on.
    expect(voices('The mayor accused the board of "theft" and branded the audit "a farce."').map((v) => v.speaker)).toEqual(['mayor', 'mayor', 'mayor']);
    // "and called on X to ..." is the speaker's demand: it stays inside the report.
    expect(voices('The mayor said the dam was unsafe and called on the board to close it.').map(show)).toEqual(['mayor [indirect] the dam was unsafe and called on the board to close it']);
    // "and" before another kind of verb stays inside the report.
    expect(voices('The minister said that the troops advanced and fired on the crowd.').map(show)).toEqual(['minister [indirect] the troops advanced and fired on the crowd']);
  });

  it('ends an accusation before "while" and a participle, which describes the accusers in the author\'s words', () => {
    expect(voices('Farm groups accuse the board of theft while refusing to publish their own figures.').map(show)).toEqual(['Farm groups [accusation] the board of theft']);
    expect(voices('Farm groups accuse the board of theft while in office.').map(show)).toEqual(['Farm groups [accusation] the board of theft while in office']);
  });

  it('reads no content after a noun of speech when "that" opens a relative clause', () => {
    expect(voices('Both boards should refrain from statements that may inflame the valley.')).toEqual([]);
    // A plural "statements that" is a relative clause more often than not: "statements that attribute ...".
    expect(voices('Both boards should refrain from statements that attribute blame to the valley.')).toEqual([]);
  });

  it('reads "the X statement that P and the Y statement that Q" as two owners\' words', () => {
    expect(voices('The board noted the Dastrian statement that the wells were full and the Korvani statement that they were dry.').map(show))
      .toEqual(['Dastrian [indirect] the wells were full', 'Korvani [indirect] they were dry']);
  });

  it('covers the clause after "X said that" and after "X argues"', () => {
    expect(voices('The Korvani ministry said on Monday that the dam was safe.').map(show)).toEqual(['Korvani ministry [indirect] the dam was safe']);
    expect(voices('Critics argue the deal is unfair to farmers.').map(show)).toEqual(['Critics [indirect] the deal is unfair to farmers']);
  });

  it('keeps the denial in what a source reports: "found no evidence that P" does not report P', () => {
    expect(voices('An inquiry by the Basin Commission found no evidence that the gauges had been altered.').map(show))
      .toEqual(['inquiry by the Basin Commission [indirect] no evidence that the gauges had been altered']);
    expect(voices('The Basin Commission found that the gauges had been altered.').map(show))
      .toEqual(['Basin Commission [indirect] the gauges had been altered']);
  });

  it('covers the words before "..., X said" and both sides of "according to"', () => {
    expect(voices('Three shepherds were wounded, the Dastrian ministry said.').map(show)).toEqual(['Dastrian ministry [indirect] Three shepherds were wounded']);
    expect(voices('According to the Red Cross, 300 families fled.').map(show)).toEqual(['Red Cross [according-to] 300 families fled']);
    expect(voices('Some 300 families fled, according to the Red Cross.').map(show)).toEqual(['Red Cross [according-to] Some 300 families fled']);
  });

  it('gives an accusation to the accuser, not to the author', () => {
    const r = analyzer.analyze('Sylvania accused Freedonia of genocide.');
    expect(r.voices!.map(show)).toEqual(['Sylvania [accusation] Freedonia of genocide']);
    expect(r.claims![0]!.voice).toMatchObject({ kind: 'source', speaker: 'Sylvania', actor: 'sylvania' });
  });

  it('ends a report where the next source starts', () => {
    const vs = voices('Farmers say the weir starves their fields, and the water board said the weir is legal.');
    expect(vs.map(show)).toEqual(['Farmers [indirect] the weir starves their fields', 'water board [indirect] the weir is legal']);
  });

  it('marks what a speaker denies', () => {
    const [v] = voices('The Ostrelian army denied that its drones struck the market.');
    expect(v).toMatchObject({ denied: true, text: 'its drones struck the market' });
  });

  it('reads a headline of another outlet as that headline\'s words', () => {
    const [v] = voices('The card is played again: "the mainly Orthodox valley", one headline read.');
    expect(show(v!)).toBe('one headline [headline quoted] the mainly Orthodox valley');
  });
});

describe('voice: words a source names', () => {
  it('gives quoted words after "speak of", "describe ... as" and "use headlines such as" to the subject', () => {
    const vs = voices(
      'Korvani officials and their allies speak of "ethnic cleansing" and even "genocide". Dastria\'s foreign ministry spokesman, ' +
        'Aurel Tamm, has described the closure of the pass as "collective punishment". Several foreign outlets have used ' +
        'headlines such as "The Valley Is Emptied" for their stories.',
    );
    expect(vs.map(show)).toEqual([
      'Korvani officials [phrase quoted] ethnic cleansing',
      'Korvani officials [phrase quoted] genocide',
      'Aurel Tamm [phrase quoted] collective punishment',
      'Several foreign outlets [headline quoted] The Valley Is Emptied',
    ]);
    expect(vs[0]!.cue?.text).toBe('speak');
    // Adverbs between subject, verb and "of": the subject still uses the words.
    expect(voices('Its ministers have at times spoken carelessly of "occupation". The Dastrian minister has repeatedly and loudly described the closure as "punishment".').map(show))
      .toEqual(['Its ministers [phrase quoted] occupation', 'Dastrian minister [phrase quoted] punishment']);
  });

  it('skips a time phrase between a naming verb and its subject', () => {
    expect(voices('Dastrian television on Thursday night described the delegation as "saboteurs in suits".').map(show))
      .toEqual(['Dastrian television [phrase quoted] saboteurs in suits']);
  });

  it('gives a longer quotation with no speaker of its own to the subject of a naming verb', () => {
    expect(voices('The interior minister calls the protesters "hooligans paid from abroad". He has named nobody.').map(show))
      .toEqual(['interior minister [quote quoted] hooligans paid from abroad']);
  });

  it('leaves a scare quote with no naming verb to the author, with doubt ("used" names only words)', () => {
    expect(voices('The "reforms" of the Dastrian council closed three schools.').map(show)).toEqual(['? [phrase quoted doubts] reforms']);
    expect(voices('The Korvani army used tear gas near the "temporary" camp.').map(show)).toEqual(['? [phrase quoted doubts] temporary']);
  });

  it('reads "X describe it as Z" without quotation marks as X\'s word, and the accusation as X\'s', () => {
    const r = analyzer.analyze('Dastrian officials say the operation restored the border; Korvani officials describe it as an occupation.');
    expect(r.voices!.map(show)).toEqual(['Dastrian officials [indirect] the operation restored the border', 'Korvani officials [indirect] an occupation']);
    const acc = r.claims!.find((c) => c.accusation);
    if (acc) expect(acc.voice).toMatchObject({ speaker: 'Korvani officials' });
  });

  it('gives a report between commas what follows it', () => {
    expect(voices('Convoys reached villages where, according to the Red Cross, about 300 families remain without fuel.').map(show)).toEqual([
      'Red Cross [according-to] about 300 families remain without fuel',
    ]);
  });
});

describe('voice: nested attribution', () => {
  it('nests a report inside the report that carries it', () => {
    const vs = voices('The envoy said rebels claimed that the bridge was mined.');
    expect(vs.map(show)).toEqual(['envoy [indirect] rebels claimed that the bridge was mined', 'rebels [indirect doubts] the bridge was mined']);
    expect(vs[1]!.parent).toBe(0);
    expect(vs[0]!.parent).toBeNull();
  });

  it('nests speech inside a quotation', () => {
    const vs = voices('The farmer said: "Soldiers told us that the village would burn."');
    expect(vs).toHaveLength(2);
    expect(vs[1]).toMatchObject({ speaker: 'Soldiers', parent: 0, text: 'the village would burn' });
  });

  it('gives a quoted phrase inside reported speech to that speaker', () => {
    const vs = voices('Tarvian outlets report that the villagers fled "in terror".');
    expect(vs.map((v) => [v.speaker, v.mode, v.text])).toEqual([
      ['Tarvian outlets', 'indirect', 'the villagers fled "in terror"'],
      ['Tarvian outlets', 'phrase', 'in terror'],
    ]);
  });
});

describe('voice: the author\'s stance', () => {
  it('reads a rejection in the next sentence as the author\'s, for every report it follows', () => {
    const text =
      'Tarvian diaspora groups declared that Ostrelia is committing genocide, and the Tarvian foreign minister, Ilse Varga, ' +
      'said that "Ostrelia has never kept a promise." Such claims are baseless. They reflect a hateful mindset.';
    const r = analyzer.analyze(text);
    expect(r.voices!.map((v) => [v.speaker, v.stance, v.stanceCue?.text])).toEqual([
      ['Tarvian diaspora groups', 'rejects', 'Such claims are baseless.'],
      ['Ilse Varga', 'rejects', 'Such claims are baseless.'],
    ]);
    // The accusation is the diaspora groups', and the author rejects it.
    const acc = r.claims!.find((c) => c.accusation)!;
    expect(acc.accusation!.accuser!.text).toBe('Tarvian diaspora groups');
    expect(acc.voice).toMatchObject({ speaker: 'Tarvian diaspora groups', stance: 'rejects' });
  });

  it('reads "These charges are not supported by any evidence" as rejecting the reports of the sentences before it', () => {
    const r = analyzer.analyze(
      'Korvani officials speak of "genocide". Their minister, Aurel Tamm, has described the curfew as "collective punishment". ' +
        'These charges are not supported by any evidence.',
    );
    const top = r.voices!.filter((v) => v.parent === null);
    expect(top.map((v) => [v.speaker, v.stance])).toEqual([['Korvani officials', 'rejects'], ['Aurel Tamm', 'rejects']]);
    // A sentence of the author's own between them ends the run.
    const one = analyzer.analyze('Korvani officials speak of "genocide". The valley is quiet. Aurel Tamm has described the curfew as "punishment". These claims are false.');
    expect(one.voices!.filter((v) => v.parent === null).map((v) => v.stance ?? null)).toEqual([null, 'rejects']);
    // One sentence of the author's may stand right before the judgement, which may open the next paragraph.
    const next = analyzer.analyze('The ministry has called Korvan "a haven for armed gangs". No attack has been documented.\n\nThese charges are not supported by any evidence.');
    expect(next.voices!.filter((v) => v.parent === null).map((v) => v.stance ?? null)).toEqual(['rejects']);
    const later = analyzer.analyze('The ministry has called Korvan "a haven for armed gangs".\n\nThe valley is quiet. These charges are not supported by any evidence.');
    expect(later.voices!.filter((v) => v.parent === null).map((v) => v.stance ?? null)).toEqual([null]);
  });

  it('reads adverbs and loaded verbs on the report', () => {
    expect(voices('The ministry falsely said that the dam had burst.')[0]!.stance).toBe('rejects');
    expect(voices('The monitors rightly warned that the ceasefire would not hold.')[0]!.stance).toBe('endorses');
    expect(voices('The ministry claimed that the dam had burst.')[0]!.stance).toBe('doubts');
    expect(voices('The ministry admitted that the dam had burst.')[0]!.stance).toBe('endorses');
    expect(voices('The ministry said that the dam had burst.')[0]!.stance).toBeNull();
  });

  it('reads a judgement closing the sentence of a reported claim', () => {
    const [v] = voices('The claim that the weir starves the valley is simply false.');
    expect(v).toMatchObject({ text: 'the weir starves the valley', stance: 'rejects' });
  });

  it('leaves the author\'s own sentences to the author', () => {
    expect(voices('The weir starves the valley. It is a disgrace.')).toEqual([]);
  });

  it('reads a flat denial right after a report as rejecting it: "It did not.", "no such ...", "nothing of the kind"', () => {
    const stances = (text: string) => voices(text).filter((v) => v.parent === null).map((v) => [v.speaker, v.stance ?? null]);
    expect(stances('The Dastrian water board says the sluice was opened at night. It was not. The gauges show a steady level.'))
      .toEqual([['Dastrian water board', 'rejects']]);
    expect(stances('Korvani radio reported that the envoy had resigned. He didn\'t.')).toEqual([['Korvani radio', 'rejects']]);
    expect(stances('The governor announced that the audit had cleared the mill. The auditors made no such finding.'))
      .toEqual([['governor', 'rejects']]);
    expect(stances('The union called the new rota "a punishment for the strike." It is nothing of the kind.')).toEqual([['union', 'rejects']]);
    // Only right after the report: a sentence of the author's between them is what "It did not." answers.
    expect(stances('The board says the river rose by a metre. The farmers expected it to flood. It did not.')).toEqual([['board', null]]);
    // An affirmative short sentence judges nothing.
    expect(stances('The board says the river rose by a metre. It did.')).toEqual([['board', null]]);
  });

  it('reads "X claimed no such thing" as the author\'s denial, which rejects the report that put it in X\'s mouth', () => {
    const vs = voices('The mayor said on Sunday that the inspectors had warned the dam was cracked. The inspectors warned of no such thing.');
    expect(vs.map(show)).toEqual(['mayor [indirect rejects] the inspectors had warned the dam was cracked', 'inspectors [indirect] the dam was cracked']);
    expect(voices('The inspectors claimed nothing of the sort on Monday.')).toEqual([]);
  });

  it('reads the author\'s next sentence that negates the reported verb, with the same subject, as rejecting the report', () => {
    const stances = (text: string) => voices(text).filter((v) => v.parent === null).map((v) => v.stance ?? null);
    expect(stances('Dastrian television stated that the commission had approved the new quota. The commission has not approved any quota.')).toEqual(['rejects']);
    // Another subject, or another verb, is not a denial of that report.
    expect(stances('Dastrian television stated that the commission had approved the new quota. The ministry has not approved it.')).toEqual([null]);
    expect(stances('Dastrian television stated that the commission had approved the new quota. The commission has not published it.')).toEqual([null]);
  });

  it('reads a closing "because it is false" as rejecting the report before it', () => {
    const [v] = voices('Critics abroad have used one word for the dam: "theft." The word deserves attention, because it is false.');
    expect([v!.speaker, v!.stance]).toEqual(['Critics abroad', 'rejects']);
  });

  it('reads "X nevertheless report(s)" as the author doubting the report, but not a "Nevertheless" that opens the sentence', () => {
    expect(voices('Wells in the valley have risen since May, yet farmers nevertheless report that the pumps run dry.')[0]!.stance).toBe('doubts');
    expect(voices('Nevertheless, the farmers report that the pumps run dry.')[0]!.stance ?? null).toBeNull();
  });
});

describe('voice on findings', () => {
  it('marks findings inside a quotation with the speaker and leaves the author\'s bare', () => {
    const r = analyzer.analyze('"They are butchers and criminals," said General Piotr Zan. The brutal regime lies.');
    const inQuote = r.findings.filter((f) => f.start < r.voices![0]!.end);
    const outside = r.findings.filter((f) => f.start > r.voices![0]!.end + 10);
    expect(inQuote.length).toBeGreaterThan(0);
    expect(outside.length).toBeGreaterThan(0);
    for (const f of inQuote) expect(f.voice).toMatchObject({ kind: 'source', speaker: 'Piotr Zan', quoted: true });
    for (const f of outside) expect(f.voice).toBeUndefined();
  });

  it('finds the innermost segment at an offset', () => {
    const segs = [{ start: 0, end: 50 }, { start: 10, end: 20 }, { start: 30, end: 40 }];
    expect([0, 15, 25, 35, 45, 60].map((o) => segmentAtOffset(segs, o))).toEqual([0, 1, 0, 2, 0, -1]);
  });

  it('keeps segments inside the text, in order, with the text they name, on any input', () => {
    const parts = ['"', 'said', 'the minister', 'that', 'according to', ', ', '. ', 'Such claims are false', 'Sylvania', 'accused', 'of', 'genocide', '\n\n', '[2]', 'rebels claimed', ' '];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...parts), { maxLength: 40 }), (words) => {
        const text = words.join(' ');
        const r = analyzer.analyze(text);
        const vs = r.voices!;
        vs.forEach((v, k) => {
          expect(text.slice(v.start, v.end)).toBe(v.text);
          expect(v.start).toBeLessThan(v.end);
          if (k > 0) expect(v.start).toBeGreaterThanOrEqual(vs[k - 1]!.start);
          if (v.parent !== null) expect(v.parent).toBeLessThan(k);
        });
        expect(analyzer.analyze(text).voices).toEqual(vs);
      }),
      { numRuns: 150 },
    );
  });
});

describe('voice: quoted words a named speaker uses', () => {
  it('gives a phrase after "X settled on one word for it:" to X, the first of a list', () => {
    const [v] = voices('By noon the Korvani cabinet and its supporters had settled on one label for the new weir: "water theft."');
    expect([v!.speaker, v!.text]).toEqual(['Korvani cabinet', 'water theft']);
  });


  it('gives phrases after "speak of", "described ... as" and "call" to the one who uses them, not to the author', () => {
    const vs = voices(
      'Ostrelian ministers and their allies abroad speak of "annexation" and even "occupation". ' +
        'The Tarvian envoy, Ilse Varga, has described the new checkpoints as "a siege". Critics call the plan "a land grab".',
    );
    expect(vs.map(show)).toEqual([
      'Ostrelian ministers [phrase quoted] annexation',
      'Ostrelian ministers [phrase quoted] occupation',
      // "described" reports: her description carries the phrase, and the phrase is hers too.
      'Ilse Varga [indirect] the new checkpoints as "a siege"',
      'Ilse Varga [phrase quoted] a siege',
      'Critics [phrase quoted] a land grab',
    ]);
  });

  it('keeps scare quotes with no one named as the author\'s doubt', () => {
    expect(voices('The "reforms" closed three schools.').map(show)).toEqual(['? [phrase quoted doubts] reforms']);
  });

  it('a judgement after a run of reports rejects all of them, and the same rule holds for either side', () => {
    for (const [a, b] of [['Ostrelian', 'Tarvian'], ['Tarvian', 'Ostrelian']]) {
      const text = `${a} officials speak of "genocide". The ${b} envoy has described the closures as "collective punishment". These charges are not supported by any evidence.`;
      const top = voices(text).filter((v) => v.parent === null);
      expect(top.map((v) => [v.speaker, v.stance])).toEqual([[`${a} officials`, 'rejects'], [`${b} envoy`, 'rejects']]);
    }
  });

  it('a finding over two quoted phrases of one speaker is in that speaker\'s voice', () => {
    const r = analyzer.analyze('Ostrelian officials speak of "ethnic cleansing" and even "genocide" in the valley.');
    const f = r.findings.find((x) => x.text.includes('cleansing'));
    if (f) expect(f.voice?.speaker).toBe('Ostrelian officials');
    // With or without a finding there, both phrases carry the speaker.
    expect(r.voices!.map((v) => v.speaker)).toEqual(['Ostrelian officials', 'Ostrelian officials']);
  });
});

describe('voice: where reported words start and end', () => {
  it('"told reporters in X" after a quotation names who heard it, not what was said', () => {
    const vs = voices('"The road is open," spokesman Aris Tal told reporters in the capital, Vessa. He told us the convoy would pass.');
    expect(vs.map(show)).toEqual(['Aris Tal [quote quoted] The road is open', 'Aris Tal [indirect] the convoy would pass']);
  });

  it('"If X believes that P, Q": Q is the author\'s', () => {
    for (const [a, b] of [['Ostrelia', 'Tarvians'], ['Tarvia', 'Ostrelians']]) {
      expect(voices(`If ${a} believes that ${b} will forget the valley, it has misread our history.`).map(show)).toEqual([`${a} [indirect] ${b} will forget the valley`]);
    }
  });

  it('a wire dateline is not part of what a source says', () => {
    const vs = voices('MARR, June 3 (Northwind Press) - Some 400 families left the valley, according to the Red Cross.');
    expect(vs.map(show)).toEqual(['Red Cross [according-to] Some 400 families left the valley']);
    // Not a dateline: the words stay.
    expect(voices('UN, EU and AU monitors left, according to the Red Cross.').map(show)).toEqual(['Red Cross [according-to] UN, EU and AU monitors left']);
  });
});

describe('voice: after a quotation', () => {
  it('"...," X said on Monday: the words after the verb are not reported speech', () => {
    expect(voices('"We will defend every village," Defence Minister Anna Novak said on Monday.').map(show)).toEqual(['Anna Novak [quote quoted] We will defend every village']);
    // A "that" clause after the verb is reported, quotation or not; so are words before a quotation that follows.
    expect(voices('Aris Tal said the road was open, "and it will stay open".').map((v) => v.speaker)).toEqual(['Aris Tal', 'Aris Tal']);
    expect(voices('"The road is open," Aris Tal said, adding that the convoy would pass.').map((v) => v.speaker)).toEqual(['Aris Tal', 'Aris Tal']);
  });
});

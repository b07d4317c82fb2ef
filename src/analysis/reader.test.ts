/**
 * Reading checks (demo/reader/README.md): texts written for framewise in the styles its users
 * read, and what a journalist reading each report would check first. Each expectation below is a
 * finding a reader would call wrong if it failed, not a snapshot of today's output.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Report } from '../core/report.js';
import { Analyzer } from './analyzer.js';

const read = (name: string) => readFileSync(fileURLToPath(new URL(`../../demo/reader/${name}.txt`, import.meta.url)), 'utf8');
const analyzer = new Analyzer();
const cache = new Map<string, { text: string; report: Report }>();
function analysed(name: string): { text: string; report: Report } {
  let r = cache.get(name);
  if (!r) {
    const text = read(name);
    r = { text, report: analyzer.analyze(text) };
    cache.set(name, r);
  }
  return r;
}

describe('reading check: the wire report', () => {
  it('finds no technique in the agency\'s own words: what persuades is in the sources\' quotations', () => {
    const { report } = analysed('wire-report');
    expect(report.findings.filter((f) => !f.voice).map((f) => f.text)).toEqual([]);
  });

  it('keeps the dateline out of what a source says', () => {
    const { text, report } = analysed('wire-report');
    const dateline = text.indexOf(' - ') + 3;
    expect(report.voices!.every((v) => v.start >= dateline)).toBe(true);
  });

  it('gives each side\'s words to that side', () => {
    const { report } = analysed('wire-report');
    const quote = report.voices!.find((v) => v.text.startsWith('There are no armed groups'));
    expect(quote?.speaker).toBe('Mira Halden');
    const said = report.voices!.find((v) => v.text.startsWith('the Kestrian border posts'));
    expect(said?.speaker).toMatch(/Baldovian interior ministry/);
    // Nothing after "told" is taken for what was said ("told reporters in the Kestrian capital").
    expect(report.voices!.some((v) => v.text.startsWith('reporters'))).toBe(false);
  });
});

describe('reading check: the partisan op-ed with footnotes', () => {
  it('reads every footnote marker as a citation, and splits the sentence after it', () => {
    const { text, report } = analysed('op-ed-footnotes');
    const markers = [...text.slice(0, text.indexOf('\nNotes')).matchAll(/\[\d+\]/g)].map((m) => m.index!);
    expect(markers.length).toBeGreaterThanOrEqual(3);
    for (const at of markers) {
      const s = report.sourcing!.sentences.find((x) => x.cue && x.cue.start === at);
      expect(s?.class, `marker at ${at}`).toBe('cited');
      // The next sentence starts after the marker, not before it.
      expect(report.sourcing!.sentences.some((x) => x.start < at && x.end > at + 3)).toBe(false);
    }
  });

  it('keeps the author\'s main clause the author\'s after "If X believes that ..."', () => {
    const { text, report } = analysed('op-ed-footnotes');
    const at = text.indexOf('it has misread our history');
    expect(at).toBeGreaterThan(0);
    expect(report.voices!.some((v) => v.start <= at && v.end > at)).toBe(false);
  });
});

describe('reading check: the think-tank commentary that quotes the other side to rebut it', () => {
  it('gives the accusations it quotes to those who make them, and reads the author rejecting them', () => {
    const { report } = analysed('think-tank-commentary');
    const accusations = report.voices!.filter((v) => ['ethnic cleansing', 'genocide', 'collective punishment'].includes(v.text));
    expect(accusations.map((v) => v.speaker)).toEqual(['Kestrian officials', 'Kestrian officials', 'Mira Halden']);
    expect(accusations.every((v) => v.stance === 'rejects')).toBe(true);
    // A finding on those words is the accusers' voice, not the author's.
    for (const f of report.findings.filter((x) => /cleansing|genocide|collective punishment/.test(x.text))) expect(f.voice?.speaker, f.text).toBeTruthy();
  });

  it('reads "lies in" and "a ceasefire regime" in their plain senses', () => {
    const { report } = analysed('think-tank-commentary');
    expect(report.findings.filter((f) => /^(lies|regime)$/i.test(f.text))).toEqual([]);
  });
});

describe('reading check: the mirrored commentary, from the other side', () => {
  it('gives the charges it quotes to the ministry that makes them, rejected, and the concessions to the other side\'s ministers', () => {
    const { report } = analysed('rebuttal-commentary');
    const charge = report.voices!.find((v) => v.text.startsWith('Kestria a "haven'));
    expect([charge?.speaker, charge?.stance]).toEqual(['Baldovian interior ministry', 'rejects']);
    const conceded = report.voices!.filter((v) => v.text === 'occupation' || v.text === 'expulsion');
    // "None of this makes Kestria blameless. Its ministers have ... spoken of": Kestria's ministers.
    expect(conceded.map((v) => v.speaker)).toEqual(["Kestria's ministers", "Kestria's ministers"]);
    expect(conceded.every((v) => v.actor !== null && v.actor === report.actors!.find((a) => a.name === 'Kestria')?.id)).toBe(true);
  });

  it('names no actor after an adjective, and does not cast the party it defends as the aggressor', () => {
    const { report } = analysed('rebuttal-commentary');
    expect(report.actors!.map((a) => a.name)).not.toContain('European');
    expect(report.actors!.find((a) => a.name === 'Kestria')?.framing.role).not.toBe('antagonist');
  });
});

describe('reading check: the situation report converted from PDF', () => {
  it('ignores running headers, footers and page numbers in every layer', () => {
    const { text, report } = analysed('converted-pdf');
    const footer = /Nordic Council Working Group on Humanitarian Access\s+\d/;
    expect(footer.test(text)).toBe(true);
    const title = 'Humanitarian Access in the Sarn Basin: Situation Analysis';
    expect(text.split(title).length - 1).toBe(3);
    const sentences = report.sourcing!.sentences.map((s) => s.text);
    // The title is read once, as the title; its repeats on each page are furniture.
    expect(sentences.filter((s) => s.includes(title)).length).toBe(1);
    expect(sentences.some((s) => footer.test(s))).toBe(false);
    expect(report.findings.some((f) => footer.test(f.text) || f.text.includes(title))).toBe(false);
    expect(JSON.stringify(report.claims ?? null)).not.toMatch(footer);
  });

  it('reads headings, section numbers and the date line as title lines: no sourcing class, no claim, no actor', () => {
    const { report } = analysed('converted-pdf');
    const sentences = report.sourcing!.sentences.map((s) => s.text);
    for (const t of ['Summary', '1.', 'Access', 'March 2025', 'Recommendations']) expect(sentences, t).not.toContain(t);
    expect((report.claims ?? []).filter((c) => /^\d+\.$/.test(c.text))).toEqual([]);
    expect(report.actors!.map((a) => a.name)).not.toContain('Humanitarian Access');
    // "Partners report shortages": unnamed partners are a vague source, not none.
    expect(report.sourcing!.sentences.find((s) => s.text.startsWith('Partners report'))?.class).toBe('attributed-vague');
  });

  it('attributes each government\'s statement to it and finds no technique in the working group\'s own prose', () => {
    const { report } = analysed('converted-pdf');
    const named = report.sourcing!.sentences.filter((s) => s.class === 'attributed-named').map((s) => s.source);
    expect(named).toEqual(expect.arrayContaining([expect.stringMatching(/Baldovian authorities/), expect.stringMatching(/Kestrian authorities/)]));
    expect(report.findings.filter((f) => !f.voice && f.confidence >= 0.5)).toEqual([]);
  });
});

describe('reading check: who is cast as what, and in whose voice', () => {
  const role = (report: Report, name: string) => report.actors!.find((a) => a.name === name)?.framing.role;

  it('a wire report casts neither party in its own voice', () => {
    const { report } = analysed('wire-report');
    expect(role(report, 'Baldovia')).toBe('unframed');
    expect(role(report, 'Kestria')).toBe('unframed');
  });

  it('the commentary does not cast the party it defends as the aggressor; those whose charges it rejects, it casts', () => {
    const { report } = analysed('think-tank-commentary');
    expect(role(report, 'Baldovia')).not.toBe('antagonist');
    const halden = report.actors!.find((a) => a.name === 'Mira Halden')!;
    expect(halden.framing.role).toBe('antagonist');
    // On evidence a reader can check: she speaks words the author rejects.
    expect(halden.framing.evidence.some((e) => /reject/.test(e.cue))).toBe(true);
  });

  it('every casting in the author\'s voice cites evidence in the author\'s words', () => {
    for (const name of ['wire-report', 'op-ed-footnotes', 'think-tank-commentary', 'rebuttal-commentary', 'converted-pdf']) {
      const { report } = analysed(name);
      for (const a of report.actors!) {
        if (a.framing.role === 'unframed') continue;
        expect(a.framing.evidence.some((e) => e.role === a.framing.role && !e.voice), `${name}: ${a.name}`).toBe(true);
      }
    }
  });

  it('exchanging the two parties\' names in any of the texts exchanges their roles and changes nothing else', () => {
    const swap = (text: string) => {
      let out = text;
      [['Baldovia', 'Kestria'], ['Velsk', 'Arnholt'], ['VELSK', 'ARNHOLT']].forEach(([x, y], k) => {
        out = out.split(x!).join(`\u0001${k}`).split(y!).join(x!).split(`\u0001${k}`).join(y!);
      });
      return out;
    };
    const cast = (report: Report) => report.actors!.map((a) => `${a.name}: ${a.framing.role}`).sort();
    for (const name of ['wire-report', 'op-ed-footnotes', 'think-tank-commentary', 'rebuttal-commentary', 'converted-pdf']) {
      const { text, report } = analysed(name);
      expect(cast(analyzer.analyze(swap(text))), name).toEqual(cast(report).map(swap).sort());
    }
  });

  it('a situation report casts nobody, least of all the working group that wrote it', () => {
    const { report } = analysed('converted-pdf');
    expect(report.actors!.filter((a) => a.framing.role !== 'unframed').map((a) => a.name)).toEqual([]);
  });
});

describe('reading check: the wire report on the river talks (parties no gazetteer lists)', () => {
  it('finds both parties, the country named like its demonym included, and the dateline city as a place', () => {
    const { report } = analysed('wire-water-talks');
    const korvan = report.actors!.find((a) => a.id === 'country:korvan');
    expect(korvan).toMatchObject({ name: 'Korvan', type: 'country' });
    expect(korvan!.mentions.filter((m) => m.text === 'Korvan').length).toBe(3);
    expect(report.actors!.find((a) => a.id === 'country:dastr')).toMatchObject({ name: 'Dastria', type: 'country' });
    expect(report.actors!.find((a) => a.name === 'Velda')).toMatchObject({ type: 'place' });
  });

  it('reads "trade blame" in the headline as blame both ways: no one-sided headline, accusation or speaker', () => {
    const { report } = analysed('wire-water-talks');
    expect(report.findings.filter((f) => f.technique === 'misleading-headline')).toEqual([]);
    const headlineEnd = report.headline!.end;
    expect(report.claims!.filter((c) => c.start < headlineEnd)).toEqual([]);
    expect(report.voices!.filter((v) => v.start < headlineEnd)).toEqual([]);
  });

  it('does not report as the review\'s words what the review found no evidence of', () => {
    const { report } = analysed('wire-water-talks');
    const review = report.voices!.find((v) => /River Basin Commission|review/.test(v.speaker ?? ''));
    expect(review?.text.startsWith('no evidence that the readings had been altered')).toBe(true);
  });

  it('names accuser, accused and charge as the text does', () => {
    const { report } = analysed('wire-water-talks');
    // The accuser is the claim's speaker when the charge stands in reported speech, else the subject.
    const show = (c: NonNullable<Report['claims']>[number]) => `${c.accusation!.accuser?.text ?? c.voice?.speaker} -> ${c.accusation!.accused?.text}`;
    const acc = report.claims!.filter((c) => c.accusation).map(show);
    expect(acc).toEqual(expect.arrayContaining(['Dastrian foreign ministry -> Korvani engineers', 'Prosecutors in Velda -> two officials of a Korvani construction firm']));
    // Prosecutors in a city do not speak for the city.
    expect(report.claims!.find((c) => c.accusation?.accuser?.text === 'Prosecutors in Velda')!.accusation!.accuser!.actor).toBeNull();
    // Farmers speak for themselves, not for the valley they live in.
    const farmers = report.voices!.find((v) => v.speaker?.startsWith('Farmers'));
    expect(farmers?.actor ?? null).toBeNull();
    // A time phrase is not a speaker.
    expect(report.voices!.some((v) => /Thursday/.test(v.speaker ?? ''))).toBe(false);
  });
});

describe('reading check: the election op-ed', () => {
  it('keeps one actor for the party the text names two ways, and gives the minister his words', () => {
    const { report } = analysed('election-op-ed');
    expect(report.actors!.filter((a) => a.name === 'Unity Bloc').map((a) => a.type)).toEqual(['organisation']);
    const hooligans = report.voices!.find((v) => v.text === 'hooligans paid from abroad');
    expect(hooligans?.speaker).toBe('interior minister');
  });

  it('reads the footnote markers as citations, and the notes list as no sentences of the text', () => {
    const { text, report } = analysed('election-op-ed');
    const notes = text.indexOf('\n[1]');
    const markers = [...text.slice(0, notes).matchAll(/\[\d+\]/g)].map((m) => m.index!);
    expect(markers.length).toBeGreaterThanOrEqual(2);
    // Each marked sentence is sourced: by its marker, or by the source it names ("the same commission announced").
    for (const at of markers) {
      const s = report.sourcing!.sentences.find((x) => x.start <= at && at <= x.end + 1);
      expect(['cited', 'attributed-named'], text.slice(at - 40, at)).toContain(s?.class);
    }
    expect(report.sourcing!.sentences.filter((x) => x.class === 'cited').length).toBeGreaterThanOrEqual(1);
    expect(report.sourcing!.sentences.some((x) => x.start >= notes)).toBe(false);
  });
});

describe('reading check: the second round (Velmara and Oskaria, demo/reader/velmar-*.txt)', () => {
  it('wire: a relative "that both governments claim" attributes nothing; the appositive and participle speakers are found', () => {
    const { report } = analysed('velmar-wire');
    expect(report.sourcing!.sentences.find((s) => s.text.startsWith('DRASSEN'))?.class).toBe('unattributed-claim');
    const courier = report.sourcing!.sentences.find((s) => s.text.startsWith('The Oskari Daily Courier'));
    expect([courier?.class, courier?.source]).toEqual(['attributed-named', 'Oskari Daily Courier']);
    const complaint = report.claims!.find((c) => c.text.startsWith('The Oskari government has lodged'));
    expect(complaint?.accusation?.accuser?.actor).toBe('country:oskar');
    // The dateline's capitals are a place, not shouting.
    expect(report.intensity!.sentences.every((s) => s.contributions.every((c) => c.kind !== 'capitals'))).toBe(true);
  });

  it('op-ed: the notes list is no sentence and no quotation; Velmara is the party it attacks', () => {
    const { text, report } = analysed('velmar-op-ed');
    const notes = text.indexOf('\nNotes');
    expect(report.sourcing!.sentences.some((s) => s.start > notes)).toBe(false);
    expect(report.voices!.some((v) => v.start > notes)).toBe(false);
    expect(report.actors!.find((a) => a.name === 'Velmara')!.mentions.length).toBeGreaterThanOrEqual(6);
    // "assures us that": the minister's words.
    expect(report.voices!.find((v) => v.text === 'military-grade equipment')?.speaker).toBe('Ada Renquist');
  });

  it('commentary: flat denials reject the report before them, and the accusations it quotes are the accusers\'', () => {
    const { report } = analysed('velmar-commentary');
    const v = (start: string) => report.voices!.find((x) => x.text.startsWith(start));
    expect([v('ethnic cleansing')?.speaker, v('ethnic cleansing')?.stance]).toEqual(['Oskari officials', 'rejects']);
    expect(v('the convoy carried only flour')?.stance).toBe('rejects'); // "It did not."
    expect(v('the monitors had claimed')?.stance).toBe('rejects'); // "The monitors claimed no such thing."
    expect(report.voices!.some((x) => x.text === 'no such thing')).toBe(false);
    expect(v('a smear campaign')?.stance).toBe('rejects'); // "They are nothing of the kind."
    expect(v('departures in the')?.stance).toBe('doubts'); // "nevertheless report"
  });

  it('converted report: no shouting in the running title, headings and list numbers state nothing, misattributions rejected', () => {
    const { report } = analysed('velmar-pdf');
    expect(report.intensity!.sentences.every((s) => s.contributions.every((c) => c.kind !== 'capitals'))).toBe(true);
    expect(report.sourcing!.sentences.some((s) => /^(\d\.|Scope and method|The Drassen convoy)$/.test(s.text))).toBe(false);
    // A list item's own number is no number claim (item 3 states one: "48 hours").
    expect(report.claims!.some((c) => /^\d\.\s/.test(c.text) && !/\d/.test(c.text.slice(2)) && c.type === 'number')).toBe(false);
    expect(report.voices!.find((x) => x.text.startsWith('the Mission had confirmed'))?.stance).toBe('rejects');
    expect(report.voices!.find((x) => x.text.startsWith('the Mission had approved'))?.stance).toBe('rejects');
  });
});

describe('reading check: the third round (Ardesia and Kelvaria over the Orvel dam, demo/reader/orvel-*.txt)', () => {
  it('commentary: each accusation the author rejects is its accuser\'s, and the author\'s judgement reaches them', () => {
    const { report } = analysed('orvel-commentary');
    const v = (start: string) => report.voices!.find((x) => x.text.startsWith(start));
    // "These are serious charges. They are also not supported by the record."
    expect([v('the Orvel Dam is a weapon')?.speaker, v('the Orvel Dam is a weapon')?.stance]).toEqual(['government of Ardesia', 'rejects']);
    expect([v('the project as')?.speaker, v('the project as')?.stance]).toEqual(['Ardesian state television', 'rejects']);
    // "the central claim of the Ardesian campaign, that ..., rests on almost nothing."
    expect([v('Kelvaria is deliberately')?.speaker, v('Kelvaria is deliberately')?.stance]).toEqual(['Ardesian campaign', 'rejects']);
    // The figures the author relies on are not rejected ("That is not nothing.").
    expect(report.voices!.find((x) => x.mode === 'according-to')?.stance ?? null).toBeNull();
    // "what she described as": the chair who opens the sentence, not the minister named before.
    expect(v('as "a personal remark')?.speaker).toContain('chair');
    // A title's "the Story Ardesia Tells About It" is nobody's speech.
    expect(report.voices!.some((x) => x.text === 'About It')).toBe(false);
    const gen = report.claims!.find((c) => c.accusation?.charges.includes('genocide') && c.text.includes('water genocide'));
    expect(gen?.voice?.speaker).toBe('Ardesian state television');
  });

  it('state-media report: "said on Wednesday" reports the words before it, "it said" is the ministry named before', () => {
    const { report } = analysed('orvel-state-media');
    expect(report.voices!.some((x) => x.text === 'on Wednesday')).toBe(false);
    expect(report.voices!.find((x) => x.speaker === 'energy ministry')?.text.startsWith('Teams from the Kelvarian state grid')).toBe(true);
    const acc = report.claims!.find((c) => c.accusation?.accused?.text === 'Kelvaria');
    expect(acc?.accusation?.accuser?.actor).toBe('country:ardes');
    expect(report.voices!.find((x) => x.text.startsWith('a real chance'))?.speaker).toBe("Ostrelia's foreign minister");
    // The country is named by its name, not by the demonym the headline opens with ("Kelvarian engineers").
    expect(report.actors!.find((a) => a.id === 'country:kelvar')?.name).toBe('Kelvaria');
  });

  it('op-ed: the party its headline attacks is found there and cast as antagonist; notes are typed by what they name', () => {
    const { report } = analysed('orvel-op-ed');
    const k = report.actors!.find((a) => a.id === 'country:kelvar')!;
    expect(k.mentions[0]!.start).toBe(0);
    expect(k.framing?.role).toBe('antagonist');
    const type = (name: string) => report.actors!.find((a) => a.name === name)?.type;
    expect(type('Ardesian Institute of Hydrology')).toBe('organisation');
    expect(type('Kelvarski Vestnik')).toBe('media');
    // "have said as much" reports nothing; "When the commission says ..., it is measuring" ends at the comma.
    expect(report.voices!.some((x) => x.text === 'as much')).toBe(false);
    expect(report.voices!.find((x) => x.speaker === 'commission')?.text).toBe('the flow has fallen "only" six percent');
  });

  it('converted brief: the masthead is no headline; the title is', () => {
    const { report } = analysed('orvel-pdf');
    expect(report.headline?.text).toBe('Water, Power and Blame in the Orvel Basin');
    expect(report.findings.some((f) => f.technique === 'misleading-headline' && /LOWLAND/.test(f.text))).toBe(false);
    expect(report.voices!.find((x) => x.text.startsWith('an attempt to'))?.speaker).toBe('Ardesia');
  });
});

describe('reading check: the fourth round (Brenna: an election, a mine, a protest, a doping case; demo/reader/brenna-*.txt)', () => {
  const actor = (report: Report, name: string) => report.actors!.find((a) => a.name === name);

  it('election wire: subheads in capitals are no shouting; one source per report; the credit line is nobody', () => {
    const { report } = analysed('brenna-election-wire');
    expect(report.intensity!.sentences.flatMap((s) => s.contributions).filter((c) => c.kind === 'capitals')).toEqual([]);
    const cls = (start: string) => report.sourcing!.sentences.find((s) => s.text.startsWith(start))?.class;
    // "X said ..., hours after the commission confirmed ...", "X accused ... and said ...": one named source each, no hearsay.
    expect(report.sourcing!.sentences.filter((s) => s.class === 'hearsay').map((s) => s.text)).toEqual([]);
    expect(cls('Interior Minister Dana Kovrin accused')).toBe('attributed-named');
    // The headline's allegation is "fraud"; the commission's confirmation is no part of it.
    expect(report.voices!.find((v) => v.speaker === 'Brenna opposition')?.text).toBe('fraud');
    expect(report.voices!.filter((v) => v.mode === 'indirect' && /commission/.test(v.speaker ?? '')).every((v) => v.parent === null)).toBe(true);
    // The opposition does not speak for the state.
    expect(report.voices!.find((v) => v.speaker === "Brenna's main opposition alliance")?.actor ?? null).toBeNull();
    for (const [name, type] of [['Central Electoral Commission', 'organisation'], ['Eastern Partnership of Parliaments', 'organisation'], ['Maltry State University', 'organisation'], ['Maltry', 'place']] as const) {
      expect(actor(report, name)?.type, name).toBe(type);
    }
    const names = report.actors!.map((a) => a.name);
    for (const n of ['Neighbouring Ostrelia', 'Nadia Fell', 'Simon Arcot']) expect(names).not.toContain(n);
    expect(report.claims!.some((c) => c.text.includes('Reporting by'))).toBe(false);
  });

  it('magazine investigation: one company however named, the farmer\'s words his, the reporter\'s own words no opinion', () => {
    const { report } = analysed('brenna-mining-magazine');
    const halvard = report.actors!.filter((a) => a.name.startsWith('Halvard'));
    expect(halvard.map((a) => a.type)).toEqual(['organisation']);
    expect(halvard[0]!.mentions.length).toBeGreaterThanOrEqual(10);
    expect(actor(report, 'Clean Sel')?.type).toBe('organisation');
    expect(actor(report, 'River Sel')?.type).toBe('place');
    const v = (start: string) => report.voices!.find((x) => x.text.startsWith(start));
    expect(v('the water had turned')?.actor).toBe('person:josip-terlan'); // "By summer, he says, ..."
    expect(v('They say we are against jobs')?.actor).toBe('person:josip-terlan'); // "In Dolsk, Terlan ... he said"
    expect(v('it "shares the community')?.speaker).toBe('company');
    // Explanations and denials that are no speech.
    expect(v('the readings')).toBeUndefined();
    expect(v('nothing about cost')).toBeUndefined();
    const cls = (start: string) => report.sourcing!.sentences.find((s) => s.text.includes(start))?.class;
    expect(cls('three of his animals died')).not.toBe('opinion');
    expect(cls('which I obtained')).not.toBe('opinion');
    expect(report.findings.filter((f) => /^(lies|animals)$/.test(f.text))).toEqual([]);
    // The spokesman's "Blaming X for Y is convenient" rejects blame; it accuses nobody. The critics' charge is spelt out after the colon.
    const acc = report.claims!.filter((c) => c.accusation);
    expect(acc.some((c) => c.voice?.speaker === 'Colm Ardagh')).toBe(false);
    const critics = acc.find((c) => c.accusation!.accuser?.actor === 'org:clean-sel');
    expect(critics?.accusation!.charge.text).toMatch(/^knowingly releasing water laced with arsenic/);
    expect(critics?.accusation!.evidence ?? null).toBeNull();
  });

  it('government-side op-ed: the side it answers speaks after the colon, rejected; one movement however named; no unnamed crowd', () => {
    const { report } = analysed('brenna-protest-op-ed');
    const answer = report.voices!.find((x) => x.text.startsWith('the government is an authoritarian regime'));
    expect(answer?.speaker).toMatch(/friends/);
    expect(answer?.stance).toBe('rejects');
    for (const f of report.findings.filter((x) => /authoritarian regime|propagandist/.test(x.text))) expect(f.voice?.speaker, f.text).toMatch(/friends/);
    expect(report.actors!.filter((a) => /Lantern/.test(a.name)).map((a) => a.name)).toEqual(['Lantern Movement']);
    expect(report.voices!.find((x) => x.text.startsWith('she had lost'))?.actor ?? null).toBeNull(); // the baker, not the street
    expect(report.findings.filter((f) => f.technique === 'weasel-attribution' && /observers/.test(f.text))).toEqual([]);
  });

  it('converted decision: masthead and footers are furniture, wrapped lines and hyphenated words read whole, references are nobody', () => {
    const { text, report } = analysed('brenna-doping-pdf');
    const sentences = report.sourcing!.sentences.map((s) => s.text);
    expect(sentences[0]).toBe('Decision of the Disciplinary Panel');
    // No sentence of its own: a sentence that runs across a page break spans the furniture between its parts, no more.
    expect(sentences.some((s) => /^(INTERNATIONAL SLEDGE|ISRF Integrity Unit \|)/.test(s) || /Page \d of 4$/.test(s))).toBe(false);
    expect(report.actors!.some((a) => /INTERNATIONAL|ISRF/.test(a.name))).toBe(false);
    expect(sentences.some((s) => s.startsWith('Its director, Dr. Ruth\nAmsel, told the Panel'))).toBe(true);
    // "... told the | page break | Panel that the officer ...": one sentence across the page.
    expect(sentences.find((s) => s.startsWith("The athlete's coach"))).toMatch(/told the\s[\s\S]*Panel that the officer had stepped out/);
    expect(sentences.some((s) => s.includes('investi-\ngation of the sample collection.'))).toBe(true);
    // The crime frame reads the hyphenated word whole, at its offsets in the original.
    const cue = report.frames!.frames.flatMap((f) => f.cues).find((c) => c.text.startsWith('investi-'));
    expect(cue && text.slice(cue.start, cue.end)).toBe('investi-\ngation');
    const names = report.actors!.map((a) => a.name);
    for (const n of ['Article', 'Rules', 'Case ISRF']) expect(names).not.toContain(n);
    expect(actor(report, 'Ruth Amsel')?.type).toBe('person');
    expect(actor(report, 'Disciplinary Panel')?.type).toBe('organisation'); // "the Panel" is the Disciplinary Panel (fifth round)
    expect(report.sourcing!.sentences.filter((s) => s.class === 'hearsay')).toEqual([]);
    expect(report.voices!.find((x) => x.text.startsWith('respects the Panel'))?.speaker).toBe('Integrity Unit');
  });
});

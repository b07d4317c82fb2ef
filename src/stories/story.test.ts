import { beforeAll, describe, expect, it } from 'vitest';
import { Analyzer } from '../analysis/analyzer.js';
import type { Report } from '../core/report.js';
import { analyseStory, groupOf, isMajorityOfOthers, type VersionInput } from './story.js';

// Written for this test: one invented event told four ways. Facts: the strike (all), 14 killed (three;
// one without the number: "civilians killed"), the vendor's quote (two Oskeland versions and the wire),
// the depot claim (wire and Varnia). Headlines: one gives a number no body gives.
const VERSIONS = [
  {
    outlet: 'Continental Press Agency', tags: ['camp:wire'], title: 'Drone strike on Brask market kills 14',
    text: 'A drone strike hit the covered market in Brask on Monday afternoon, killing 14 people, local officials said.\n\n"I was selling apricots, then the roof fell," said Selim Dar, a fruit vendor.\n\nVarnia said its drones had struck an ammunition depot behind the market.',
  },
  {
    outlet: 'Oskeland Herald', tags: ['camp:oskeland'], title: 'Varnian drone kills 40 shoppers in Brask',
    text: 'A Varnian drone struck the crowded market in Brask on Monday afternoon, killing 14 civilians.\n\n"I was selling apricots, then the roof fell," said Selim Dar, a vendor pulled out of the rubble.\n\nThe government declared a day of mourning across Oskeland.',
  },
  {
    outlet: 'Brask Bulletin', tags: ['camp:oskeland'], title: 'Brask mourns its dead',
    text: 'Fourteen people were killed when a drone hit the Brask market on Monday afternoon, the town council said.\n\n"I was selling apricots, then the roof fell," said Selim Dar, whose arm was broken.\n\nThe market will stay closed for a week.',
  },
  {
    outlet: 'Varnia Now', tags: ['camp:varnia'], title: 'Strike destroys depot in Brask',
    text: 'Varnian drones struck an ammunition depot hidden behind the market in Brask on Monday, the defence ministry said.\n\nOskeland reported civilians killed after the strike on the market.\n\nThe defence minister said operations against depots would continue.',
  },
];

let analyzer: Analyzer;
let inputs: VersionInput[];
beforeAll(() => {
  // Without narrative packs: the reports are plain, so roles and narratives show only where a test adds them.
  analyzer = new Analyzer({ model: null, narratives: 'none' });
  inputs = VERSIONS.map((v, i) => ({ id: i + 1, publishedAt: `2025-06-10T0${i}:00:00Z`, url: null, ...v, report: analyzer.analyze(v.text) }));
});

const story = { id: 7, title: 'Brask market', firstAt: null, lastAt: null };

describe('analyseStory', () => {
  it('aligns facts across versions and tells, per version, what it shares, changes and leaves out', () => {
    const view = analyseStory(story, inputs);
    const byOutlet = Object.fromEntries(view.documents.map((d) => [d.outlet ?? '', d]));
    const quote = view.facts.find((f) => /apricots/.test(f.text))!;
    expect(quote).toMatchObject({ kind: 'quote', carriedBy: 3, groups: ['oskeland', 'wire'] });
    expect(quote.cells.map((c) => c.status)).toEqual(['present', 'present', 'present', 'absent']);
    // Varnia Now leaves the quote out: three of three others carry it, with their sentences as evidence.
    const omitted = byOutlet['Varnia Now']!.omits.find((o) => o.fact === quote.id)!;
    expect(omitted).toMatchObject({ carriedBy: 3, others: 3 });
    expect(omitted.evidence.map((e) => e.documentId)).toEqual([1, 2, 3]);
    for (const e of omitted.evidence) expect(VERSIONS[e.documentId - 1]!.text.slice(e.start, e.end)).toBe(e.text);

    // "civilians killed" without the number: the death toll fact, changed.
    const toll = view.facts.find((f) => f.numbers.includes('14'))!;
    expect(toll.cells.find((c) => c.documentId === 4)!.status).toBe('changed');
    expect(byOutlet['Varnia Now']!.changed.map((c) => c.fact)).toContain(toll.id);
    expect(byOutlet['Continental Press Agency']!.shares.map((s) => s.fact)).toEqual(expect.arrayContaining([toll.id, quote.id]));

    // The depot claim: the wire and Varnia carry it, two of the three others of each Oskeland paper.
    const depot = view.facts.find((f) => /depot/.test(f.text) && f.carriedBy === 2)!;
    expect(byOutlet['Oskeland Herald']!.omits.map((o) => o.fact)).toContain(depot.id);
    expect(byOutlet['Brask Bulletin']!.omits.map((o) => o.fact)).toContain(depot.id);
    expect(byOutlet['Continental Press Agency']!.omits).toEqual([]);
    // The day of mourning: only an Oskeland version tells it.
    expect(byOutlet['Oskeland Herald']!.only.some((o) => /mourning/.test(o.text))).toBe(true);
    expect(byOutlet['Continental Press Agency']!.only.some((o) => /mourning/.test(o.text))).toBe(false);
  });

  it('lists each group\'s blind spots: facts every version of the group leaves out', () => {
    const view = analyseStory(story, inputs);
    expect(view.groups).toEqual([{ group: 'oskeland', documents: 2 }, { group: 'varnia', documents: 1 }, { group: 'wire', documents: 1 }]);
    expect(view.blindSpots.find((b) => b.group === 'varnia')!.facts.some((f) => /apricots/.test(f.text))).toBe(true);
    expect(view.blindSpots.find((b) => b.group === 'wire')).toBeUndefined();
  });

  it('flags a headline whose number no version\'s body gives', () => {
    const view = analyseStory(story, inputs);
    const headlines = Object.fromEntries(view.documents.map((d) => [d.outlet ?? '', d.headline]));
    expect(headlines['Oskeland Herald']).toEqual({ text: 'Varnian drone kills 40 shoppers in Brask', supported: false, reason: '"40" appears in no version\'s body' });
    expect(headlines['Continental Press Agency']!.supported).toBe(true);
  });

  it('shows roles and narratives of a version only when its report has them', () => {
    // Reports of an engine without entity framing: actors without a framing section.
    const unframed = inputs.map((v) => (v.report ? { ...v, report: { ...v.report, actors: v.report.actors?.map(({ framing: _f, ...a }) => a) } as Report } : v));
    const plain = analyseStory(story, unframed);
    for (const d of plain.documents) {
      expect('roles' in d).toBe(false);
      expect('narratives' in d).toBe(false);
    }
    const framed = unframed.map((v, i) => {
      if (i !== 1) return v;
      const report = structuredClone(v.report!) as unknown as Omit<Report, 'narratives'> & { narratives?: unknown };
      report.actors = [{ ...(report.actors?.[0] ?? { id: 'oskeland', name: 'Oskeland', type: 'country', origin: 'gazetteer', mentions: [], techniques: [], loadedTerms: [], portrayal: { role: 'neutral', scores: { aggressor: 0, victim: 0, authority: 0 }, evidence: [] } }), framing: { role: 'innocent' } } as never];
      report.narratives = [{ id: 'civilian-harm', label: 'Civilian harm', chosen: true }, { id: 'sovereignty', label: 'Sovereignty', chosen: false }];
      return { ...v, report: report as unknown as Report };
    });
    const doc = analyseStory(story, framed).documents[1]!;
    expect(doc.roles).toEqual([expect.objectContaining({ role: 'innocent' })]);
    expect(doc.narratives).toEqual([{ id: 'civilian-harm', label: 'Civilian harm' }]);
    // The narratives layer's own report shape: { items: [...] }.
    const layered = framed.map((v, i) => (i === 1 ? { ...v, report: { ...v.report!, narratives: { packs: [], items: [{ id: 'sovereignty', label: 'Sovereignty', chosen: true }, { id: 'meddling', label: 'Foreign meddling', chosen: false }], narratives: ['Sovereignty'] } } as unknown as Report } : v));
    expect(analyseStory(story, layered).documents[1]!.narratives).toEqual([{ id: 'sovereignty', label: 'Sovereignty' }]);
    // A layer that ran and chose nothing: an empty list, not absent.
    const none = framed.map((v, i) => (i === 1 ? { ...v, report: { ...v.report!, narratives: { packs: [], items: [{ id: 'sovereignty', label: 'Sovereignty', chosen: false }] } } as unknown as Report } : v));
    expect(analyseStory(story, none).documents[1]!.narratives).toEqual([]);
  });

  it('lists a version without an analysis, with no facts read from it', () => {
    const view = analyseStory(story, inputs.map((v, i) => (i === 3 ? { ...v, report: null } : v)));
    const d = view.documents[3]!;
    expect(d).toMatchObject({ analysed: false, shares: [], only: [], omits: [], headline: null });
    for (const f of view.facts) expect(f.cells[3]!.status).toBe('absent');
  });
});

describe('groups and the omission rule', () => {
  it('takes the group from the camp tag, else the outlet', () => {
    expect(groupOf({ tags: ['topic:x', 'camp:north'], outlet: 'Herald' })).toBe('north');
    expect(groupOf({ tags: ['camp:'], outlet: 'Herald' })).toBe('Herald');
    expect(groupOf({ tags: ['side:south'], outlet: null }, 'side:')).toBe('south');
    expect(groupOf({ tags: [], outlet: null })).toBe('unknown');
  });

  it('calls a fact omitted when more than half of the other versions, and at least two, carry it', () => {
    expect(isMajorityOfOthers(2, 3)).toBe(true);
    expect(isMajorityOfOthers(2, 4)).toBe(false);
    expect(isMajorityOfOthers(3, 5)).toBe(true);
    expect(isMajorityOfOthers(1, 1)).toBe(false);
  });
});

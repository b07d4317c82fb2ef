import type { FramingRecord } from '../layers/framing/data.js';
import { parseMarkup } from '../layers/framing/data.js';

/**
 * Basic cases for the framing classifier, written for this project: one-sentence texts where the
 * role follows from plain cues (who shells whom, who flees, who rescues, who is quoted, who makes an
 * accusation the author rejects). The annotated set in data/ is mostly opinion writing in which
 * such sentences are rare, while wire news is full of them; these teach the model the directions
 * of the cues. Each template is filled with two parties in both orders, so no name is tied to a
 * role. They join the training side of every fold and the final fit, never a test fold, and they
 * are not the held-out split.
 */

interface Party { name: string; demonym: string; capital: string; people: string }

const PARTIES: Array<[Party, Party]> = [
  [
    { name: 'Veloria', demonym: 'Velorian', capital: 'Velor City', people: 'Velorians' },
    { name: 'Kestria', demonym: 'Kestrian', capital: 'Kestar', people: 'Kestrians' },
  ],
  [
    { name: 'Norway', demonym: 'Norwegian', capital: 'Oslo', people: 'Norwegians' },
    { name: 'Chile', demonym: 'Chilean', capital: 'Santiago', people: 'Chileans' },
  ],
];

/** `{A}`/`{B}` names, `{a}`/`{b}` demonyms, `{CA}`/`{CB}` capitals, `{PA}`/`{PB}` peoples. */
const TEMPLATES: string[] = [
  '[[{a} forces|antagonist/instigator]] shelled three [[{b}|innocent/victim]] villages on Monday, killing at least twelve people.',
  '[[{b} civilians|innocent/victim]] were killed when [[{a} artillery|antagonist/instigator]] hit the market.',
  'Thousands of [[{PB}|innocent/victim]] fled as [[{a} troops|antagonist/instigator]] advanced on the valley.',
  '[[{A}|antagonist/instigator]] invaded [[{B}|innocent/victim]] in March.',
  'The siege of [[{CB}|innocent/victim]] entered its third month as [[{a} forces|antagonist/instigator,tyrant]] blocked food convoys.',
  '[[{a} drones|antagonist/instigator]] struck a school in [[{CB}|innocent/victim]], wounding nine children.',
  '[[{a} soldiers|antagonist/tyrant]] detained hundreds of [[{b} men|innocent/victim]] without charge.',
  '[[{b} families|innocent/victim]] lost their homes when [[{a} militias|antagonist/instigator]] burned the village.',
  'Three [[{PB}|innocent/victim]] killed in [[{a}|antagonist/instigator]] drone strike',
  '[[{A}|protagonist/guardian]] rescued forty [[{b} sailors|innocent/victim]] from the storm.',
  '[[{a} medics|protagonist/guardian,virtuous]] treated wounded [[{b} children|innocent/victim]] through the night.',
  '[[{A}|protagonist/peacemaker]] brokered the ceasefire and kept both sides at the table for three weeks.',
  '[[{a} volunteers|protagonist/virtuous]] fed and sheltered every family that reached the border.',
  '[[The {a} foreign ministry|unframed]] said talks with [[{B}|unframed]] would resume on Tuesday.',
  'Delegations from [[{A}|unframed]] and [[{B}|unframed]] will meet in Geneva next week.',
  'According to [[the {a} statistics office|unframed]], exports to [[{B}|unframed]] rose by four percent.',
  '[[{a} officials|antagonist/deceiver]] lied about the death toll for a week.',
  '[[The {a} minister|antagonist/corrupt]] pocketed the reconstruction funds meant for flooded towns.',
  '[[The {a} water board|antagonist/incompetent]] ignored three warnings before the dam broke.',
  '[[{b} migrants|innocent/scapegoat]] are blamed for a crisis they did not cause.',
  'No one remembers the hill villages of [[{B}|innocent/forgotten,victim]] since the cameras left.',
  '[[{A}|antagonist/deceiver]] claims that [[{B}|innocent/scapegoat|src=antagonist/instigator]] started the war. Such claims are baseless.',
  '[[{a} officials|antagonist/deceiver]] falsely accused [[{B}|innocent/scapegoat|src=antagonist/terrorist]] of terrorism.',
  '[[{A}|unframed]] accused [[{B}|antagonist/instigator]] of shelling the border town, citing video verified by monitors.',
  '[[The {a} regime|antagonist/tyrant]] crushed the protests and jailed [[the {b} students|innocent/victim]] who led them.',
  '[[{a} spies|antagonist/spy]] were caught photographing the [[{b}|innocent/victim]] power station.',
  '[[{a} saboteurs|antagonist/saboteur]] cut the pipeline that supplies [[{b} towns|innocent/victim]].',
  '[[The {a} junta|antagonist/tyrant,foreign-adversary]] is meddling in [[{B}|innocent/victim]]\'s election.',
  '[[{b} fishermen|innocent/exploited]] work sixteen hours for wages that [[{a} trawler firms|antagonist/corrupt]] keep low.',
  '[[{b} reservists|protagonist/guardian]] held the bridge against [[{a} tanks|antagonist/instigator]] for two days.',
  '"We will not leave our homes," said [[Mira Tal|unframed]], a farmer from [[{B}|innocent/victim]], as [[{a} bulldozers|antagonist/instigator]] approached.',
  '[[{A}|antagonist/terrorist]] kidnapped aid workers and shelled hospitals in [[{CB}|innocent/victim]].',
  // Harm reported by a neutral source: wire news casts through its sources.
  '[[{a} forces|antagonist/instigator]] shelled two [[{b}|innocent/victim]] villages overnight, killing nine civilians, [[the UN mission|unframed]] said.',
  'According to [[the monitors|unframed]], [[{a} troops|antagonist/instigator,tyrant]] burned forty houses and expelled [[{b} families|innocent/victim]].',
  '[[The Red Cross|unframed]] said [[{a} militias|antagonist/instigator]] had blocked food convoys to [[{CB}|innocent/victim]] for a week.',
  // Plain wire reporting of what a party does, with no judgement: nobody is cast.
  '[[{A}|unframed]] reopened two of the five border crossings on Thursday.',
  '[[{A}|unframed]] reopens two crossings into the valley as aid convoys wait',
  '[[{A}|unframed]] took control of most of the valley in February, after the collapse of a ceasefire.',
  '[[The {a} government|unframed]] says it has offered residency papers to all who stay.',
  '[[{B}|unframed]] has asked the regional court for provisional measures, and hearings are expected in May.',
  '[[{a} officials|unframed]] say the operation restored the border; [[{b} officials|unframed]] describe it as an occupation.',
  // Obstruction, denial of access and reneging cast the doer as antagonist, whoever it is.
  '[[{A}|antagonist/saboteur]] expelled the international inspectors and barred journalists from the border zone.',
  '[[{a} border police|antagonist/saboteur,tyrant]] turned back the aid convoy bound for [[{CB}|innocent/victim]] for the third time this week.',
  '[[{A}|antagonist/saboteur]] has blocked every vote on the water treaty since March.',
  '[[{A}|antagonist/deceiver]] reneged on the ceasefire it signed in May.',
  '[[{a} officials|antagonist/saboteur]] denied the monitors access to the crossings.',
  '[[{A}|antagonist/tyrant,saboteur]] kept the crossings shut for nine days while [[{b} families|innocent/victim]] ran out of food.',
  '[[The {a} government|antagonist/deceiver]] went back on its promise to reopen the crossings.',
  // Oversight, agreement and care cast the doer as protagonist.
  '[[{a} investigators|protagonist/guardian]] uncovered the bribery scheme and brought [[the {b} officials involved|antagonist/corrupt]] to court.',
  '[[The {a} inspector|protagonist/guardian,virtuous]] warned for months that the dam was unsafe.',
  '[[{A}|protagonist/peacemaker]] agreed to extend the truce and proposed joint patrols on the border.',
  '[[{a} fishermen|protagonist/guardian]] pulled nine [[survivors|innocent/victim]] from the water before the coast guard arrived.',
  '[[{a} nurses|protagonist/virtuous]] worked through the night and deserve our thanks.',
  '[[{a} officers|antagonist/tyrant]] beat [[a {b} reporter|innocent/victim]] and smashed his camera.',
  // A commentary that rejects one side's charges defends the other side.
  '[[{b} officials|antagonist/deceiver]] speak of "genocide". These charges are not supported by any evidence. [[{A}|protagonist/guardian]] has offered papers to every resident who stays.',
];

function fill(t: string, a: Party, b: Party): string {
  return t.replace(/\{(A|B|a|b|CA|CB|PA|PB)\}/g, (_, k: string) =>
    ({ A: a.name, B: b.name, a: a.demonym, b: b.demonym, CA: a.capital, CB: b.capital, PA: a.people, PB: b.people })[k]!);
}

/** The basic cases as records of the annotated set's shape (split: train). */
export function basicRecords(): FramingRecord[] {
  const out: FramingRecord[] = [];
  TEMPLATES.forEach((t, k) => {
    PARTIES.forEach(([x, y], p) => {
      for (const [a, b, o] of [[x, y, 'ab'], [y, x, 'ba']] as const) {
        const id = `basic-${k + 1}-${p + 1}-${o}`;
        const { text, mentions } = parseMarkup(fill(t, a, b), (off) => `framing basics: ${id}, offset ${off}`);
        out.push({ id, dispute: 'basic', style: 'wire', side: 'neutral', split: 'train', text, mentions, file: 'src/training/framing-basics.ts' });
      }
    });
  });
  return out;
}

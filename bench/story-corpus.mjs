// Generated news for the stories benchmark: events told by several outlets, with invented places,
// people and parties, written from templates for framewise (no external text). Each event has its
// own place, people and numbers; pairs of events share a topic (same parties and region, a few days
// apart); every version tells a subset of the event's facts in its own words and pads with generic
// reporting from corpus.mjs. Deterministic for a seed.
import { article, rng } from './corpus.mjs';

const pick = (r, list) => list[Math.floor(r() * list.length)];
const SYL = ['kor', 'va', 'das', 'tra', 'vel', 'in', 'or', 'len', 'mar', 'ros', 'tel', 'ka', 'bri', 'sun', 'dal', 'fen', 'ost', 'ar', 'lu', 'mi', 'per', 'gan', 'hol', 'rik', 'sel', 'tor', 'ven', 'ya', 'zel', 'nor'];
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const name = (r, n = 2 + Math.floor(r() * 2)) => cap(Array.from({ length: n }, () => pick(r, SYL)).join(''));

const EVENTS = [
  { what: 'shelling', verb: ['shelled', 'pounded', 'struck'], noun: 'villages', count: 'residents', flee: ['fled', 'left', 'escaped'] },
  { what: 'flood', verb: ['flooded', 'swamped', 'inundated'], noun: 'farms', count: 'families', flee: ['were evacuated', 'left', 'fled'] },
  { what: 'strike', verb: ['hit', 'struck', 'destroyed'], noun: 'market', count: 'people', flee: ['were killed', 'died', 'were killed'] },
  { what: 'protest', verb: ['filled', 'marched through', 'occupied'], noun: 'square', count: 'protesters', flee: ['were arrested', 'were detained', 'were held'] },
  { what: 'talks', verb: ['met in', 'gathered in', 'negotiated in'], noun: 'capital', count: 'prisoners', flee: ['will be exchanged', 'will be freed', 'will be released'] },
  { what: 'blast', verb: ['damaged', 'ruptured', 'tore through'], noun: 'pipeline', count: 'homes', flee: ['lost gas', 'were cut off', 'lost heating'] },
  { what: 'fire', verb: ['swept through', 'gutted', 'destroyed'], noun: 'camp', count: 'shelters', flee: ['burned', 'were destroyed', 'were lost'] },
  { what: 'collision', verb: ['rammed', 'hit', 'collided with'], noun: 'trawler', count: 'crew', flee: ['were detained', 'were held', 'were arrested'] },
  { what: 'election', verb: ['voted in', 'went to the polls in', 'cast ballots in'], noun: 'province', count: 'voters', flee: ['backed the incumbent', 'voted for change', 'stayed home'] },
  { what: 'strike action', verb: ['shut down', 'stopped work at', 'walked out of'], noun: 'port', count: 'workers', flee: ['joined the strike', 'walked out', 'stopped work'] },
];
const OUTLETS = [
  ['Meridian Wire', 'camp:wire'], ['Continental Press Agency', 'camp:wire'], ['Northern Ledger', 'camp:foreign'], ['The Harbour Review', 'camp:foreign'],
];

/** One event: its topic (parties, region), its own place, people, numbers and time. */
function makeEvent(r, topic, time) {
  const kind = pick(r, EVENTS);
  return {
    topic, kind, time,
    place: name(r), person: `${name(r, 2)} ${name(r, 3)}`, official: `${name(r, 2)} ${name(r, 2)}`,
    number: 100 * (1 + Math.floor(r() * 900)), second: 2 + Math.floor(r() * 60), third: 10 + Math.floor(r() * 90),
    day: pick(r, ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday']),
  };
}

/** The facts of an event, each in three wordings. */
function facts(e) {
  const { a, b, region } = e.topic;
  const k = e.kind;
  return [
    [`${a} forces ${k.verb[0]} the ${k.noun} of ${e.place} in ${region} on ${e.day}.`, `On ${e.day} the ${k.noun} of ${e.place} was ${k.verb[1]} by ${a} units, in the ${region} region.`, `${cap(k.verb[2])} on ${e.day}: the ${k.noun} in ${e.place}, ${region}.`],
    [`About ${e.number.toLocaleString('en-GB')} ${k.count} ${k.flee[0]}, officials said.`, `Some ${e.number.toLocaleString('en-GB')} ${k.count} ${k.flee[1]} after the ${k.what}.`, `Many ${k.count} ${k.flee[2]}, according to local sources.`],
    [`${e.person}, a teacher from ${e.place}, said: "We saw everything from the school roof."`, `"We saw everything from the school roof," said ${e.person}, who lives in ${e.place}.`, `A witness, ${e.person}, said people watched from the school roof in ${e.place}.`],
    [`The ${b} government blamed ${a} for the ${k.what} in ${e.place}.`, `${b} accused ${a} of causing the ${k.what}.`, `Officials in ${b} said ${a} was responsible for what happened in ${e.place}.`],
    [`${a} said its units acted within the law and that ${e.second} of its own men were hurt.`, `The ${a} ministry said ${e.second} soldiers were injured and that it acted lawfully.`, `${a} denied wrongdoing, saying ${e.second} of its personnel had been wounded.`],
    [`An aid convoy of ${e.third} trucks reached ${e.place} the next day.`, `${e.third} trucks of aid arrived in ${e.place} a day later.`, `Aid trucks reached ${e.place} the following day.`],
    [`Regional governor ${e.official} called for calm in ${region}.`, `${e.official}, the governor of ${region}, urged both sides to stay calm.`, `The governor, ${e.official}, appealed for calm.`],
  ];
}

/**
 * `count` documents (about `bytes` each) in events of 4 to 6 versions, two events per topic a few
 * days apart, `perDay` documents a day on average. Each item: { text, title, outlet, tags,
 * publishedAt, event }.
 */
export function storyCorpus({ count, bytes = 2500, perDay = 100, seed = 11 }) {
  const r = rng(seed);
  const out = [];
  const start = Date.parse('2025-01-01T00:00:00Z');
  const spanMs = (count / perDay) * 86_400_000;
  let eventNo = 0;
  while (out.length < count) {
    const topic = { a: name(r), b: name(r), region: name(r) };
    const t0 = start + r() * spanMs;
    // Two events on one topic, one to four days apart.
    for (const time of [t0, t0 + (1 + r() * 3) * 86_400_000]) {
      const e = makeEvent(r, topic, time);
      const fs = facts(e);
      const versions = 4 + Math.floor(r() * 3);
      const camps = [[`${topic.a} Today`, `camp:${topic.a.toLowerCase()}`], [`${topic.b} Voice`, `camp:${topic.b.toLowerCase()}`]];
      for (let v = 0; v < versions && out.length < count; v++) {
        const [outlet, tag] = v < 2 ? camps[v] : OUTLETS[(eventNo + v) % OUTLETS.length];
        const told = fs.filter(() => r() < 0.7).map((f) => pick(r, f));
        const lead = told.length ? told : [pick(r, fs[0])];
        const padding = article(r, Math.max(400, bytes - lead.join(' ').length)).split('\n').slice(2).join('\n');
        const title = `${cap(e.kind.what)} in ${e.place}: ${pick(r, ['the latest', 'what we know', 'reactions', 'live'])}`;
        out.push({ text: `${lead.join(' ')}\n\n${padding}`, title, outlet, tags: [tag], publishedAt: new Date(time + r() * 30 * 3_600_000).toISOString(), event: eventNo });
      }
      eventNo++;
    }
  }
  return out;
}

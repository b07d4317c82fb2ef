// Generates English news-like articles from word lists and sentence templates written for
// framewise (no external text). Deterministic for a seed, so every run measures the same corpus.
// The mix is mostly plain reporting with the persuasion devices the detectors look for sprinkled in,
// as in real coverage; parties come from invented countries so that no camp is singled out.

/** mulberry32: small, fast, seedable. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COUNTRIES = ['Freedonia', 'Sylvania', 'Northland', 'Southland', 'Westmark', 'Eastvale', 'Ostrava', 'Marisco', 'Kelvania', 'Dunmore'];
const PEOPLES = ['Freedonian', 'Sylvanian', 'Northlander', 'Southlander', 'Westmarker', 'Eastvalian'];
const CITIES = ['Port Alder', 'Greyhaven', 'Lindow', 'Castel Rua', 'New Tarrow', 'Bellmouth', 'Oskerby', 'Varn', 'Millbridge', 'Saint Orla'];
const FIRST = ['Anna', 'Tomas', 'Leila', 'Marek', 'Ines', 'David', 'Yusuf', 'Mei', 'Olga', 'Samuel', 'Priya', 'Jonas', 'Fatima', 'Pavel', 'Grace'];
const LAST = ['Halloran', 'Novak', 'Okafor', 'Lindqvist', 'Morales', 'Petrov', 'Haddad', 'Kimura', 'Brennan', 'Varga', 'Osei', 'Castell', 'Duarte'];
const ROLES = ['foreign minister', 'defence spokesperson', 'opposition leader', 'senior economist', 'regional governor', 'trade envoy', 'army chief', 'central bank governor', 'health minister', 'union leader'];
const ORGS = ['the Council of Ministers', 'the National Assembly', 'the Harbour Authority', 'the Grain Board', 'the Electoral Commission', 'the Coastal Guard', 'the Supreme Court', 'the Energy Agency', 'the Teachers Union', 'the Red Crescent Society'];
const TOPICS = ['grain exports', 'the border crossing', 'fuel prices', 'the water treaty', 'the fishing quota', 'the rail link', 'the ceasefire talks', 'the new tariff', 'the census', 'hospital funding', 'the pension reform', 'the port expansion'];
const VERBS_NEUTRAL = ['said', 'told reporters', 'announced', 'confirmed', 'noted', 'stated', 'explained', 'added'];
const ACTIONS = ['approved', 'postponed', 'rejected', 'reviewed', 'extended', 'suspended', 'debated', 'signed'];
const NUMBERS = ['two', 'three', 'four', 'dozens of', 'hundreds of', 'about forty', 'nearly ninety', 'more than a thousand', '12', '250', '3.5 million'];
const THINGS = ['trucks', 'workers', 'families', 'farmers', 'students', 'soldiers', 'ships', 'tonnes of wheat', 'voters', 'nurses'];
const DAYS = ['on Monday', 'on Tuesday', 'on Wednesday', 'late on Thursday', 'on Friday', 'over the weekend', 'last week', 'earlier this month'];
const LOADED_ADJ = ['brutal', 'reckless', 'shameful', 'corrupt', 'disastrous', 'heroic', 'outrageous', 'barbaric', 'cowardly', 'glorious', 'sinister', 'ruthless'];
const LOADED_NOUN = ['regime', 'thugs', 'puppets', 'traitors', 'extremists', 'warmongers', 'propagandists', 'criminals', 'zealots'];
const INTENS = ['absolutely', 'utterly', 'completely', 'totally', 'truly', 'extremely'];
const FEAR = ['chaos', 'catastrophe', 'collapse', 'bloodshed', 'famine', 'ruin'];

const pick = (r, list) => list[Math.floor(r() * list.length)];
const person = (r) => `${pick(r, FIRST)} ${pick(r, LAST)}`;
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

// Plain reporting: most sentences of an article.
const PLAIN = [
  (r) => `${cap(pick(r, ORGS))} ${pick(r, ACTIONS)} the plan on ${pick(r, TOPICS)} ${pick(r, DAYS)}, officials in ${pick(r, CITIES)} ${pick(r, VERBS_NEUTRAL)}.`,
  (r) => `${person(r)}, the ${pick(r, ROLES)} of ${pick(r, COUNTRIES)}, ${pick(r, VERBS_NEUTRAL)} that talks on ${pick(r, TOPICS)} would resume ${pick(r, DAYS)}.`,
  (r) => `${cap(pick(r, NUMBERS))} ${pick(r, THINGS)} crossed into ${pick(r, COUNTRIES)} ${pick(r, DAYS)}, according to figures from ${pick(r, ORGS)}.`,
  (r) => `The delegation from ${pick(r, COUNTRIES)} arrived in ${pick(r, CITIES)} ${pick(r, DAYS)} for a second round of meetings.`,
  (r) => `Prices for ${pick(r, TOPICS)} rose by ${Math.floor(r() * 9) + 1}.${Math.floor(r() * 10)} per cent in the quarter, the statistics office ${pick(r, VERBS_NEUTRAL)}.`,
  (r) => `${cap(pick(r, ORGS))} is expected to publish its report on ${pick(r, TOPICS)} before the end of the year.`,
  (r) => `Residents of ${pick(r, CITIES)} queued outside the town hall as the new rules on ${pick(r, TOPICS)} took effect.`,
  (r) => `"We will study the proposal carefully," ${person(r)} ${pick(r, VERBS_NEUTRAL)} after the session.`,
  (r) => `Both ${pick(r, COUNTRIES)} and ${pick(r, COUNTRIES)} have signed earlier agreements on ${pick(r, TOPICS)}.`,
  (r) => `The vote in ${pick(r, ORGS)} passed by ${Math.floor(r() * 100) + 100} to ${Math.floor(r() * 90) + 10}.`,
];

// Persuasion devices, one family per template, naming every camp in turn.
const DEVICES = [
  (r) => `The ${pick(r, LOADED_ADJ)} ${pick(r, LOADED_NOUN)} in ${pick(r, COUNTRIES)} have once again shown their true face.`,
  (r) => `Sources close to the ${pick(r, ROLES)} say the decision on ${pick(r, TOPICS)} was taken weeks ago.`,
  (r) => `Some say the ${pick(r, PEOPLES)} government never intended to honour the deal on ${pick(r, TOPICS)}.`,
  (r) => `Critics argue that ${pick(r, ORGS)} has been ${pick(r, INTENS)} ${pick(r, LOADED_ADJ)} in its handling of ${pick(r, TOPICS)}.`,
  (r) => `If ${pick(r, COUNTRIES)} does not act now, the whole region will face ${pick(r, FEAR)} and ${pick(r, FEAR)}.`,
  (r) => `Every true patriot of ${pick(r, COUNTRIES)} must stand with our nation in this hour.`,
  (r) => `It is widely believed that ${pick(r, ORGS)} is hiding the real numbers on ${pick(r, TOPICS)}.`,
  (r) => `Either we support the ${pick(r, ROLES)} or we hand our future to ${pick(r, COUNTRIES)}.`,
  (r) => `And what about the crimes of ${pick(r, COUNTRIES)}, which nobody in ${pick(r, CITIES)} ever mentions?`,
  (r) => `This is the worst betrayal in the entire history of ${pick(r, COUNTRIES)}, a ${pick(r, LOADED_ADJ)} disgrace.`,
  (r) => `The so-called experts of ${pick(r, ORGS)} have no idea what ordinary people in ${pick(r, CITIES)} go through.`,
  (r) => `Reportedly, ${pick(r, NUMBERS)} ${pick(r, THINGS)} were moved out of ${pick(r, CITIES)} in secret.`,
  (r) => `The mainly ${pick(r, ['Christian', 'Muslim', 'Buddhist', 'Jewish', 'Hindu'])} town of ${pick(r, CITIES)} has seen protests over ${pick(r, TOPICS)}.`,
  (r) => `Nobody can seriously doubt that ${pick(r, COUNTRIES)} will win; enough said.`,
];

function sentence(r) {
  return r() < 0.3 ? pick(r, DEVICES)(r) : pick(r, PLAIN)(r);
}

/** One article of about `bytes` bytes: a headline line, a blank line, paragraphs of 2-5 sentences. */
export function article(r, bytes = 5000) {
  const headline = `${pick(r, COUNTRIES)} and ${pick(r, COUNTRIES)} at odds over ${pick(r, TOPICS)}`;
  const parts = [headline, ''];
  let size = headline.length + 2;
  while (size < bytes) {
    const n = 2 + Math.floor(r() * 4);
    const para = [];
    for (let k = 0; k < n; k++) para.push(sentence(r));
    const text = para.join(' ');
    parts.push(text, '');
    size += text.length + 2;
  }
  return parts.join('\n').trimEnd() + '\n';
}

/** `count` articles of about `bytes` each, lazily, with metadata for the store. */
export function* articles({ count, bytes = 5000, seed = 1 }) {
  const r = rng(seed);
  const outlets = ['Meridian Wire', 'Harbour Herald', 'Northland Today', 'Sylvania Post', 'The Freedonia Courier'];
  for (let k = 0; k < count; k++) {
    const text = `${article(r, bytes)}\nRef ${seed}-${k}.\n`; // unique per index, so no two are deduplicated
    yield { text, outlet: outlets[k % outlets.length], title: text.slice(0, text.indexOf('\n')), publishedAt: `2025-${String((k % 12) + 1).padStart(2, '0')}-${String((k % 28) + 1).padStart(2, '0')}` };
  }
}

/** `count` short items (a headline and one sentence, about 150 bytes), unique, for queue tests. */
export function* snippets({ count, seed = 1 }) {
  const r = rng(seed);
  for (let k = 0; k < count; k++) {
    const headline = `${pick(r, COUNTRIES)} and ${pick(r, COUNTRIES)} at odds over ${pick(r, TOPICS)}`;
    yield { text: `${headline}\n\n${sentence(r)} (${seed}-${k})\n` };
  }
}

/** Concatenated articles totalling at least `megabytes` MB, as an array of texts (one per article). */
export function corpusTexts(megabytes, { bytes = 5000, seed = 7 } = {}) {
  const r = rng(seed);
  const out = [];
  let total = 0;
  while (total < megabytes * 1e6) {
    const a = article(r, bytes);
    out.push(a);
    total += Buffer.byteLength(a);
  }
  return out;
}

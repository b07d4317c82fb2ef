/**
 * The feature templates of the model, by name, in one place. A template's number is mixed into the
 * hash of each feature it produces (`mix(T.suffix, h)`), so the numbers are part of every trained
 * artefact: never renumber one, and give a new template a number no other has (the test checks).
 * Gaps (24, 29, 34..39) are numbers of templates dropped earlier; reusing them is fine for a new
 * model but would make old artefacts read the new feature as the old one.
 *
 * `most` is the most features the template adds for one token (token templates only): the tagger
 * writes a token's own features straight into a buffer reserved for TOKEN_MAX_FEATURES of them, which
 * is the sum of these, so a new token template must say how many it adds (the type requires it) and
 * the room grows with it. Rule tags are counted per token on top (`most: 0` here, see ruleTag).
 */
interface TokenTemplate {
  id: number;
  most: number;
}

/** Templates of the tagger's per-token features (tokenOwnFeatures). */
export const TOKEN_TEMPLATES = {
  /** A constant feature: the label bias. */
  bias: { id: 1, most: 1 },
  /** The token's word, and the words at offsets -1, +1, -2, +2 (one word each). */
  word: { id: 2, most: 1 },
  prevWord: { id: 3, most: 1 },
  nextWord: { id: 4, most: 1 },
  prev2Word: { id: 5, most: 1 },
  next2Word: { id: 6, most: 1 },
  /** Word bigrams: previous + own, own + next, previous + next (skipping the token). */
  bigramPrev: { id: 7, most: 1 },
  bigramNext: { id: 8, most: 1 },
  skipBigram: { id: 9, most: 1 },
  /** The last three units of words longer than four (names excepted). */
  suffix: { id: 10, most: 1 },
  /** The token's shape (case, number, hashtag, which punctuation mark). */
  shape: { id: 11, most: 1 },
  /** The shapes of the previous token, the token and the next one. */
  shapeTrigram: { id: 12, most: 1 },
  /** The token's valence, in half steps (only when it has one). */
  valence: { id: 13, most: 1 },
  /** The largest absolute valence within two tokens. */
  nearValence: { id: 14, most: 1 },
  /** One per word list the token is in (32 bits). */
  listBit: { id: 15, most: 32 },
  /** One per word list a neighbour is in (32 bits). */
  neighbourListBit: { id: 16, most: 32 },
  /** Distance from the sentence's start and to its end. */
  position: { id: 22, most: 1 },
  /** Whether the token and the previous one are inside a quotation. */
  quote: { id: 23, most: 1 },
  /** How often a content word recurs in the document, alone and with the token's shape. */
  repeatCount: { id: 26, most: 1 },
  repeatCountShape: { id: 27, most: 1 },
  /** A capitalised word's shape where it does not begin the sentence. */
  capitalShape: { id: 28, most: 1 },
  /** The rules' findings over the token (per tag; counted per token beside TOKEN_MAX_FEATURES). */
  ruleTag: { id: 30, most: 0 },
  /** The sentence's first word with the token's distance from it. */
  firstWordAt: { id: 33, most: 1 },
  /** Stage-one sentence score, alone and with position, shape, distance to the end; document mean. */
  sentScore: { id: 40, most: 1 },
  sentScoreFromStart: { id: 41, most: 1 },
  sentScoreShape: { id: 42, most: 1 },
  docScore: { id: 43, most: 1 },
  sentScoreToEnd: { id: 44, most: 1 },
  /** Word clusters from word vectors (models whose table has them): fine cluster of the word, the previous and the next one; the word's coarse cluster. */
  clusterSelf: { id: 45, most: 1 },
  clusterPrev: { id: 46, most: 1 },
  clusterNext: { id: 47, most: 1 },
  clusterCoarse: { id: 48, most: 1 },
  /** WordNet classes (models whose table has them): of the word, the previous and the next one. */
  classSelf: { id: 49, most: 1 },
  classPrev: { id: 50, most: 1 },
  classNext: { id: 51, most: 1 },
  /** Loaded-word levels (models whose table has them): of the word, the previous and the next one. */
  loadedSelf: { id: 52, most: 1 },
  loadedPrev: { id: 53, most: 1 },
  loadedNext: { id: 54, most: 1 },
} as const satisfies Record<string, TokenTemplate>;

/** Templates of the features every token of a sentence shares (sentenceSharedFeatures). */
export const SHARED_TEMPLATES = {
  sentLength: 17,
  sentNegative: 18,
  sentPositive: 19,
  sentNegativeLength: 20,
  sentMarks: 21,
  sentIndex: 25,
  sentFirstWord: 31,
  /** One per word list some word of the sentence is in. */
  sentListBit: 32,
} as const;

/** Templates of the stage-one sentence classifier (sentenceFeatures). */
export const SENTENCE_TEMPLATES = {
  bias: 200,
  word: 201,
  bigram: 202,
  upperWord: 203,
  listBit: 204,
  negative: 205,
  positive: 206,
  marks: 207,
  length: 208,
  index: 209,
  firstWord: 210,
  quoted: 211,
} as const;

/** Templates of the technique classifier's span features (spanFeatures). */
export const SPAN_TEMPLATES = {
  bias: 100,
  word: 101,
  bigram: 102,
  firstWord: 103,
  lastWord: 104,
  before1: 105,
  before2: 106,
  after1: 107,
  after2: 108,
  beforeFar: 109,
  afterFar: 110,
  charGram: 111,
  length: 112,
  textCount: 113,
  punctuation: 114,
  hashtag: 115,
  repeatCount: 116,
  negative: 117,
  positive: 118,
  listBit: 119,
  upperWords: 120,
  capitalShare: 121,
  sentenceCover: 122,
  sentenceEdges: 123,
  crossesSentence: 124,
  quoteEdges: 125,
  sentMarks: 126,
  sentIndex: 127,
  ruleTag: 128,
  /** Fine clusters of the span's words; coarse clusters of the words just outside it. */
  cluster: 129,
  clusterAround: 130,
  /** WordNet classes of the span's words. */
  wordClass: 131,
  /** Loaded-word levels of the span's words (the neutral level left out). */
  loadedLevel: 132,
} as const;

type TokenName = keyof typeof TOKEN_TEMPLATES;
/** Token template numbers by name (T.suffix === 10). */
export const T = Object.freeze(Object.fromEntries(Object.entries(TOKEN_TEMPLATES).map(([k, v]) => [k, v.id])) as { readonly [K in TokenName]: (typeof TOKEN_TEMPLATES)[K]['id'] });

/** The sum of `most` over the token templates given (all by default). */
export function tokenCapacity(templates: Record<string, TokenTemplate> = TOKEN_TEMPLATES): number {
  let n = 0;
  for (const t of Object.values(templates)) n += t.most;
  return n;
}

/**
 * The most features tokenOwnFeatures writes for one token besides its rule tags (93 today: 15 always,
 * 5 on conditions, 5 from the stage-one scores, 4 word clusters, up to 32 list bits each for the word
 * and neighbours).
 */
export const TOKEN_MAX_FEATURES = tokenCapacity();

/** Every template number in use, with its name (for the uniqueness check). */
export function allTemplates(): Array<[string, number]> {
  return [
    ...Object.entries(TOKEN_TEMPLATES).map(([k, v]): [string, number] => [`token.${k}`, v.id]),
    ...Object.entries(SHARED_TEMPLATES).map(([k, v]): [string, number] => [`shared.${k}`, v]),
    ...Object.entries(SENTENCE_TEMPLATES).map(([k, v]): [string, number] => [`sentence.${k}`, v]),
    ...Object.entries(SPAN_TEMPLATES).map(([k, v]): [string, number] => [`span.${k}`, v]),
  ];
}

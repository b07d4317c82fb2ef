import type { Doc } from '../../text/segment.js';
import type { VerbInfo } from './cues.js';
import { ATTRIBUTION_FORMS, ATTRIBUTION_VERBS, BLAME_AS_OBJECT, DOCUMENT_HEADS, ORG_HEADS, ROLE_WORDS, VAGUE_HEADS, VERB_GROUP_FILLERS } from './cues.js';
import type { SourcePhrase } from './noun-phrase.js';
import { parsePhrase, phraseAfter, phraseBefore } from './noun-phrase.js';
import { isCap, isNumber, lower, punctChar, wordSet } from '../../lexicon/word-sets.js';

/** One attribution: a reporting verb (or "according to") and its source. Token ranges are [a, b). */
export interface Attribution {
  verb: number;
  verbEnd: number;
  info: VerbInfo;
  source: SourcePhrase;
  /** Where the source stands relative to the verb. */
  side: 'before' | 'after';
  sentence: number;
  /** First and one-past-last token of source plus verb. */
  a: number;
  b: number;
  /** The verb stands inside a quotation (speech within speech). */
  inQuote: boolean;
}

const ACCORDING: VerbInfo = { lemma: 'according to', tone: 'neutral' };
const PUBLISHED: VerbInfo = { lemma: 'published by', tone: 'neutral' };
/** Participles that name who put out a document or figures: "readings published by the commission". */
const PUBLISHING = new Set(['published', 'issued', 'compiled']);
const NOUN_MARKERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'its', 'his', 'her', 'their', 'our', 'some', 'several', 'my', 'your', "'s", 'such', 'new', 'false', 'earlier', 'latest']);
/** Verbs too common outside speech to count unless they introduce speech or a clause. */
const WEAK = new Set(['continue', 'add', 'note', 'ask', 'recall', 'describe', 'call', 'post', 'write', 'find', 'conclude', 'estimate', 'assure', 'explain']);
/** "like to say that", "love to claim that": a habit of speech, whose subject speaks (unlike "declined to say"). */
export const HABIT = new Set(['like', 'likes', 'liked', 'love', 'loves', 'loved']);
const SINGULAR_DETERMINERS = new Set(['a', 'an', 'one', 'another', 'every', 'each']);
/** Verb forms that are also singular nouns of speech: "an unsupported claim", "a brief comment". */
const BARE_NOUN_FORMS = new Set(['claim', 'report', 'charge', 'promise', 'threat', 'call', 'comment', 'note', 'remark', 'estimate', 'boast', 'reply', 'answer', 'warning', 'statement', 'allege', 'accuse', 'blame', 'deny', 'insist', 'suggest', 'say', 'tell', 'argue', 'warn', 'state']);
const PASSIVE = new Set(['is', 'are', 'was', 'were', 'been', 'being', 'be']);
/** Verbs whose subject is often not a speaker at all ("the new reality revealed"). */
const NEEDS_SPEAKER = new Set(['reveal', 'call', 'describe', 'believe', 'fear', 'suspect', 'acknowledge', 'maintain']);
const NEVER_SOURCE = new Set(['there', 'this', 'that', 'which', 'what', 'who', 'it\'s', 'here', 'meanwhile', 'however', 'also', 'but', 'and', 'then', 'so']);

/**
 * Finds every attribution in the document in one pass over the tokens. `tokenQuote[i]` is the index
 * of the outermost quotation containing token i, or -1.
 */
export function findAttributions(doc: Doc, tokenQuote: Int32Array): Attribution[] {
  const t = doc.tokens;
  const out: Attribution[] = [];
  for (const s of doc.sentences) {
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      if (!ATTRIBUTION_FORMS.at(t, i)) continue;
      const w = lower(t, i);
      let info: VerbInfo | undefined;
      let verbEnd = i + 1;
      let clauseless = false;
      if (w === 'according' && i + 1 < s.tokenEnd && lower(t, i + 1) === 'to') {
        info = ACCORDING;
        verbEnd = i + 2;
      } else if (PUBLISHING.has(w)) {
        // "figures published by the Regional Water Commission show...": a named institution is a source.
        if (i + 1 >= s.tokenEnd || lower(t, i + 1) !== 'by') continue;
        const source = institutionAfter(doc, i + 2, quoteBound(doc, tokenQuote, s, i + 2, 1));
        if (!source) continue;
        out.push({ verb: i, verbEnd: i + 2, info: PUBLISHED, source, side: 'after', sentence: s.index, a: i, b: source.b, inQuote: tokenQuote[i] !== -1 });
        i = source.b - 1;
        continue;
      } else {
        info = ATTRIBUTION_VERBS.get(w);
        if (!info) continue;
        const prev = i > s.tokenStart ? lower(t, i - 1) : '';
        const habit = prev === 'to' && i - 2 > s.tokenStart && HABIT.has(lower(t, i - 2));
        if ((prev === 'to' && !habit) || prev === 'without' || NOUN_MARKERS.has(prev) || (i > s.tokenStart && isNumber(t, i - 1))) continue; // "declined to say", "his claims", "three reports", "without warning"
        // "an unsupported claim in a campaign": after "a" and a word, a bare form is a noun (a singular subject says "claims").
        if (i - 2 >= s.tokenStart && SINGULAR_DETERMINERS.has(lower(t, i - 2)) && BARE_NOUN_FORMS.has(w)) continue;
        if (info.lemma === 'blame' && BLAME_AS_OBJECT.has(prev)) continue; // "officials trade blame": a noun
        // "more telling than", "The silence is telling.": the adjective (revealing), not a verb of speech.
        if (w === 'telling' && (DEGREE.has(prev) || i + 1 >= s.tokenEnd || punctChar(doc, i + 1) !== '' || lower(t, i + 1) === 'than')) continue;
        const next = i + 1 < s.tokenEnd ? lower(t, i + 1) : '';
        // "They report that ...": a clause. Without one, only an unnamed group reports or suggests a
        // thing ("Partners report shortages", "Studies suggest a rise"); "we report a rise" is no source.
        clauseless = info.clause === true && next !== 'that';
        if (next === 'to' && (prev === 'is' || prev === 'are' || prev === 'was' || prev === 'were')) continue; // "is said to": hearsay
        // "the central claim of the campaign", "reports of shelling": a noun of speech, not its verb.
        if (next === 'of' && NOUN_BEFORE_OF.has(w)) continue;
        // "the story Ardesia tells about it", "spoke of it.": a topic, no reported words.
        if ((next === 'about' || next === 'of') && OBJECT_PRONOUNS.has(wordAt(t, i + 2, s.tokenEnd)) && (i + 3 >= s.tokenEnd || punctChar(doc, i + 3) !== '')) continue;
        if (PASSIVE.has(prev) && info.lemma !== 'quote' && !w.endsWith('ing')) continue; // "fighting was reported": no source named
      }
      // "The monitors claimed no such thing": the author's denial that it was said, not a report.
      if (info !== ACCORDING && deniesSaying(t, verbEnd, s.tokenEnd)) continue;
      // "farmland that both governments claim.": an object relative clause with the verb at its end.
      if (info !== ACCORDING && relativeAtClauseEnd(doc, i, s.tokenStart, s.tokenEnd)) continue;
      const inQuote = tokenQuote[i] !== -1;
      // Source before the verb group ("the minister has repeatedly said") or after it ("said the minister").
      let g = i;
      while (g - 1 >= s.tokenStart && VERB_GROUP_FILLERS.at(t, g - 1)) g--;
      // "Critics like to say that ...": the subject of "like" speaks.
      if (g === i && i - 2 > s.tokenStart && lower(t, i - 1) === 'to' && HABIT.has(lower(t, i - 2))) {
        g = i - 2;
        while (g - 1 >= s.tokenStart && VERB_GROUP_FILLERS.at(t, g - 1)) g--;
      }
      // "The minister was reported as saying that ...", "is quoted as saying": the subject is the speaker.
      if (g === i && w.endsWith('ing') && g - 2 > s.tokenStart && lower(t, g - 1) === 'as' && AS_SAYING.has(lower(t, g - 2))) {
        g -= 2;
        while (g - 1 >= s.tokenStart && VERB_GROUP_FILLERS.at(t, g - 1)) g--;
      }
      let source: SourcePhrase | null = null;
      let side: 'before' | 'after' = 'before';
      let participle = false;
      if (info === ACCORDING) {
        const bound = quoteBound(doc, tokenQuote, s, verbEnd, 1);
        // Opening the sentence ("According to X, ..."), the words after the source are the report:
        // an appositive there must close with a comma.
        const opens = i === s.tokenStart || (i - 1 >= s.tokenStart && punctChar(doc, i - 1) !== '' && punctChar(doc, i - 1) !== ',');
        source = phraseAfter(doc, verbEnd, bound, opens) ?? sourceOfData(doc, verbEnd, bound);
        side = 'after';
      } else {
        const prevC = g > s.tokenStart ? punctChar(doc, g - 1) : 'start';
        // "...," said X  /  "...", said X: inverted only right after a quotation (or at the start).
        const afterQuoteComma = prevC === ',' && g - 2 >= s.tokenStart && (punctChar(doc, g - 2) === '"' || punctChar(doc, g - 2) === "'");
        const tryAfter = info.inverts && (prevC === '"' || prevC === "'" || prevC === ':' || prevC === 'start' || afterQuoteComma);
        if (tryAfter) {
          source = phraseAfter(doc, verbEnd, quoteBound(doc, tokenQuote, s, verbEnd, 1));
          side = 'after';
        } else if (info.inverts && prevC === ',') {
          // "..., said Elena Sy, the secretary general." Inverted after indirect speech: the source
          // must run to the end of the sentence (or an appositive) and name someone.
          const p = phraseAfter(doc, verbEnd, s.tokenEnd);
          const next = p && p.b < s.tokenEnd ? punctChar(doc, p.b) : '.';
          if (p && (next === '.' || next === ',' || next === '') && p.b >= s.tokenEnd - 2 && !p.pronoun && !p.vague && !p.hearsay && (p.name || p.kind === 'person' || p.kind === 'organisation')) {
            source = p;
            side = 'after';
          }
        }
        if (!source) {
          source = g > s.tokenStart ? phraseBefore(doc, g, quoteBound(doc, tokenQuote, s, g - 1, -1)) : null;
          side = 'before';
        }
        // "The council filed two complaints, accusing X of ...", "..., saying that ...": a participle
        // after a comma reports the words of the sentence's subject.
        if (!source && prevC === ',' && w.endsWith('ing') && !inQuoteAt(tokenQuote, i)) {
          source = sentenceSubject(doc, s.tokenStart, g - 1);
          participle = source !== null;
        }
        // "X said that P, and accused Y of Q": a verb of speech after "and" shares the subject of the
        // one before it in the sentence.
        if (g - 1 > s.tokenStart && lower(t, g - 1) === 'and' && !inQuoteAt(tokenQuote, i)) {
          const prevAt = out.length > 0 ? out[out.length - 1]! : null;
          if (prevAt && prevAt.sentence === s.index && !prevAt.inQuote && prevAt.info !== ACCORDING && prevAt.verb < g - 1) {
            source = prevAt.source;
            side = prevAt.side;
            participle = true;
          } else if (tokenQuote[s.tokenStart] === -1) {
            // "Ostrelia's foreign minister, Lina Haart, has offered to host talks and said that ...": the sentence's subject.
            let subject = phraseAfter(doc, s.tokenStart, g - 1);
            // (An unnamed person described by a title speaks too: "One prominent columnist went further and wrote".)
            const described = subject && (subject.kind === 'person' || subject.kind === 'organisation' || subject.kind === 'group') ? null : describedSubject(doc, s.tokenStart, g - 2);
            if (described) subject = described;
            if (subject && !subject.pronoun && (!subject.vague || described) && (subject.name || subject.role) && (subject.kind === 'person' || subject.kind === 'organisation' || subject.kind === 'group') && subject.b < g - 2) {
              source = subject;
              side = 'before';
              participle = true;
            }
          }
        }
      }
      // "a retired general who said in 2019 that ...": a relative pronoun speaks for the person before it.
      const who = source ? (source.b - source.a === 1 ? source.a : -1) : g - 1;
      if (side === 'before' && who > s.tokenStart && lower(t, who) === 'who' && punctChar(doc, who - 1) === '') {
        const antecedent = antecedentOf(doc, who, quoteBound(doc, tokenQuote, s, who - 1, -1));
        source = antecedent && (antecedent.name || antecedent.kind === 'person' || antecedent.kind === 'group') && !antecedent.pronoun ? antecedent : null;
      } else if (side === 'before' && who - 1 > s.tokenStart && lower(t, who) === 'which' && punctChar(doc, who - 1) === ',') {
        // "the Tarsian Council, a diaspora organisation, which alleges that ...": the institution before a non-restrictive "which".
        const bound = quoteBound(doc, tokenQuote, s, who - 1, -1);
        let end = who - 1;
        // Past an appositive that opens with an article: ", a diaspora organisation based abroad,".
        let k = end - 1;
        while (k > bound && end - k < 12 && punctChar(doc, k) === '') k--;
        if (k > bound && punctChar(doc, k) === ',' && (lower(t, k + 1) === 'a' || lower(t, k + 1) === 'an' || lower(t, k + 1) === 'the')) end = k;
        const p = antecedentOf(doc, end, bound);
        source = p && !p.pronoun && (p.name || p.kind === 'organisation' || p.kind === 'document') ? p : null;
      }
      // "In a statement on Tuesday it said ...": a subject pronoun right before the verb group is the whole subject.
      // Only after a phrase of when or where: "the attacks it describes, reopen ..." is a relative clause.
      if (source && side === 'before' && source.b - source.a > 1 && SUBJECT_PRONOUNS.has(lower(t, source.b - 1)) && source.b === g) {
        if (isNumber(t, source.b - 2) || SETTING_WORDS.has(lower(t, source.b - 2))) source = parsePhrase(doc, source.b - 1, source.b);
        // "the very confrontation it claims to fear": a relative clause on the noun; nobody is reported.
        else continue;
      }
      // "The same newspapers that warn of war told readers that ...": the subject is the noun phrase
      // before the relative pronoun, not the relative clause.
      if (source && side === 'before') {
        const r = relativeAfterSubject(doc, s.tokenStart, source.a, g);
        // ("A fighter who gave his name as Musa said": a name right before the verb still speaks.)
        if (r !== -1 && !source.name) {
          const np = parsePhrase(doc, s.tokenStart, r);
          if (!np || np.pronoun || (np.kind === 'unknown' && !np.name)) continue;
          source = np;
        }
      }
      if (!source) continue;
      // "called the weapons claim a pretext": after a verb that takes it as object, "the X claim" is a noun.
      if (side === 'before' && source.a - 1 >= s.tokenStart && OBJECT_TAKING_VERBS.has(lower(t, source.a - 1))) continue;
      if (clauseless && !(source.vague && source.kind === 'group')) continue;
      // "Five Kremlin claims about the war": a plural number before a verb form in -s makes it a noun.
      if (side === 'before' && PLURAL_NUMBERS.has(lower(t, source.a)) && /[^s]s$/.test(w)) continue;
      // "announced it on television": a pronoun object, then a preposition or the end, is no reported speech.
      // ('said it "shares the concern"': the subject pronoun of a quotation that follows; that is speech.)
      if (info !== ACCORDING && OBJECT_PRONOUNS.has(wordAt(t, verbEnd, s.tokenEnd)) && (verbEnd + 1 >= s.tokenEnd || (punctChar(doc, verbEnd + 1) !== '' && (punctChar(doc, verbEnd + 1) !== '"' || PREPOSITIONS.has(wordAt(t, verbEnd + 2, s.tokenEnd)))) || PREPOSITIONS.has(lower(t, verbEnd + 1)))) continue;
      // A modal inside the phrase makes it a clause, not a speaker: "the courts that should settle claims";
      // so does a gerund opening it: "siding with whoever shouts".
      if (hasModal(doc, source.a, source.b) || (!isCap(t, source.a) && lower(t, source.a).endsWith('ing'))) continue;
      const first = lower(t, source.a);
      if (NEVER_SOURCE.has(first) && source.b - source.a === 1) continue;
      // "Claim one: ...": a list label, not a verb and its speaker.
      if (source.b - source.a === 1 && (PLURAL_NUMBERS.has(first) || first === 'one' || /^\d+$/.test(first))) continue;
      if (source.pronoun === 'i' || source.pronoun === 'we') {
        if (info.lemma === 'believe') continue;
      }
      // Findings and estimates come from documents, institutions, named people or groups of people
      // ("the report found", "the UN refugee agency estimates", "aid agencies estimate"), not from
      // whatever noun precedes the verb ("the damage found its way").
      if ((info.lemma === 'find' || info.lemma === 'conclude' || info.lemma === 'estimate') && !(source.kind === 'document' || source.kind === 'organisation' || source.name || (source.kind === 'group' && source.vague))) continue;
      if (info.lemma === 'believe' && (source.pronoun || source.kind === 'document')) continue;
      if (info.lemma === 'quote' && !(verbEnd < s.tokenEnd && lower(t, verbEnd) === 'as')) continue;
      // "a film called X": only speakers call things names.
      if ((info.lemma === 'call' || info.lemma === 'describe') && source.kind === 'unknown' && !source.name) continue;
      if (WEAK.has(info.lemma) && !introducesSpeech(doc, verbEnd, s.tokenEnd, s.tokenStart, i) && source.kind !== 'document') continue;
      // For these verbs a source must be someone: not "the new reality revealed".
      if (NEEDS_SPEAKER.has(info.lemma) && source.kind === 'unknown' && !source.name && !source.pronoun && !source.vague) continue;
      // "disturbance of old workings explains the readings": without "that", only someone explains.
      if (info.lemma === 'explain' && source.kind === 'unknown' && !source.name && !source.pronoun && !source.vague && wordAt(t, verbEnd, s.tokenEnd) !== 'that') continue;
      // A sentence-initial capitalised word alone is only a source if it looks like a name, not a verb or noun of the text.
      // A participle's subject stands far back: the attribution itself is the participle.
      const a = participle ? i : Math.min(source.a, i);
      const b = Math.max(source.b, verbEnd);
      out.push({ verb: i, verbEnd, info, source, side, sentence: s.index, a, b, inQuote });
      if (side === 'after') i = Math.max(i, source.b - 1);
    }
  }
  return out;
}

const inQuoteAt = (tokenQuote: Int32Array, i: number) => tokenQuote[i] !== -1;

/**
 * The subject that opens a sentence and is followed by its verb before `limit` (a comma): "The
 * council" in "The council filed two complaints, accusing ...". Null when the sentence opens
 * otherwise (a quotation, a subordinate clause, a time phrase).
 */
function sentenceSubject(doc: Doc, start: number, limit: number): SourcePhrase | null {
  const t = doc.tokens;
  if (PRONOUN_SUBJECTS.has(lower(t, start))) return parsePhrase(doc, start, start + 1);
  // Without a parse, the subject is what names someone: an article, capitalised words and at most
  // one head noun after them ("The Lowen council", "Oskari officials", "Mira Halden").
  let b = start;
  if (lower(t, b) === 'the') b++;
  const caps = b;
  while (b < limit && b - caps < 6 && isCap(t, b)) b++;
  if (b === caps) return null;
  // "Ardesian state television", "the Dastrian foreign ministry": one modifier before the head.
  if (b + 1 < limit && !isCap(t, b) && punctChar(doc, b) === '' && ORG_HEADS.at(t, b + 1)) b++;
  if (b < limit && (ORG_HEADS.at(t, b) || ROLE_WORDS.at(t, b) || VAGUE_HEADS.at(t, b))) b++;
  if (b >= limit || punctChar(doc, b) !== '' || isCap(t, b)) return null;
  const p = parsePhrase(doc, start, b);
  return p && (p.name || p.kind !== 'unknown') ? p : null;
}
const PRONOUN_SUBJECTS = new Set(['he', 'she', 'they', 'it']);

const DESCRIBED_OPENERS = new Set(['the', 'a', 'an', 'one', 'another']);
/**
 * "One prominent columnist went further and wrote that ...": a person described by a title word
 * after at most two modifiers, opening the sentence and followed by its verb (a lowercase word).
 */
function describedSubject(doc: Doc, start: number, limit: number): SourcePhrase | null {
  const t = doc.tokens;
  if (!DESCRIBED_OPENERS.has(lower(t, start))) return null;
  for (let k = start + 1; k < limit && k <= start + 3; k++) {
    if (punctChar(doc, k) !== '') return null;
    if (!ROLE_WORDS.at(t, k)) continue;
    while (k + 1 < limit && ROLE_WORDS.at(t, k + 1)) k++; // "the foreign minister"
    if (k + 1 >= limit || punctChar(doc, k + 1) !== '' || isCap(t, k + 1)) return null;
    const p = parsePhrase(doc, start, k + 1);
    return p && p.kind === 'person' ? p : null;
  }
  return null;
}

/** Participles of "was reported as saying", "is quoted as saying". */
const AS_SAYING = new Set(['reported', 'quoted', 'heard', 'cited', 'recorded', 'overheard', 'filmed', 'seen']);

/** "no such thing", "(of) nothing of the kind": what a verb says nobody said. */
function deniesSaying(t: Doc['tokens'], at: number, end: number): boolean {
  // "warned of no such thing", "spoke about nothing of the kind".
  if (wordAt(t, at, end) === 'of' || wordAt(t, at, end) === 'about') at++;
  const a = wordAt(t, at, end);
  const b = wordAt(t, at + 1, end);
  // "The memo says nothing about cost": what it does not say.
  return (a === 'no' && b === 'such') || (a === 'nothing' && (b === 'of' || b === 'like' || b === 'about' || b === 'on'));
}

/**
 * "a strip of land that both governments claim.", "the ground which they claim, ...": the verb ends
 * an object relative clause (nothing follows it but punctuation) whose "that"/"which" comes right
 * before the source and after a noun (not after a verb: "said that officials claim, ..."). Also a
 * free relative: "more telling than what it says." names the thing said, and reports no words.
 */
function relativeAtClauseEnd(doc: Doc, verb: number, start: number, end: number): boolean {
  if (verb + 1 < end && punctChar(doc, verb + 1) === '') return false;
  const t = doc.tokens;
  for (let k = verb - 1; k > start && k >= verb - 5; k--) {
    const w = lower(t, k);
    if (punctChar(doc, k) !== '') return false;
    if (w !== 'that' && w !== 'which' && w !== 'what') continue;
    const before = k - 1;
    return before >= start && punctChar(doc, before) === '' && !ATTRIBUTION_FORMS.at(t, before);
  }
  return false;
}

/** Degree words before an adjective ("more telling", "very telling"). */
const DEGREE = new Set(['more', 'most', 'less', 'least', 'very', 'so', 'too', 'quite', 'rather', 'particularly', 'especially', 'equally', 'even']);

/** Verbs that take a report as their object ("called the weapons claim ...", "rejected the army report"). */
const OBJECT_TAKING_VERBS = new Set([
  'called', 'dubbed', 'termed', 'branded', 'labelled', 'labeled', 'dismissed', 'rejected', 'denied', 'disputed',
  'questioned', 'echoed', 'repeated', 'refuted', 'rebutted', 'challenged', 'accepted', 'welcomed', 'investigated',
  'examined', 'doubted', 'ridiculed', 'mocked',
]);

/** Numbers that make the noun after them plural ("Five Kremlin claims", "3 reports"). */
const PLURAL_NUMBERS = new Set(['two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'several', 'many', 'numerous', 'dozens', 'hundreds', 'thousands']);
const OBJECT_PRONOUNS = new Set(['it', 'them', 'this']);
const SUBJECT_PRONOUNS = new Set(['it', 'he', 'she', 'they', 'we', 'i']);
const RELATIVE_PRONOUNS = new Set(['that', 'who', 'which']);
/** Last words of an opening phrase of when or where ("On Tuesday", "In a statement", "Later that week"). */
const SETTING_WORDS = new Set([
  'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december', 'today', 'yesterday', 'week', 'month', 'year', 'day', 'morning',
  'afternoon', 'evening', 'night', 'weekend', 'statement', 'interview', 'letter', 'speech', 'briefing', 'post', 'video', 'broadcast', 'later', 'then',
]);
const ANTECEDENT_STOPS = new Set(['by', 'of', 'to', 'from', 'with', 'for', 'in', 'on', 'at', 'about', 'than', 'and', 'or']);

/**
 * "The same newspapers that warn of war told ...", "Officials who visited the camp said ...": the
 * relative pronoun right after a short opening noun phrase, with no punctuation up to the verb
 * group at `g`, so the phrase before the verb lies inside the relative clause; -1 when none.
 */
function relativeAfterSubject(doc: Doc, start: number, phraseA: number, g: number): number {
  const t = doc.tokens;
  for (let r = start + 1; r <= phraseA && r - start <= 6; r++) {
    // "The herders said that ...": a verb of speech before "that" makes it the complementiser.
    if (punctChar(doc, r) !== '' || ATTRIBUTION_FORMS.at(t, r)) return -1;
    if (!RELATIVE_PRONOUNS.has(lower(t, r))) continue;
    for (let k = r + 1; k < g; k++) if (punctChar(doc, k) !== '') return -1;
    return r < phraseA || r === phraseA - 1 ? r : -1;
  }
  return -1;
}

/** The noun phrase right before a relative pronoun at `who`: "(a speech by) a retired general". */
function antecedentOf(doc: Doc, who: number, limit: number): SourcePhrase | null {
  let a = who;
  while (a - 1 >= limit && who - a < 6 && punctChar(doc, a - 1) === '' && !ANTECEDENT_STOPS.has(lower(doc.tokens, a - 1))) a--;
  return a < who ? parsePhrase(doc, a, who) : null;
}

/** Forms of speech verbs that are nouns when "of" follows ("the claim of the campaign", "reports of shelling"). */
const NOUN_BEFORE_OF = new Set(['claim', 'claims', 'report', 'reports', 'warning', 'warnings', 'charge', 'charges', 'statement', 'statements', 'promise', 'promises', 'threat', 'threats', 'allegation', 'allegations']);
const PREPOSITIONS = new Set(['on', 'in', 'at', 'to', 'for', 'with', 'from', 'during', 'after', 'before', 'by', 'over', 'via', 'through', 'across', 'last', 'yesterday', 'today', 'again']);
const wordAt = (t: Doc['tokens'], i: number, end: number): string => (i < end ? lower(t, i) : '');

/** A set read by token id: every word of every source phrase is tried. */
const MODALS = wordSet('should would could can must might shall will');
function hasModal(doc: Doc, a: number, b: number): boolean {
  for (let k = a; k < b; k++) if (MODALS.at(doc.tokens, k)) return true;
  return false;
}

/** A phrase that names an institution, a document or a person (not a vague or second-hand source). */
function institution(p: SourcePhrase | null): SourcePhrase | null {
  if (!p || p.vague || p.hearsay || p.pronoun) return null;
  return p.name || p.kind === 'organisation' || p.kind === 'document' ? p : null;
}

/**
 * "according to gauge readings published by the Regional Water Commission", "according to figures
 * from the UN refugee agency": after a bare noun, the institution behind the data is the source.
 */
function sourceOfData(doc: Doc, from: number, limit: number): SourcePhrase | null {
  const t = doc.tokens;
  for (let k = from; k < limit && k < from + 8; k++) {
    if (punctChar(doc, k) !== '' && punctChar(doc, k) !== '-') return null;
    const w = lower(t, k);
    if (w === 'by' || w === 'from' || w === 'of') return institutionAfter(doc, k + 1, limit);
  }
  return null;
}

/**
 * The institution named from token `start`: the phrase there, or its longest start that names one
 * (without syntax, "the UN refugee agency show 4,000 returns" runs on into the verb).
 */
function institutionAfter(doc: Doc, start: number, limit: number): SourcePhrase | null {
  const p = phraseAfter(doc, start, limit);
  if (!p) return null;
  if (institution(p)) return p;
  for (let b = p.b - 1; b > p.a; b--) {
    const q = institution(parsePhrase(doc, p.a, b));
    if (q) return q;
  }
  return null;
}

/** Stays on this side of any quotation boundary, scanning from `from` within sentence s. */
function quoteBound(doc: Doc, tokenQuote: Int32Array, s: { tokenStart: number; tokenEnd: number }, from: number, dir: 1 | -1): number {
  let k = from;
  const q = tokenQuote[from] ?? -1;
  if (dir === -1) { while (k - 1 >= s.tokenStart && (tokenQuote[k - 1] ?? -1) === q && punctChar(doc, k - 1) !== '"') k--; return k; }
  while (k < s.tokenEnd && (tokenQuote[k] ?? -1) === q && punctChar(doc, k) !== '"') k++;
  return k;
}

/** Is the verb next to a quotation, or followed by ':', ',', 'that' or a listener and a clause? */
function introducesSpeech(doc: Doc, after: number, end: number, start: number, verb: number): boolean {
  const t = doc.tokens;
  const prevC = verb > 0 ? punctChar(doc, verb - 1) : '';
  if (prevC === '"' || prevC === ',' || prevC === "'") return true;
  for (let k = verb - 1; k >= Math.max(start, verb - 4); k--) if (punctChar(doc, k) === '"') return true;
  for (let k = after; k < Math.min(end, after + 6); k++) if (punctChar(doc, k) === '"') return true;
  if (after >= end) return prevC !== '';
  const c = punctChar(doc, after);
  if (c === ':' || c === '"' || c === ',') return true;
  const w = lower(t, after);
  if (w === 'that' || w === 'as') return true;
  // "assures us that", "reminded reporters that".
  return HEARERS.has(w) && after + 1 < end && lower(t, after + 1) === 'that';
}
const HEARERS = new Set(['us', 'me', 'him', 'her', 'them', 'you', 'reporters', 'journalists', 'parliament', 'lawmakers', 'voters', 'readers']);

/** Is the source a document or body ("the report", "a UN study")? */
export const isDocumentHead = (w: string) => DOCUMENT_HEADS.has(w);

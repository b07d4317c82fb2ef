import { F_UPPER, K_HASHTAG, K_NUMBER, K_WORD } from '../../text/tokenise.js';
import type { Detector } from '../engine/contract.js';

/** A chant in capitals has at least this many words and at most this many. */
const CAPS_MIN_WORDS = 2;
const CAPS_MAX_WORDS = 6;

/** Campaign hashtags open with a call ("#StopTheSynod", "#BuildTheWall") or close with one ("#JusticeNow"). */
const HEADS = 'stop|save|build|free|make|defend|drain|lock|never|no|not|justice|resist|impeach|boycott|ban|end|keep|take|vote|defund|abolish|protect|support|stand|unite|wake|rise|fight|bring|kick|dump|fire|repeal|reclaim|restore|remember|believe|love|hands|down|death|long|yes|go|march|occupy|walk|say';
/** The head must end at a CamelCase hump ("#StopTheDam") or, in an all-lowercase tag, run into "the/our". */
const CAMEL_HEAD = new RegExp(`^(?:${HEADS.replace(/(^|\|)(\w)/g, (_m, bar: string, c: string) => bar + c.toUpperCase())})(?=\\p{Lu})`, 'u');
const LOWER_HEAD = new RegExp(`^(?:${HEADS})(?:the|our|all|this)`);
const isCallHead = (tag: string) =>
  CAMEL_HEAD.test(tag.charAt(0).toUpperCase() + tag.slice(1)) || (tag === tag.toLowerCase() && LOWER_HEAD.test(tag));
/** First words that make a capitalised sentence a chant even without "!". */
const CHANT_OPENERS = new Set([...HEADS.split('|'), 'smash', 'defend', 'expose', 'purge', 'kill', 'free', 'liberate']);
const CALL_TAIL = /(?:now|again|first|out|matters|too|back|forever|together|strong|never|must(?:go|fall|resign))$/i;

/**
 * Slogan structure that token rules cannot express: hashtags (any "#Word" is one token of its own
 * kind, so no word list can cover them) and short exclamations shouted entirely in capitals.
 * Campaign hashtags are calls ("#StopTheSynod", "#JusticeNow") or acronyms ("#MAGA"); topic tags
 * (a name or an event) are far more common and are not reported: on PTC they are never slogans.
 */
export const slogansDetector: Detector = {
  meta: {
    id: 'slogans/structure',
    technique: 'slogans',
    description: 'Campaign hashtags and short chants written entirely in capitals.',
    source: 'code',
  },
  create(ctx) {
    const { doc } = ctx;
    const t = doc.tokens;
    for (let i = 0; i < t.count; i++) {
      if (t.kind[i] !== K_HASHTAG) continue;
      const tag = doc.text.slice(t.start[i]! + 1, t.end[i]!);
      // Topic tags (a name, an event: "#Hamas", "#JaneDoe") are not slogans; only calls are reported.
      const acronym = tag.length >= 4 && /^\p{Lu}+$/u.test(tag);
      const compound = (tag.match(/\p{Lu}/gu) ?? []).length >= 2 || tag.length > 8;
      if (!acronym && !(compound && (isCallHead(tag) || CALL_TAIL.test(tag)))) continue;
      ctx.report({
        start: t.start[i]!,
        end: t.end[i]!,
        confidence: 0.5,
        ruleId: 'slogans/campaign-hashtag',
        message: `The hashtag "#${tag}" packs a campaign message into a chant-like tag.`,
      });
    }
    for (const s of doc.sentences) {
      if (doc.headline && s.index === doc.headline.sentence) continue;
      let words = 0;
      let shouted = true;
      // The capitals test first: it fails at the first lowercase word of almost every sentence.
      for (let i = s.tokenStart; i < s.tokenEnd && shouted; i++) {
        if (t.kind[i] === K_WORD) {
          words++;
          // Single letters ("I", "A") carry no case information; everything else must be capitals.
          if (t.end[i]! - t.start[i]! > 1 && (t.flags[i]! & F_UPPER) === 0) shouted = false;
        } else if (t.kind[i] === K_NUMBER) shouted = false;
      }
      if (!shouted || words < CAPS_MIN_WORDS || words > CAPS_MAX_WORDS) continue;
      // A chant ends with "!" or opens with a call ("SMASH THE STATE"); a shouted question or
      // statement in capitals is emphasis, not a slogan.
      const sentence = doc.text.slice(s.start, s.end).trim();
      const firstWord = /^["“']?(\p{L}+)/u.exec(sentence)?.[1]?.toLowerCase() ?? '';
      if (!sentence.endsWith('!') && !CHANT_OPENERS.has(firstWord)) continue;
      ctx.report({
        start: s.start,
        end: s.end,
        confidence: 0.35,
        ruleId: 'slogans/shouted-chant',
        message: `"${doc.text.slice(s.start, s.end).trim()}" is a short chant in capitals.`,
      });
    }
  },
};

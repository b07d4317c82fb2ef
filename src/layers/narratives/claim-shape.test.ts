import { describe, expect, it } from 'vitest';
import { segment } from '../../text/segment.js';
import { compileClaimShape, matchClaimShape, type SlotView } from './claim-shape.js';
import { F_CAP, K_WORD, tokenLower } from '../../text/tokenise.js';
import { prepareVocab } from '../../lexicon/per-vocab.js';
import { Vocab } from '../../text/vocab.js';

/** The vocabulary these tests tokenise with. */
const vocab = new Vocab();

/** A view with one party ("Westland", "Westlanders") and capitalised names. */
function view(text: string) {
  const doc = segment(text, vocab);
  const t = doc.tokens;
  const v: SlotView = {
    t,
    partyAt: (i) => (/^westland/i.test(text.slice(t.start[i], t.end[i])) ? 0 * 256 + 1 : -1),
    nameLen: (i) => {
      let k = i;
      while (k < t.count && t.kind[k] === K_WORD && (t.flags[k]! & F_CAP) !== 0) k++;
      return i === doc.sentences[doc.tokenSentence[i]!]!.tokenStart && k === i + 1 ? 0 : k - i;
    },
  };
  return { doc, v, text };
}

const shape = (src: string) =>
  compileClaimShape(src, 'test', (n) => (n === 'harm' ? ['shell*', 'bombed'] : undefined), (p) => (p === 'westland' ? 0 : undefined));

function find(src: string, text: string): string | null {
  // Compiled and bound first: a shape's words enter the vocabulary before documents are read.
  const s = shape(src);
  prepareVocab(vocab);
  const { doc, v } = view(text);
  for (const sent of doc.sentences) {
    // Both ways: from every position, and anchored at each anchor word.
    const free = matchClaimShape(s, v, sent.tokenStart, sent.tokenEnd);
    let anchored: [number, number] | null = null;
    for (let i = sent.tokenStart; i < sent.tokenEnd && !anchored; i++) if (s.anchor?.includes(tokenLower(doc.tokens, i))) anchored = matchClaimShape(s, v, sent.tokenStart, sent.tokenEnd, i);
    if (s.anchor) expect(anchored).toEqual(free);
    if (free) return text.slice(doc.tokens.start[free[0]], doc.tokens.end[free[1] - 1]);
  }
  return null;
}

describe('claim shapes', () => {
  it('match actors, names and parties in their slots', () => {
    expect(find('<actor> is|are the victim*', 'They say the government is the victim of a plot.')).toBe('the government is the victim');
    expect(find('<actor> is|are the victim*', 'Sylvanian farmers are the victims.')).toBe('Sylvanian farmers are the victims');
    expect(find('<party:westland> started ... war', 'Critics say Westland started this senseless war.')).toBe('Westland started this senseless war');
    expect(find('<party:westland> started ... war', 'Critics say Eastland started the war.')).toBeNull();
    expect(find('<name> @harm ... villages', 'On Monday, Kordavia shelled two villages.')).toBe('Kordavia shelled two villages');
  });

  it('take optional elements and bounded gaps', () => {
    expect(find('victory will? be|is near', 'Victory is near.')).toBe('Victory is near');
    expect(find('victory will? be|is near', 'Victory will be near.')).toBe('Victory will be near');
    expect(find('peace ... signed', 'Peace was finally, after many months, signed.')).toBeNull();
    expect(find('peace ... signed', 'Peace was finally signed.')).toBe('Peace was finally signed');
  });

  it('anchor on the longest required literal', () => {
    expect(shape('<actor> is|are to blame').anchorIndex).toBe(3);
    expect(shape('<actor> is|are to blame').maxBefore).toBe(8);
  });

  it('refuse shapes with nothing required', () => {
    expect(() => shape('... word?')).toThrow(/has no required element/);
  });
});

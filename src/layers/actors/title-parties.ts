import { isCap, isWord, tokenText } from '../../lexicon/word-sets.js';
import type { Doc } from '../../text/segment.js';
import type { Mention } from './mentions.js';

/**
 * Parties in a Title Case headline or a title line, where capitals say nothing: "Kelvaria's Water
 * Lies Will Not Wash". Only a word that is the name or the demonym of a party the rest of the text
 * established (`parties`, by stem) is read there, as that party. Adds to `mentions`, kept in order.
 */
export function partiesInTitles(
  doc: Doc,
  titleSentences: readonly number[],
  parties: ReadonlyMap<string, { demonym: string; name: string | null }>,
  stemOf: (word: string) => string,
  mentions: Mention[],
): void {
  if (parties.size === 0 || titleSentences.length === 0) return;
  const t = doc.tokens;
  const before = mentions.length;
  for (const si of titleSentences) {
    const s = doc.sentences[si]!;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      if (!isWord(t, i) || !isCap(t, i)) continue;
      let taken = false;
      for (let k = 0; k < before && !taken; k++) taken = mentions[k]!.a <= i && i < mentions[k]!.b;
      if (taken) continue;
      const word = tokenText(doc, i, i + 1);
      const lower = word.toLowerCase();
      const stem = parties.has(lower) ? lower : stemOf(word);
      const p = parties.get(stem);
      if (!p || !(lower === stem || lower === p.name?.toLowerCase() || lower === p.demonym.toLowerCase())) continue;
      mentions.push({ actor: `country:${stem}`, a: i, b: i + 1, sentence: si });
    }
  }
  if (mentions.length > before) mentions.sort((x, y) => x.a - y.a);
}

import { F_CAP_ASCII, tokenLower } from '../../text/tokenise.js';
import type { Doc } from '../../text/segment.js';
import type { DetectorContext } from '../engine/contract.js';

/** Most tokens between two uses of a hammered word ("lied about X, lied about Y and lied about Z"). */
const HAMMER_MAX_GAP = 6;
const lower = (doc: Doc, i: number) => tokenLower(doc.tokens, i);
const isCapitalised = (doc: Doc, i: number) => (doc.tokens.flags[i]! & F_CAP_ASCII) !== 0;

/** Per-sentence word counts by token id, reset by bumping an epoch instead of clearing. */
let stamp = new Int32Array(0);
let tally = new Int32Array(0);
let epoch = 0;
const slotOfId = (id: number) => (id >= 0 ? 2 * id : 2 * (-id - 2) + 1);

/** One content word three or more times in a single sentence: "lies, lies and more lies". */
export function sentenceHammering(ctx: DetectorContext, doc: Doc, content: Uint8Array): void {
  const t = doc.tokens;
  // Every vocabulary id is below t.vocab.size: no pass over the tokens to find the largest.
  const need = 2 * Math.max(t.vocab.size, t.localWords.length) + 2;
  if (stamp.length < need) {
    stamp = new Int32Array(Math.max(need, 2 * stamp.length));
    tally = new Int32Array(stamp.length);
    epoch = 0;
  }
  if (epoch > 0x3fffffff) {
    stamp.fill(0);
    epoch = 0;
  }
  for (const s of doc.sentences) {
    // Most sentences repeat no content word three times: count by id first.
    const e = ++epoch;
    let thrice = false;
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      if (content[i] !== 1) continue;
      const x = slotOfId(t.id[i]!);
      if (stamp[x] !== e) {
        stamp[x] = e;
        tally[x] = 1;
      } else if (++tally[x]! >= 3) thrice = true;
    }
    if (!thrice) continue;
    const at = new Map<string, number[]>();
    for (let i = s.tokenStart; i < s.tokenEnd; i++) {
      if (content[i] !== 1) continue;
      const w = lower(doc, i);
      let list = at.get(w);
      if (!list) at.set(w, (list = []));
      list.push(i);
    }
    for (const [w, list] of at) {
      if (list.length < 3 || list.every((i) => isCapitalised(doc, i))) continue;
      // Hammering is close-packed: "lied about X, lied about Y and lied about Z".
      if (list.some((i, k) => k > 0 && i - list[k - 1]! > HAMMER_MAX_GAP)) continue;
      for (const i of list) {
        ctx.report({
          start: t.start[i]!,
          end: t.end[i]!,
          confidence: 0.3,
          ruleId: 'repetition/hammered-word',
          message: `"${w}" is used ${list.length} times in one sentence.`,
        });
      }
    }
  }
}

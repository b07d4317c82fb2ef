/** The lexicon rules' terms as a token trie over vocabulary ids, with `word*` prefix children. */
import { UserError } from '../../core/errors.js';
import type { Vocab } from '../../text/vocab.js';
import { termTokens } from './pattern.js';

export interface TrieNode {
  next: Map<number, TrieNode> | null;
  /**
   * `next` as open addressing for the matcher (built once all terms are added): slot -> child id
   * + 1 in nextKeys, the child at the same slot in nextNodes. A miss, the common case, is a probe
   * or two in a typed array instead of a Map lookup.
   */
  nextKeys: Int32Array | null;
  nextNodes: TrieNode[];
  nextMask: number;
  prefixNext: Array<{ prefix: string; node: TrieNode }> | null;
  terminals: number[] | null;
}

export const newNode = (): TrieNode => ({ next: null, nextKeys: null, nextNodes: [], nextMask: 0, prefixNext: null, terminals: null });

/** Adds a term (words, `word*` prefixes) ending in rule `rule` to the trie. */
export function addTerm(trie: TrieNode, term: string, rule: number, where: string, vocab: Vocab): void {
  const words = term.trim().split(/\s+/);
  let node = trie;
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    if (word.endsWith('*') && word.length > 1) {
      const prefix = word.slice(0, -1).toLowerCase();
      node.prefixNext ??= [];
      let found = node.prefixNext.find((p) => p.prefix === prefix);
      if (!found) node.prefixNext.push((found = { prefix, node: newNode() }));
      node = found.node;
      continue;
    }
    const toks = termTokens(word, vocab);
    if (toks.length === 0) throw new UserError(`${where}: term "${term}" has no words`);
    for (const t of toks) {
      const id = vocab.intern(t);
      node.next ??= new Map();
      let child = node.next.get(id);
      if (!child) node.next.set(id, (child = newNode()));
      node = child;
    }
  }
  node.terminals ??= [];
  if (!node.terminals.includes(rule)) node.terminals.push(rule);
}

/** Builds the open-addressing form of every node's `next` (see TrieNode; read by childOf in match.ts). */
export function indexTrie(node: TrieNode): void {
  if (node.next !== null) {
    let size = 4;
    while (size < node.next.size * 2) size *= 2;
    node.nextKeys = new Int32Array(size);
    node.nextNodes = new Array<TrieNode>(size).fill(node);
    node.nextMask = size - 1;
    for (const [id, child] of node.next) {
      let slot = id & node.nextMask;
      while (node.nextKeys[slot] !== 0) slot = (slot + 1) & node.nextMask;
      node.nextKeys[slot] = id + 1;
      node.nextNodes[slot] = child;
      indexTrie(child);
    }
  }
  if (node.prefixNext !== null) for (const p of node.prefixNext) indexTrie(p.node);
}


import { describe, expect, it } from 'vitest';
import { segment } from '../../text/segment.js';
import { deniedAimDetector } from './detector.js';
import { preparedVocab } from '../../lexicon/per-vocab.js';

/** One vocabulary for this file's texts, prepared as an Analyzer prepares its own. */
const vocab = preparedVocab();

function run(text: string): string[] {
  const doc = segment(text, vocab);
  const out: string[] = [];
  deniedAimDetector.create({ doc, report: (f) => out.push(doc.text.slice(f.start, f.end)) });
  return out;
}

describe('denied-aim detector', () => {
  it('reports "they do not want X. They want our Y." over both sentences', () => {
    expect(run('Look at the facts. They do not want water. They want our valley.')).toEqual(['They do not want water. They want our valley.']);
    expect(run("She doesn't want talks. She wants us on our knees.")).toEqual(["She doesn't want talks. She wants us on our knees."]);
  });

  it('ignores reported positions, aims not turned against us, and different subjects', () => {
    expect(run('They do not want subsidies. They want our support, the union said.')).toEqual([]);
    expect(run('He does not want a war. He wants a fair deal.')).toEqual([]);
    expect(run('They do not want water. We want our valley back.')).toEqual([]);
  });
});

import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Analyzer } from '../analysis/analyzer.js';
import { FIXTURES_DIR, loadStoryFixtures, wordCount } from './test-support/corpus.js';
import { evaluateStories } from './test-support/evaluate.js';

const corpus = loadStoryFixtures();
const tmp = mkdtempSync(join(tmpdir(), 'framewise-story-fixtures-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('story fixture corpus', () => {
  it('has at least 12 events, 4 of them held out, each told by 4 to 6 outlets of at least three camps', () => {
    expect(corpus.events.length).toBeGreaterThanOrEqual(12);
    expect(corpus.events.filter((e) => e.part === 'heldout').length).toBeGreaterThanOrEqual(4);
    for (const e of corpus.events) {
      expect(e.documents.length, e.id).toBeGreaterThanOrEqual(4);
      expect(e.documents.length, e.id).toBeLessThanOrEqual(6);
      expect(new Set(e.documents.map((d) => d.outlet)).size, e.id).toBe(e.documents.length);
      expect(new Set(e.documents.map((d) => d.camp)).size, e.id).toBeGreaterThanOrEqual(3);
    }
  });

  it('pairs events on one topic within days, and has distractors in both parts', () => {
    const byTopic = new Map<string, string[]>();
    for (const e of corpus.events) byTopic.set(e.topic, [...(byTopic.get(e.topic) ?? []), e.id]);
    for (const [topic, events] of byTopic) expect(events.length, topic).toBeGreaterThanOrEqual(2);
    for (const part of ['tuning', 'heldout'] as const) expect(corpus.documents.filter((d) => d.part === part && d.distractor).length).toBeGreaterThanOrEqual(3);
  });

  it('keeps every text between 150 and 400 words, with omissions, changed numbers and misleading headlines in both parts', () => {
    for (const d of corpus.documents) {
      const n = wordCount(d.text);
      expect(n, d.id).toBeGreaterThanOrEqual(150);
      expect(n, d.id).toBeLessThanOrEqual(400);
    }
    for (const part of ['tuning', 'heldout'] as const) {
      const docs = corpus.documents.filter((d) => d.part === part);
      expect(docs.reduce((s, d) => s + d.omits.size, 0)).toBeGreaterThan(40);
      expect(docs.filter((d) => d.changed.size > 0).length).toBeGreaterThanOrEqual(4);
      expect(docs.filter((d) => d.misleadingHeadline).length).toBeGreaterThanOrEqual(2);
    }
  });

  it('refuses an annotation whose omissions do not follow from the carried facts, naming file and document', () => {
    const text = readFileSync(join(FIXTURES_DIR, 'tuning', 'gull.yaml'), 'utf8');
    mkdirSync(join(tmp, 'tuning'), { recursive: true });
    writeFileSync(join(tmp, 'tuning', 'gull.yaml'), text.replace('        omits: [fine]\n', '        omits: []\n'));
    expect(() => loadStoryFixtures('tuning', tmp)).toThrow(/gull\.yaml: gull-release\/marenland-post: omits lists \[\] but the carried facts give \[fine\]/);
    writeFileSync(join(tmp, 'tuning', 'gull.yaml'), text.replace('kept: The trawler itself remains impounded in Rask\n', 'kept: The trawler was sold\n'));
    expect(() => loadStoryFixtures('tuning', tmp)).toThrow(/the words for "kept" are not in the text/);
  });
});

describe('story pipeline on the tuning part (thresholds were chosen here; docs/stories.md has the held-out figures)', () => {
  it('meets the targets: clustering pairwise F1 >= 0.90, omission precision >= 0.80 and recall >= 0.70', async () => {
    const r = await evaluateStories('tuning', new Analyzer({ model: null }));
    expect(r.clustering.f1).toBeGreaterThanOrEqual(0.9);
    expect(r.omissions.precision).toBeGreaterThanOrEqual(0.8);
    expect(r.omissions.recall).toBeGreaterThanOrEqual(0.7);
    expect(r.headlines.precision).toBe(1);
  });
});

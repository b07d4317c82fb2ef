import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Analyzer } from '../../analysis/analyzer.js';
import { defaultConfig } from '../../core/config.js';
import { TECHNIQUE_IDS } from '../../core/taxonomy.js';

/** Rules for one technique only, so the test does not depend on every rule file. */
function config(lexicons: string[] = []) {
  return { ...defaultConfig(), lexicons, techniques: Object.fromEntries(TECHNIQUE_IDS.map((id) => [id, id === 'name-calling'])) };
}

describe('frames layer', () => {
  it('adds report.frames with original offsets', () => {
    const text = 'Court rules on border\r\n\r\nThe supreme court ruled on Tuesday that the border fence was built unlawfully.\r\n\r\nTroops will stay at the border, the army said.';
    const r = new Analyzer({ model: null, config: config() }).analyze(text);
    expect(r.frames).toBeDefined();
    expect(r.frames!.paragraphs).toHaveLength(3);
    expect(r.frames!.paragraphs[1]!.dominant[0]).toBe('legality-constitutionality-jurisprudence');
    for (const f of r.frames!.frames) for (const c of f.cues) expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  it('reads frame-<id>.txt cue files from the config lexicon directories', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-frames-'));
    writeFileSync(join(dir, 'frame-quality-of-life.txt'), 'snorkbloom\n');
    const text = 'The snorkbloom returned.';
    expect(new Analyzer({ model: null, config: config() }).analyze(text).frames!.scores['quality-of-life']).toBe(0);
    const r = new Analyzer({ model: null, config: config([dir]) }).analyze(text);
    expect(r.frames!.dominant).toEqual(['quality-of-life']);
  });

  it('is skipped with layers: false', () => {
    expect(new Analyzer({ model: null, config: config() }).analyze('Prices rose.', { layers: false }).frames).toBeUndefined();
  });
});

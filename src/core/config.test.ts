import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { enabledTechniques, loadConfigFile, parseConfig } from './config.js';
import { UserError } from './errors.js';

const dir = mkdtempSync(join(tmpdir(), 'fw-config-'));
const write = (name: string, text: string) => {
  const p = join(dir, name);
  writeFileSync(p, text);
  return p;
};

describe('config', () => {
  it('fills defaults', () => {
    const c = parseConfig({});
    // No cut of its own: the analyzer takes the level the shipped calibration recommends.
    expect(c.minConfidence).toBeUndefined();
    expect(c.model).toBe(true);
    expect(enabledTechniques(c).size).toBe(27);
  });

  it('switches techniques off and restricts to a list', () => {
    const c = parseConfig({ techniques: { repetition: false, hearsay: false } });
    const on = enabledTechniques(c);
    expect(on.has('repetition')).toBe(false);
    expect(on.size).toBe(25);
    expect([...enabledTechniques(c, ['hearsay', 'doubt'])]).toEqual(['doubt']);
  });

  it('resolves rule and lexicon paths against the config file', () => {
    const p = write('framewise.config.yaml', 'rules:\n  - my-rules.yaml\nlexicons: [lex]\nminConfidence: 0.3\n');
    const c = loadConfigFile(p);
    expect(c.rules).toEqual([join(dir, 'my-rules.yaml')]);
    expect(c.lexicons).toEqual([join(dir, 'lex')]);
    expect(c.minConfidence).toBe(0.3);
  });

  it('names the file, line and field of an invalid value', () => {
    const p = write('bad.yaml', 'model: true\nminConfidence: 3\n');
    expect(() => loadConfigFile(p)).toThrow(/bad.yaml:2: minConfidence: /);
  });

  it('names an unknown technique and an unknown key', () => {
    const p = write('bad2.json', '{\n  "techniques": {\n    "lies": false\n  }\n}\n');
    expect(() => loadConfigFile(p)).toThrow(UserError);
    expect(() => loadConfigFile(p)).toThrow(/bad2.json:\d+: techniques/);
    expect(() => parseConfig({ colour: 'red' }, 'body')).toThrow(/body: \(root\): .*colour/);
  });

  it('reports malformed files and missing files', () => {
    const p = write('broken.json', '{ "model": tru');
    expect(() => loadConfigFile(p)).toThrow(/broken.json:1:/);
    expect(() => loadConfigFile(join(dir, 'nope.json'))).toThrow(/nope.json: config file not found/);
  });
});

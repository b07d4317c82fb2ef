import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { circles, partOf, readSources, roomOf, type SourceFile } from './test-support/import-graph.js';

/**
 * The house plan of docs/architecture.md, checked over the imports of every non-test file of src/
 * and web/ (tests and test-support may import anything). Each part lists the parts it may import;
 * anything else fails here. EXCEPTIONS lists the imports that still break the plan, each with its
 * reason: an exception that no longer occurs fails too, so the list can only shrink.
 */

const root = fileURLToPath(new URL('..', import.meta.url));

/** The parts each part may import (besides itself), lowest floors first. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  core: [],
  version: [],
  text: ['core'],
  lexicon: ['core', 'text'],
  detectors: ['core', 'text', 'lexicon'],
  layers: ['core', 'text', 'lexicon'],
  model: ['core', 'text', 'lexicon', 'detectors'],
  eval: ['core', 'text'],
  analysis: ['core', 'text', 'lexicon', 'detectors', 'layers', 'model', 'version'],
  training: ['core', 'text', 'lexicon', 'detectors', 'layers', 'model', 'eval', 'analysis'],
  store: ['core', 'text'],
  compare: ['core', 'text', 'lexicon', 'layers', 'store'],
  /** Story clusters and what each version of a story carries and leaves out (src/stories). */
  stories: ['core', 'text', 'lexicon', 'store'],
  ingest: ['core', 'text', 'analysis', 'store'],
  batch: ['core', 'analysis', 'store', 'ingest'],
  docs: ['core'],
  /** The library's entry (src/index.ts): what users import. */
  index: ['core', 'text', 'lexicon', 'detectors', 'layers', 'analysis', 'store', 'compare', 'stories', 'ingest', 'version'],
  server: ['core', 'text', 'analysis', 'store', 'compare', 'stories', 'ingest', 'batch', 'version'],
  cli: ['core', 'text', 'lexicon', 'detectors', 'layers', 'model', 'eval', 'training', 'analysis', 'store', 'compare', 'stories', 'ingest', 'batch', 'server', 'version'],
  /** The browser UI talks to the HTTP API only: it reads the report and result types from core. */
  web: ['core'],
};

/**
 * Imports that break the plan today, `from -> to` (a file, or a package for test code in shipped
 * files), each with why it still exists.
 */
const EXCEPTIONS: Record<string, string> = {};

/** Shipped modules that only tests import in TypeScript, each with who else uses it. */
const TEST_ONLY_OK: Record<string, string> = {
  'src/analysis/stages.ts': 'bench/scaling.mjs times the stages from dist/',
  'src/index.ts': "the library's entry: users import it from dist/ (package.json main)",
};

/**
 * Shipped modules that make a Vocab at module level, each with why: vocabularies are created
 * explicitly (an Analyzer makes its own) and passed, never a process-wide one filled at import.
 */
const MODULE_VOCABS: Record<string, string> = {
  'src/text/tokenise.ts': "the table of words outside every vocabulary (keys for per-word caches across documents); it never names a token's id",
};

/** Files over LINE_LIMIT lines, each with why it is still long. */
const LINE_LIMIT = 500;
/** Files allowed over the limit, with the reason (none now; the list can only shrink). */
const LONG_FILES: Record<string, string> = {};

const files = readSources(root, ['src', 'web', 'scripts', 'bench']);
const byPath = new Map(files.map((f) => [f.path, f]));
const shipped = files.filter((f) => !f.test && (f.path.startsWith('src/') || f.path.startsWith('web/')));

function violations(): string[] {
  const out = new Set<string>();
  for (const f of shipped) {
    const from = partOf(f.path);
    const may = MAY_IMPORT[from];
    for (const imp of f.imports) {
      const to = partOf(imp);
      if (to === from) continue;
      if (!may || !may.includes(to)) out.add(`${f.path} -> ${imp}`);
    }
    // Shipped code runs without the test tools, so it must not import them or test code.
    for (const imp of f.imports) if (/\.test\.ts$|\/test-support\//.test(imp)) out.add(`${f.path} -> ${imp}`);
    for (const p of f.packages) if (p === 'vitest' || p.startsWith('vitest/') || p === 'fast-check') out.add(`${f.path} -> ${p}`);
  }
  return [...out];
}

function graph(of: (f: SourceFile, imp: string) => [string, string] | null): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const f of shipped) {
    for (const imp of f.imports) {
      const e = of(f, imp);
      if (!e || e[0] === e[1] || `${f.path} -> ${imp}` in EXCEPTIONS) continue;
      if (!edges.has(e[0])) edges.set(e[0], new Set());
      edges.get(e[0])!.add(e[1]);
    }
  }
  return edges;
}

describe('the house plan (docs/architecture.md)', () => {
  it('reads a plausible number of files and imports (the scanner works)', () => {
    expect(shipped.length).toBeGreaterThan(150);
    expect(shipped.find((f) => f.path === 'src/analysis/analyzer.ts')?.imports).toContain('src/layers/index.ts');
    for (const part of new Set(shipped.map((f) => partOf(f.path)))) expect(MAY_IMPORT, `part ${part} has no entry`).toHaveProperty(part);
  });

  it('allows no circle itself: every part may import only parts below it', () => {
    expect(circles(new Map(Object.entries(MAY_IMPORT).map(([k, v]) => [k, new Set(v)])))).toEqual([]);
  });

  it('every import between parts goes where the plan allows, or is a listed exception', () => {
    const found = violations();
    expect(found.filter((v) => !(v in EXCEPTIONS))).toEqual([]);
    // Fixed exceptions leave the list: it only shrinks.
    expect(Object.keys(EXCEPTIONS).filter((e) => !found.includes(e))).toEqual([]);
  });

  it('has no import circle between parts (exceptions aside)', () => {
    expect(circles(graph((f, imp) => [partOf(f.path), partOf(imp)]))).toEqual([]);
  });

  it('has no import circle between the sub-folders of a part (one layer, one detector, one page)', () => {
    const rooms = graph((f, imp) => {
      const a = roomOf(f.path);
      const b = roomOf(imp);
      return a && b && partOf(f.path) === partOf(imp) ? [a, b] : null;
    });
    expect(circles(rooms)).toEqual([]);
  });

  it('core imports nothing of the project (a leaf: everything may read its types)', () => {
    const core = shipped.filter((f) => partOf(f.path) === 'core');
    expect(core.length).toBeGreaterThan(5);
    for (const f of core) expect(f.imports.filter((i) => partOf(i) !== 'core'), f.path).toEqual([]);
  });

  it('the build (tsconfig.build.json) compiles no test code into dist/', () => {
    const file = ts.findConfigFile(root, ts.sys.fileExists, 'tsconfig.build.json')!;
    const config = ts.parseJsonConfigFileContent(ts.readConfigFile(file, ts.sys.readFile).config, ts.sys, dirname(file));
    const built = config.fileNames.map((f) => relative(root, f).split('\\').join('/'));
    expect(built).toContain('src/store/open.ts');
    const testCode = built.filter((p) => byPath.get(p)?.test || byPath.get(p)?.packages.includes('vitest'));
    expect(testCode).toEqual([]);
  });

  it('ships no module that only tests import (test data and helpers live in test-support/)', () => {
    const importers = new Map<string, string[]>();
    for (const f of files) for (const i of f.imports) importers.set(i, [...(importers.get(i) ?? []), f.path]);
    const testOnly = shipped
      .filter((f) => f.path.startsWith('src/') && !(f.path in TEST_ONLY_OK))
      .filter((f) => (importers.get(f.path) ?? []).length > 0 && importers.get(f.path)!.every((p) => byPath.get(p)?.test))
      .map((f) => f.path);
    expect(testOnly).toEqual([]);
    // A listed module that shipped code now imports leaves the list.
    expect(Object.keys(TEST_ONLY_OK).filter((p) => (importers.get(p) ?? []).some((q) => !byPath.get(q)?.test))).toEqual([]);
  });

  it('no module makes a vocabulary at import (one is created explicitly and passed), except those listed', () => {
    const topLevel = /^(?:export\s+)?(?:const|let|var)\s+[\w$]+(?:\s*:[^=]+)?\s*=\s*new Vocab\(/m;
    const found = shipped.filter((f) => f.path.startsWith('src/') && topLevel.test(readFileSync(join(root, f.path), 'utf8'))).map((f) => f.path);
    expect(found.filter((p) => !(p in MODULE_VOCABS))).toEqual([]);
    expect(Object.keys(MODULE_VOCABS).filter((p) => !found.includes(p))).toEqual([]);
  });

  it(`no file is longer than ${LINE_LIMIT} lines, except those listed`, () => {
    const long = files.filter((f) => f.lines > LINE_LIMIT).map((f) => f.path);
    expect(long.filter((p) => !(p in LONG_FILES))).toEqual([]);
    expect(Object.keys(LONG_FILES).filter((p) => !long.includes(p))).toEqual([]);
  });
});

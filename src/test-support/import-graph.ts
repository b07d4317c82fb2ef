import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';

/**
 * The imports of the project's TypeScript files, read with the compiler's own pre-processor (static
 * imports, re-exports, side-effect imports, `import()` and `import type` alike), for the
 * architecture test (src/architecture.test.ts) and docs/architecture.md.
 */

export interface SourceFile {
  /** Path relative to the repository root, with forward slashes. */
  path: string;
  lines: number;
  /** Test code: `*.test.ts`, anything under a `test-support/` folder, and web/e2e (browser tests). */
  test: boolean;
  /** Project files it imports (relative paths as `path`), then package imports by name. */
  imports: string[];
  packages: string[];
}

const SOURCE = /\.(ts|tsx|mts|mjs)$/;

export function isTestPath(path: string): boolean {
  return /\.test\.tsx?$/.test(path) || path.includes('/test-support/') || path.startsWith('web/e2e/');
}

function walk(root: string, dir: string, out: string[]): void {
  for (const e of readdirSync(join(root, dir), { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name === 'dist' || e.name.startsWith('.')) continue;
    const p = dir ? `${dir}/${e.name}` : e.name;
    if (e.isDirectory()) walk(root, p, out);
    else if (SOURCE.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
  }
}

/** Every TypeScript file under the given top folders (relative to root), with its imports. */
export function readSources(root: string, folders: string[]): SourceFile[] {
  const paths: string[] = [];
  for (const f of folders) walk(root, f, paths);
  return paths.sort().map((path) => {
    const text = readFileSync(join(root, path), 'utf8');
    const imports: string[] = [];
    const packages: string[] = [];
    for (const { fileName } of ts.preProcessFile(text, true, true).importedFiles) {
      if (fileName.startsWith('.')) imports.push(resolveImport(root, path, fileName));
      else packages.push(fileName);
    }
    return { path, lines: text.split('\n').length - (text.endsWith('\n') ? 1 : 0), test: isTestPath(path), imports, packages };
  });
}

/** `../x/y.js` from `src/a/b.ts` -> `src/x/y.ts` (the ESM `.js` suffix names the `.ts` source). */
function resolveImport(root: string, from: string, spec: string): string {
  const abs = resolve(root, dirname(from), spec);
  return relative(root, abs).split(sep).join('/').replace(/\.js$/, '.ts');
}

/**
 * The part of the house a file belongs to: the top folder under src/ (`layers`, `model`...), the
 * file's stem for files directly in src/ (`index`, `version`), `web` for the browser UI.
 */
export function partOf(path: string): string {
  const p = path.split('/');
  if (p[0] === 'web') return 'web';
  if (p[0] === 'src') return p.length > 2 ? p[1]! : p[1]!.replace(SOURCE, '');
  return p[0]!;
}

/**
 * The sub-folder of a part a file is in (`src/layers/claims`, `web/src/panels`), or null for files
 * directly in the part's folder (its index, contract and shared helpers, which the sub-folders may
 * import and which may import them back).
 */
export function roomOf(path: string): string | null {
  const p = path.split('/');
  return p.length >= 4 ? p.slice(0, 3).join('/') : null;
}

/** The strongly connected groups of more than one node (import circles), each sorted, smallest node first. */
export function circles(edges: Map<string, Set<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  let next = 0;
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const group: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1) out.push(group.sort());
    }
  };
  for (const v of [...edges.keys()].sort()) if (!index.has(v)) visit(v);
  return out.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

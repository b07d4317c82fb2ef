import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deepDisplaySafe, displaySafe, jsonOut, terminalSafe } from './safe-output.js';
import { runCli } from './test-support/io.js';

/** A CLI safe to script: closed pipes, terminal escapes in inputs, user faults as exit 2 with one line. */

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fw-scripting-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Escape sequences a hostile text might carry: window title, clipboard write, clear screen, colour, a line overwrite. */
const HOSTILE = 'Title\u001b]0;pwned\u0007 and \u001b]52;c;Y3VybCBldmls\u0007 then \u001b[2J\u001b[H cleared, \u001b[31mred\u001b[0m, \u009b2J, \u202eevil\u202c, over\rwrite.\nThe brutal regime lied.';
const UNSAFE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;

describe('safe output', () => {
  it('displaySafe keeps the length (offsets stay valid) and leaves nothing a terminal obeys', () => {
    expect(displaySafe('a\u001b[2Jb\r\nc\rd\te\u0085')).toBe('a\u241b[2Jb\r\nc\u240dd\te\ufffd');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const d = displaySafe(s);
        return d.length === s.length && !UNSAFE.test(d);
      }),
      { numRuns: 300 },
    );
  });

  it('terminalSafe lets only the colour sequences through; jsonOut escapes C1 and bidi controls losslessly', () => {
    expect(terminalSafe('\u001b[31mred\u001b[0m \u001b]0;t\u0007 \u001b[2J')).toBe('\u001b[31mred\u001b[0m \u241b]0;t\u2407 \u241b[2J');
    expect(terminalSafe('\r analysed 3/9', true)).toBe('\r analysed 3/9');
    expect(terminalSafe('x\r analysed', true)).toBe('x\u240d analysed');
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => !UNSAFE.test(terminalSafe(s).replace(/\u001b\[[0-9;]*m/g, ''))),
      { numRuns: 300 },
    );
    const value = { text: HOSTILE };
    expect(JSON.parse(jsonOut(value, 2))).toEqual(value);
    expect(UNSAFE.test(jsonOut(value))).toBe(false);
    expect(deepDisplaySafe({ a: ['\u001b'], b: 2 })).toEqual({ a: ['\u241b'], b: 2 });
  });

  it('analyze prints hostile text without its escape sequences, in every format, colours on or off', async () => {
    const file = join(dir, 'hostile.txt');
    writeFileSync(file, HOSTILE);
    for (const args of [['--no-color'], [], ['--format', 'json'], ['--format', 'jsonl']]) {
      const r = await runCli(['analyze', '--no-model', ...args, file]);
      expect(r.code, args.join(' ')).toBe(0);
      expect(UNSAFE.test(r.stdout.replace(/\u001b\[[0-9;]*m/g, '')), args.join(' ')).toBe(false);
      expect(r.stdout).not.toContain('\u001b]');
    }
    const pretty = await runCli(['analyze', '--no-model', '--no-color', file]);
    expect(pretty.stdout).toContain('Title\u241b]0;pwned\u2407');
    // The JSON keeps the exact text (escaped), so offsets and content are the input's.
    const json = JSON.parse((await runCli(['analyze', '--no-model', '--format', 'json', file])).stdout);
    expect(json.length).toBe(HOSTILE.length);
    // File names are shown, not obeyed, in messages too.
    const named = await runCli(['analyze', join(dir, 'no\u001b]0;x\u0007such.txt')]);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('no\u241b]0;x\u2407such.txt');
  });
});

describe('closed pipes', () => {
  /** The CLI (current source) with stdout closed by the reader after its first chunk. */
  function runClosedPipe(args: string[]): Promise<{ code: number | null; stderr: string }> {
    const entry = "const { main } = await import('./src/cli/main.ts'); process.exitCode = await main(['node', 'framewise', ...process.argv.slice(1)]);";
    const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', entry, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr!.on('data', (b: Buffer) => (stderr += b.toString()));
    child.stdout!.once('data', () => child.stdout!.destroy());
    return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
  }

  it('framewise analyze ... | head ends quietly with exit 0, whatever the format', async () => {
    const files: string[] = [];
    for (let k = 0; k < 40; k++) {
      const f = join(dir, `many-${k}.txt`);
      writeFileSync(f, `Report ${k}. The brutal regime and its thugs lied again about the border, officials said.\n`.repeat(40));
      files.push(f);
    }
    for (const format of ['pretty', 'json', 'jsonl']) {
      const r = await runClosedPipe(['analyze', '--no-model', '--format', format, ...files]);
      expect({ format, code: r.code, stderr: r.stderr }).toEqual({ format, code: 0, stderr: '' });
    }
  }, 180_000);
});

describe('user faults are exit 2 with one line, never a stack trace', () => {
  it('a dangling symbolic link and a loop of links in a directory are reported; the other files are read', async () => {
    const tree = join(dir, 'tree');
    mkdirSync(join(tree, 'sub'), { recursive: true });
    writeFileSync(join(tree, 'good.txt'), 'The brutal regime lied about the border again.');
    symlinkSync(join(tree, 'gone.txt'), join(tree, 'dangling.txt'));
    symlinkSync(join(tree, 'loop-b.txt'), join(tree, 'loop-a.txt'));
    symlinkSync(join(tree, 'loop-a.txt'), join(tree, 'loop-b.txt'));
    symlinkSync(tree, join(tree, 'sub', 'up')); // a directory cycle: read once
    const r = await runCli(['analyze', '--no-model', '--format', 'jsonl', tree]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`framewise: ${join(tree, 'dangling.txt')}: a symbolic link to nothing (dangling)`);
    expect(r.stderr).toContain(`framewise: ${join(tree, 'loop-a.txt')}: a loop of symbolic links`);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(r.stdout.trim().split('\n')).toHaveLength(1);
    const ing = await runCli(['ingest', '--db', join(dir, 'tree.db'), '--no-analyze', tree]);
    expect(ing.code).toBe(2);
    expect(ing.stderr).toContain('a symbolic link to nothing (dangling)');
    expect(ing.stdout).toContain('1 new');
  });

  it('--db under a regular file is a user error naming the flag', async () => {
    const file = join(dir, 'plain-file');
    writeFileSync(file, 'not a folder');
    for (const args of [['ingest', '--db', join(file, 'x.db'), file], ['compare', '--by', 'outlet', '--db', join(file, 'x.db')]]) {
      const r = await runCli(args);
      expect(r.code).toBe(2);
      expect(r.stderr.trim().split('\n')).toEqual([`framewise: --db: cannot open database ${join(file, 'x.db')}: a part of its folder path is a file, not a folder`]);
    }
  });

  it('reads UTF-16 files with a byte order mark (little and big endian), in analyze and ingest', async () => {
    const text = 'Café talks in Tarvia: the brutal regime lied. 🙂';
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le.subarray(2)).swap16();
    writeFileSync(join(dir, 'le.txt'), le);
    writeFileSync(join(dir, 'be.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), be]));
    writeFileSync(join(dir, 'le.jsonl'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify({ text: `${text} (jsonl)` }) + '\n', 'utf16le')]));
    for (const f of ['le.txt', 'be.txt']) {
      const r = await runCli(['analyze', '--no-model', '--format', 'json', join(dir, f)]);
      expect(r.code, f).toBe(0);
      expect(JSON.parse(r.stdout).length).toBe(text.length);
    }
    const ing = await runCli(['ingest', '--db', join(dir, 'utf16.db'), '--no-analyze', '--json', join(dir, 'le.txt'), join(dir, 'le.jsonl')]);
    expect(JSON.parse(ing.stdout)).toMatchObject({ added: 2, failed: 0 });
  });

  it('an empty file is one rule everywhere: reported, exit 2, the other inputs go on', async () => {
    writeFileSync(join(dir, 'empty.txt'), '  \n');
    writeFileSync(join(dir, 'full.txt'), 'The brutal regime lied.');
    const a = await runCli(['analyze', '--no-model', '--format', 'jsonl', join(dir, 'empty.txt'), join(dir, 'full.txt')]);
    expect(a.code).toBe(2);
    expect(a.stderr).toBe(`framewise: ${join(dir, 'empty.txt')}: empty file (nothing to analyse)\n`);
    expect(a.stdout.trim().split('\n')).toHaveLength(1);
    const i = await runCli(['ingest', '--db', join(dir, 'empty.db'), '--no-analyze', join(dir, 'empty.txt'), join(dir, 'full.txt')]);
    expect(i.code).toBe(2);
    expect(i.stderr).toContain(`framewise: ${join(dir, 'empty.txt')}: empty file`);
  });

  it('compare --help says --by is required and shows numeric defaults as numbers', async () => {
    const r = await runCli(['compare', '--help']);
    expect(r.stdout).toMatch(/--by <field>\s+group documents by \(choices: "outlet", "tag", "author",\s+required\)/);
    expect(r.stdout).toContain('(default: 5)');
    expect(r.stdout).toContain('(default: 0.05)');
    expect((await runCli(['worker', '--help'])).stdout).toContain('(default: 30000)');
  });
});

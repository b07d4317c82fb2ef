import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArchetypeId, MainRole } from '../core/framing.js';
import { loadRoleGold, rolesJson, scoreRoles } from './roles.js';

const L = (main: MainRole, ...fine: ArchetypeId[]) => ({ main, fine });

describe('role scores (SemEval-2025 Task 10 subtask 1)', () => {
  it('computes accuracy, macro-F1, EMR and archetype micro-F1 by hand-checked numbers', () => {
    const s = scoreRoles([
      { gold: L('antagonist', 'instigator'), pred: L('antagonist', 'instigator') }, // exact
      { gold: L('antagonist', 'tyrant', 'corrupt'), pred: L('antagonist', 'tyrant') }, // main right, fine partly
      { gold: L('innocent', 'victim'), pred: L('antagonist', 'instigator') }, // wrong
      { gold: L('protagonist', 'guardian'), pred: L('protagonist', 'guardian', 'virtuous') }, // main right, one extra fine
      { gold: L('antagonist', 'deceiver'), pred: L('innocent', 'victim') }, // wrong
    ]);
    // Main: 3 of 5 right.
    expect(s.mainRoleAccuracy).toBeCloseTo(0.6, 10);
    // antagonist: gold 3, pred 3, hit 2 -> P 2/3, R 2/3, F1 2/3; protagonist: P 1, R 1, F1 1; innocent: gold 1, pred 1, hit 0 -> F1 0.
    expect(s.perRole.antagonist).toMatchObject({ gold: 3, pred: 3 });
    expect(s.perRole.antagonist.f1).toBeCloseTo(2 / 3, 10);
    expect(s.perRole.protagonist.f1).toBe(1);
    expect(s.perRole.innocent.f1).toBe(0);
    expect(s.mainRoleMacroF1).toBeCloseTo((2 / 3 + 1 + 0) / 3, 10);
    // EMR: only the first pair has equal sets.
    expect(s.emr).toBeCloseTo(0.2, 10);
    // Fine: predicted 1+1+1+2+1 = 6, gold 1+2+1+1+1 = 6, true positives instigator, tyrant, guardian = 3.
    expect(s.fineMicroP).toBeCloseTo(0.5, 10);
    expect(s.fineMicroR).toBeCloseTo(0.5, 10);
    expect(s.fineMicroF1).toBeCloseTo(0.5, 10);
    expect(s.confusion.innocent.antagonist).toBe(1);
    expect(s.confusion.antagonist.innocent).toBe(1);
    expect(Object.keys(rolesJson(s))).toEqual(expect.arrayContaining(['mainRoleAccuracy', 'mainRoleMacroF1', 'emr', 'fineMicroF1', 'perRole', 'confusion']));
  });

  it('leaves a role nobody used out of the macro mean, and scores a constant answer', () => {
    const gold = [L('antagonist'), L('antagonist'), L('antagonist'), L('innocent')];
    const s = scoreRoles(gold.map((g) => ({ gold: g, pred: L('antagonist') })));
    expect(s.mainRoleAccuracy).toBe(0.75);
    // antagonist F1 = 2*0.75*1/1.75 = 6/7; innocent F1 0; protagonist unused.
    expect(s.mainRoleMacroF1).toBeCloseTo((6 / 7 + 0) / 2, 10);
    expect(s.emr).toBe(1); // empty fine sets are equal
  });

  it('reads gold JSONL and names file, line and field of a bad record', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fw-roles-'));
    const file = join(dir, 'gold.jsonl');
    writeFileSync(file, JSON.stringify({ id: 'a', text: 'Korvani militias shelled the hamlets.', mentions: [{ start: 0, end: 16, main: 'antagonist', fine: ['instigator'] }] }) + '\n');
    expect(loadRoleGold(file)).toEqual([{ id: 'a', text: 'Korvani militias shelled the hamlets.', mentions: [{ start: 0, end: 16, main: 'antagonist', fine: ['instigator'] }] }]);
    writeFileSync(file, '\n' + JSON.stringify({ text: 'abc', mentions: [{ start: 0, end: 2, main: 'unframed' }] }));
    expect(() => loadRoleGold(file)).toThrow(/gold\.jsonl:2: mentions\[0\]: "main" must be one of protagonist, antagonist, innocent/);
    writeFileSync(file, JSON.stringify({ text: 'abc', mentions: [{ start: 0, end: 9, main: 'innocent' }] }));
    expect(() => loadRoleGold(file)).toThrow(/gold\.jsonl:1: mentions\[0\]: start and end/);
    writeFileSync(file, JSON.stringify({ text: 'abc', mentions: [{ start: 0, end: 2, main: 'innocent', fine: ['tyrant'] }] }));
    expect(() => loadRoleGold(file)).toThrow(/belongs to antagonist/);
  });
});

import { existsSync, readFileSync } from 'node:fs';
import { UserError } from '../core/errors.js';
import { isArchetypeId, isMainRole, MAIN_OF, MAIN_ROLES, type ArchetypeId, type MainRole } from '../core/framing.js';

/**
 * Scores for entity framing with given mentions, as SemEval-2025 Task 10 subtask 1 defines them:
 * main-role accuracy, macro-F1 over the main roles, exact match ratio (EMR) of the fine-grained
 * archetype sets, and micro precision, recall and F1 of the archetypes.
 */

export interface RoleLabel {
  main: MainRole;
  fine: ArchetypeId[];
}

export interface RoleGoldMention extends RoleLabel {
  start: number;
  end: number;
}

export interface RoleGoldDoc {
  id: string;
  text: string;
  mentions: RoleGoldMention[];
}

export interface RoleScores {
  mentions: number;
  mainRoleAccuracy: number;
  mainRoleMacroF1: number;
  emr: number;
  fineMicroP: number;
  fineMicroR: number;
  fineMicroF1: number;
  perRole: Record<MainRole, { precision: number; recall: number; f1: number; gold: number; pred: number }>;
  /** confusion[gold][predicted] = mentions. */
  confusion: Record<MainRole, Record<MainRole, number>>;
}

const f1 = (p: number, r: number) => (p + r === 0 ? 0 : (2 * p * r) / (p + r));

/** Scores predicted against gold labels, pair by pair. */
export function scoreRoles(pairs: ReadonlyArray<{ gold: RoleLabel; pred: RoleLabel }>): RoleScores {
  const confusion = Object.fromEntries(MAIN_ROLES.map((g) => [g, Object.fromEntries(MAIN_ROLES.map((p) => [p, 0]))])) as RoleScores['confusion'];
  let correct = 0;
  let exact = 0;
  let tp = 0;
  let predFine = 0;
  let goldFine = 0;
  for (const { gold, pred } of pairs) {
    confusion[gold.main][pred.main]++;
    if (gold.main === pred.main) correct++;
    const g = new Set(gold.fine);
    const p = new Set(pred.fine);
    if (g.size === p.size && [...g].every((x) => p.has(x))) exact++;
    for (const x of p) if (g.has(x)) tp++;
    predFine += p.size;
    goldFine += g.size;
  }
  const n = pairs.length;
  const perRole = {} as RoleScores['perRole'];
  const f1s: number[] = [];
  for (const r of MAIN_ROLES) {
    const goldN = MAIN_ROLES.reduce((s, p) => s + confusion[r][p], 0);
    const predN = MAIN_ROLES.reduce((s, g) => s + confusion[g][r], 0);
    const hit = confusion[r][r];
    const precision = predN === 0 ? 0 : hit / predN;
    const recall = goldN === 0 ? 0 : hit / goldN;
    perRole[r] = { precision, recall, f1: f1(precision, recall), gold: goldN, pred: predN };
    // A role neither in the gold nor predicted says nothing about the system: left out of the mean.
    if (goldN > 0 || predN > 0) f1s.push(perRole[r].f1);
  }
  const fineMicroP = predFine === 0 ? 0 : tp / predFine;
  const fineMicroR = goldFine === 0 ? 0 : tp / goldFine;
  return {
    mentions: n,
    mainRoleAccuracy: n === 0 ? 0 : correct / n,
    mainRoleMacroF1: f1s.length === 0 ? 0 : f1s.reduce((a, b) => a + b, 0) / f1s.length,
    emr: n === 0 ? 0 : exact / n,
    fineMicroP,
    fineMicroR,
    fineMicroF1: f1(fineMicroP, fineMicroR),
    perRole,
    confusion,
  };
}

/**
 * Reads gold records for the roles task: one JSON object a line,
 * `{"id"?, "text", "mentions": [{"start", "end", "main", "fine": [...]}]}` with UTF-16 offsets.
 * Errors name the file, the line and the field.
 */
export function loadRoleGold(file: string): RoleGoldDoc[] {
  if (!existsSync(file)) throw new UserError(`${file}: file not found`, { file });
  const out: RoleGoldDoc[] = [];
  const lines = readFileSync(file, 'utf8').split('\n');
  lines.forEach((raw, k) => {
    const line = raw.trim();
    if (!line) return;
    const at = `${file}:${k + 1}`;
    let r: { id?: unknown; text?: unknown; mentions?: unknown };
    try {
      r = JSON.parse(line) as typeof r;
    } catch (e) {
      throw new UserError(`${at}: not JSON (${(e as Error).message})`, { file, line: k + 1 });
    }
    if (typeof r.text !== 'string') throw new UserError(`${at}: "text" must be a string`, { file, line: k + 1, field: 'text' });
    if (!Array.isArray(r.mentions)) throw new UserError(`${at}: "mentions" must be a list`, { file, line: k + 1, field: 'mentions' });
    const text = r.text;
    const mentions = r.mentions.map((m: unknown, j: number): RoleGoldMention => {
      const x = m as { start?: unknown; end?: unknown; main?: unknown; fine?: unknown };
      const where = `${at}: mentions[${j}]`;
      if (!Number.isInteger(x.start) || !Number.isInteger(x.end) || (x.start as number) < 0 || (x.end as number) <= (x.start as number) || (x.end as number) > text.length) {
        throw new UserError(`${where}: start and end must be offsets with 0 <= start < end <= ${text.length}`, { file, line: k + 1, field: `mentions.${j}` });
      }
      if (typeof x.main !== 'string' || !isMainRole(x.main)) throw new UserError(`${where}: "main" must be one of ${MAIN_ROLES.join(', ')}`, { file, line: k + 1, field: `mentions.${j}.main` });
      const fine = x.fine === undefined ? [] : x.fine;
      if (!Array.isArray(fine) || !fine.every((f): f is string => typeof f === 'string' && isArchetypeId(f))) {
        throw new UserError(`${where}: "fine" must be a list of archetype ids`, { file, line: k + 1, field: `mentions.${j}.fine` });
      }
      for (const f of fine as ArchetypeId[]) if (MAIN_OF[f] !== x.main) throw new UserError(`${where}: archetype "${f}" belongs to ${MAIN_OF[f]}, not ${x.main}`, { file, line: k + 1 });
      return { start: x.start as number, end: x.end as number, main: x.main, fine: fine as ArchetypeId[] };
    });
    out.push({ id: typeof r.id === 'string' || typeof r.id === 'number' ? String(r.id) : String(out.length + 1), text, mentions });
  });
  return out;
}

const pct = (x: number) => (x * 100).toFixed(1).padStart(5);
const r4 = (x: number) => Math.round(x * 10000) / 10000;

/** The scores as the task reports them: `{"mainRoleAccuracy", "mainRoleMacroF1", "emr", "fineMicroF1", "perRole", "confusion"}`. */
export function rolesJson(s: RoleScores): Record<string, unknown> {
  return {
    mainRoleAccuracy: r4(s.mainRoleAccuracy),
    mainRoleMacroF1: r4(s.mainRoleMacroF1),
    emr: r4(s.emr),
    fineMicroF1: r4(s.fineMicroF1),
    fineMicroP: r4(s.fineMicroP),
    fineMicroR: r4(s.fineMicroR),
    mentions: s.mentions,
    perRole: Object.fromEntries(MAIN_ROLES.map((r) => [r, { precision: r4(s.perRole[r].precision), recall: r4(s.perRole[r].recall), f1: r4(s.perRole[r].f1), gold: s.perRole[r].gold, pred: s.perRole[r].pred }])),
    confusion: s.confusion,
  };
}

/** A table for people. */
export function rolesTable(s: RoleScores): string {
  const lines = [
    `Entity framing, given mentions (${s.mentions})`,
    `  main-role accuracy     ${pct(s.mainRoleAccuracy)}%`,
    `  main-role macro-F1     ${pct(s.mainRoleMacroF1)}%`,
    `  archetypes EMR         ${pct(s.emr)}%`,
    `  archetypes micro-F1    ${pct(s.fineMicroF1)}%   (P ${pct(s.fineMicroP).trim()}%, R ${pct(s.fineMicroR).trim()}%)`,
    '',
    '  role          P      R      F1    gold  pred',
  ];
  for (const r of MAIN_ROLES) {
    const x = s.perRole[r];
    lines.push(`  ${r.padEnd(12)} ${pct(x.precision)}  ${pct(x.recall)}  ${pct(x.f1)}  ${String(x.gold).padStart(5)} ${String(x.pred).padStart(5)}`);
  }
  lines.push('', `  confusion (rows gold, columns predicted): ${MAIN_ROLES.map((r) => r.slice(0, 4)).join(' ')}`);
  for (const g of MAIN_ROLES) lines.push(`  ${g.padEnd(12)} ${MAIN_ROLES.map((p) => String(s.confusion[g][p]).padStart(4)).join(' ')}`);
  return lines.join('\n') + '\n';
}

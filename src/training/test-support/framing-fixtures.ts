import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { Analyzer } from '../../analysis/analyzer.js';
import { FRAMING_ROLES } from '../../core/framing.js';
import { parseYamlFile } from '../../core/yaml.js';

const Role = z.enum(FRAMING_ROLES);
const Fixture = z.object({ set: z.enum(['development', 'blind']), text: z.string().min(1), roles: z.record(z.string(), Role) }).strict();
export type RoleFixture = z.infer<typeof Fixture>;

/** Short texts of this project's own, each with the role the author casts some actors in (by actor id). */
export function loadRoleFixtures(): RoleFixture[] {
  const file = fileURLToPath(new URL('../../layers/framing/fixtures/roles.yaml', import.meta.url));
  return parseYamlFile(file, readFileSync(file, 'utf8'), z.array(Fixture));
}

export interface RoleFixtureEvaluation {
  total: number;
  correct: number;
  byRole: Record<string, { total: number; correct: number }>;
  errors: string[];
}

/** How often the actors layer's role for an actor is the fixture's. */
export function evaluateRoleFixtures(analyzer: Analyzer, set?: RoleFixture['set']): RoleFixtureEvaluation {
  const ev: RoleFixtureEvaluation = { total: 0, correct: 0, byRole: {}, errors: [] };
  for (const fx of loadRoleFixtures()) {
    if (set && fx.set !== set) continue;
    const actors = analyzer.analyze(fx.text).actors ?? [];
    for (const [id, role] of Object.entries(fx.roles)) {
      const got = actors.find((a) => a.id === id)?.framing.role ?? 'absent';
      const r = (ev.byRole[role] ??= { total: 0, correct: 0 });
      ev.total++;
      r.total++;
      if (got === role) { ev.correct++; r.correct++; } else ev.errors.push(`${id}: expected ${role}, got ${got}: ${fx.text}`);
    }
  }
  return ev;
}

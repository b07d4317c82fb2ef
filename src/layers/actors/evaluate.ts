import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { TextAnalyzer } from '../../core/report.js';
import { parseYamlFile } from '../../core/yaml.js';

const Role = z.enum(['aggressor', 'victim', 'authority', 'neutral']);
const GoldPortrayal = z.object({ text: z.string().min(1), roles: z.record(z.string(), Role) }).strict();

/** `portrayal` is the development set; `portrayal-blind` was written after the rules were frozen. */
export type PortrayalSet = 'portrayal' | 'portrayal-blind';

export function loadPortrayalFixtures(set: PortrayalSet = 'portrayal'): Array<z.infer<typeof GoldPortrayal>> {
  const file = fileURLToPath(new URL(`./fixtures/${set}.yaml`, import.meta.url));
  return parseYamlFile(file, readFileSync(file, 'utf8'), z.array(GoldPortrayal));
}

export interface PortrayalEvaluation {
  total: number;
  correct: number;
  /** Per gold role: how many, and how many the layer got. */
  byRole: Record<string, { total: number; correct: number }>;
  errors: string[];
}

/** Accuracy of the portrayal role per (text, actor) pair on the hand-annotated sentences. */
export function evaluatePortrayal(analyzer: TextAnalyzer, set: PortrayalSet = 'portrayal'): PortrayalEvaluation {
  const ev: PortrayalEvaluation = { total: 0, correct: 0, byRole: {}, errors: [] };
  for (const fx of loadPortrayalFixtures(set)) {
    const actors = analyzer.analyze(fx.text).actors ?? [];
    for (const [id, role] of Object.entries(fx.roles)) {
      const got = actors.find((a) => a.id === id)?.portrayal.role ?? 'absent';
      const r = (ev.byRole[role] ??= { total: 0, correct: 0 });
      ev.total++;
      r.total++;
      if (got === role) { ev.correct++; r.correct++; } else ev.errors.push(`${id}: expected ${role}, got ${got}: ${fx.text}`);
    }
  }
  return ev;
}

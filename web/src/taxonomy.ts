import { CATEGORIES, TECHNIQUES, type CategoryId, type TechniqueId } from '../../src/core/taxonomy.js';

/** Names and definitions of techniques for labels and tooltips (the taxonomy is plain data shared with the server). */
const byId = new Map<string, (typeof TECHNIQUES)[number]>(TECHNIQUES.map((t) => [t.id, t]));

export function techniqueName(id: TechniqueId | string): string {
  return byId.get(id)?.name ?? id;
}

export function techniqueDefinition(id: TechniqueId | string): string {
  return byId.get(id)?.definition ?? '';
}

export { CATEGORIES, type CategoryId, type TechniqueId };

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { UserError } from '../../core/errors.js';
import { parseYamlFile } from '../../core/yaml.js';
import { isMajorityOfOthers } from '../story.js';

/**
 * The story fixture corpus (src/stories/fixtures/{tuning,heldout}/*.yaml), written for framewise:
 * events told by several outlets of different camps, with the facts each version carries. Gold
 * omissions follow from `carries` by the definition the product uses (a fact most other versions
 * carry, the same rule as the product's isMajorityOfOthers); each document also lists them in `omits`, and the loader checks that both agree, so an
 * annotation slip is caught instead of scored.
 */

export const FIXTURES_DIR = fileURLToPath(new URL('../fixtures/', import.meta.url));
export type Part = 'tuning' | 'heldout';

const Doc = z.object({
  id: z.string().min(1),
  outlet: z.string().min(1),
  camp: z.string().min(1),
  publishedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/),
  title: z.string().min(1),
  text: z.string().min(1),
  misleadingHeadline: z.boolean().optional(),
});
const EventDoc = Doc.extend({
  carries: z.record(z.string(), z.string().min(1)),
  changed: z.array(z.string()).optional(),
  omits: z.array(z.string()),
});
const FixtureFile = z.object({
  part: z.enum(['tuning', 'heldout']),
  topic: z.string().min(1),
  events: z.array(z.object({ id: z.string().min(1), facts: z.record(z.string(), z.string().min(1)), documents: z.array(EventDoc).min(4).max(6) })),
  distractors: z.array(Doc).default([]),
});

export interface FixtureDoc {
  id: string;
  part: Part;
  topic: string;
  /** The event (gold story) id; a distractor is its own story. */
  story: string;
  distractor: boolean;
  outlet: string;
  camp: string;
  publishedAt: string;
  title: string;
  text: string;
  misleadingHeadline: boolean;
  /** Fact id -> [start, end) of the words that carry it in `text`. */
  carries: Map<string, [number, number]>;
  changed: Set<string>;
  /** Gold omissions: facts that more than half of the other versions carry and this one does not. */
  omits: Set<string>;
}

export interface FixtureEvent {
  id: string;
  part: Part;
  topic: string;
  facts: Record<string, string>;
  documents: FixtureDoc[];
}

export interface FixtureCorpus {
  events: FixtureEvent[];
  documents: FixtureDoc[];
}


/** Words in a text, as the word-count limits of the fixture count them. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

/** Loads and checks one part of the fixture corpus (or both). Throws a UserError naming the file and document on any slip. */
export function loadStoryFixtures(part?: Part, root = FIXTURES_DIR): FixtureCorpus {
  const events: FixtureEvent[] = [];
  const documents: FixtureDoc[] = [];
  const parts: Part[] = part ? [part] : ['tuning', 'heldout'];
  for (const p of parts) {
    const dir = join(root, p);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort()) {
      const file = join(dir, name);
      const data = parseYamlFile(file, readFileSync(file, 'utf8'), FixtureFile);
      if (data.part !== p) throw new UserError(`${file}: part is ${data.part} but the file lies in ${p}/`, { file });
      for (const ev of data.events) {
        const docs = ev.documents.map((d): FixtureDoc => {
          const carries = new Map<string, [number, number]>();
          for (const [fact, words] of Object.entries(d.carries)) {
            if (!(fact in ev.facts)) throw new UserError(`${file}: ${d.id}: carries unknown fact "${fact}"`, { file });
            const at = d.text.indexOf(words);
            if (at < 0) throw new UserError(`${file}: ${d.id}: the words for "${fact}" are not in the text: ${words}`, { file });
            carries.set(fact, [at, at + words.length]);
          }
          for (const f of d.changed ?? []) if (!carries.has(f)) throw new UserError(`${file}: ${d.id}: "${f}" is changed but not carried`, { file });
          return {
            id: d.id,
            part: p,
            topic: data.topic,
            story: ev.id,
            distractor: false,
            outlet: d.outlet,
            camp: d.camp,
            publishedAt: d.publishedAt,
            title: d.title,
            text: d.text,
            misleadingHeadline: d.misleadingHeadline ?? false,
            carries,
            changed: new Set(d.changed ?? []),
            omits: new Set(),
          };
        });
        // Gold omissions from `carries`, checked against the annotator's own list.
        ev.documents.forEach((raw, i) => {
          const doc = docs[i]!;
          for (const fact of Object.keys(ev.facts)) {
            if (doc.carries.has(fact)) continue;
            const carriers = docs.filter((o) => o !== doc && o.carries.has(fact)).length;
            if (isMajorityOfOthers(carriers, docs.length - 1)) doc.omits.add(fact);
          }
          const listed = [...raw.omits].sort().join(',');
          const derived = [...doc.omits].sort().join(',');
          if (listed !== derived) throw new UserError(`${file}: ${doc.id}: omits lists [${listed}] but the carried facts give [${derived}]`, { file });
        });
        events.push({ id: ev.id, part: p, topic: data.topic, facts: ev.facts, documents: docs });
        documents.push(...docs);
      }
      for (const d of data.distractors) {
        documents.push({ ...d, part: p, topic: data.topic, story: d.id, distractor: true, misleadingHeadline: d.misleadingHeadline ?? false, carries: new Map(), changed: new Set(), omits: new Set() });
      }
    }
  }
  const seen = new Set<string>();
  for (const d of documents) {
    if (seen.has(d.id)) throw new UserError(`story fixtures: duplicate document id ${d.id}`);
    seen.add(d.id);
  }
  return { events, documents };
}

/** The fixture documents as the store takes them: camp as a `camp:` tag, the fixture id as origin. */
export function asNewDocuments(docs: FixtureDoc[]): Array<{ text: string; title: string; outlet: string; publishedAt: string; tags: string[]; origin: string }> {
  return docs.map((d) => ({ text: d.text, title: d.title, outlet: d.outlet, publishedAt: d.publishedAt, tags: [`camp:${d.camp}`], origin: d.id }));
}

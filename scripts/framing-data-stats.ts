/**
 * The statistics of the entity-framing set (src/layers/framing/data) as Markdown, for the data README
 * and section 8 of docs/framing-annotation-guide.md:   npx tsx scripts/framing-data-stats.ts
 */
import { ARCHETYPE_IDS, FRAMING_ROLES, MAIN_OF } from '../src/core/framing.js';
import { loadFramingData, type FramingRecord } from '../src/layers/framing/data.js';

const recs = loadFramingData();
const mentions = recs.flatMap((r) => r.mentions);
const words = recs.map((r) => r.text.split(/\s+/).filter(Boolean).length).sort((a, b) => a - b);
const out: string[] = [];
out.push(`Texts: ${recs.length}; annotated mentions: ${mentions.length}; words: ${words.reduce((a, b) => a + b, 0)} (per text ${words[0]}-${words[words.length - 1]}, median ${words[Math.floor(words.length / 2)]}).`);
const src = mentions.filter((m) => m.src);
out.push(`Mentions with a reported-source role (\`src=\`): ${src.length}; of these, main role differs from the source role in ${src.filter((m) => m.src!.main !== m.main).length}. Mentions with two or more archetypes: ${mentions.filter((m) => m.fine.length >= 2).length}.`, '');
out.push('| main role | mentions | share |', '|---|---:|---:|');
for (const r of FRAMING_ROLES) { const n = mentions.filter((m) => m.main === r).length; out.push(`| ${r} | ${n} | ${((100 * n) / mentions.length).toFixed(1)}% |`); }
out.push('', '| archetype | main role | mentions |', '|---|---|---:|');
for (const a of ARCHETYPE_IDS) out.push(`| ${a} | ${MAIN_OF[a]} | ${mentions.filter((m) => m.fine.includes(a)).length} |`);
const table = (field: keyof FramingRecord) => {
  out.push('', `| ${field} | texts | heldout texts | mentions | ${FRAMING_ROLES.join(' | ')} |`, `|---|---:|---:|---:|${FRAMING_ROLES.map(() => '---:').join('|')}|`);
  for (const v of [...new Set(recs.map((r) => String(r[field])))]) {
    const rs = recs.filter((r) => String(r[field]) === v);
    const ms = rs.flatMap((r) => r.mentions);
    out.push(`| ${v} | ${rs.length} | ${rs.filter((r) => r.split === 'heldout').length} | ${ms.length} | ${FRAMING_ROLES.map((role) => ms.filter((m) => m.main === role).length).join(' | ')} |`);
  }
};
table('dispute'); table('style'); table('side'); table('split');
process.stdout.write(out.join('\n') + '\n');

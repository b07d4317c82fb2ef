import pc from 'picocolors';
import type { CategoryId } from '../../core/taxonomy.js';

type Paint = (s: string) => string;

/** One colour per category, used by every terminal view so the legend means the same everywhere. */
export function categoryPaint(colors: boolean): Record<CategoryId, Paint> {
  const c = pc.createColors(colors);
  return {
    'attack-on-reputation': (s) => c.bgRed(c.white(s)),
    justification: (s) => c.bgYellow(c.black(s)),
    simplification: (s) => c.bgBlue(c.white(s)),
    distraction: (s) => c.bgMagenta(c.white(s)),
    call: (s) => c.bgGreen(c.black(s)),
    'manipulative-wording': (s) => c.bgCyan(c.black(s)),
    'sourcing-and-framing': (s) => c.bgWhite(c.black(s)),
  };
}

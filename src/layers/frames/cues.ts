import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../../core/errors.js';
import { parseWordList } from '../../lexicon/load.js';
import { FRAME_IDS, isFrameId, type FrameId } from '../../core/frames.js';
import { TermMatcher } from '../../lexicon/term-matcher.js';

export const CUES_DIR = fileURLToPath(new URL('./cues/', import.meta.url));

/**
 * Frame cue lexicons: `cues/<frame-id>.txt` built in. Users extend them with directories (the
 * config's `lexicons` directories, or FRAMEWISE_FRAME_CUES) holding `frame-<frame-id>.txt` files;
 * their terms are added to that frame's cues.
 */
export function loadFrameCues(extraDirs: readonly string[] = []): TermMatcher<FrameId> {
  const m = new TermMatcher<FrameId>();
  for (const id of FRAME_IDS) m.addList(readFileSync(join(CUES_DIR, `${id}.txt`), 'utf8'), () => id);
  for (const dir of extraDirs) {
    if (!existsSync(dir)) throw new UserError(`${dir}: frame cue directory not found`, { file: dir });
    for (const name of readdirSync(dir).sort()) {
      if (!name.startsWith('frame-') || !name.endsWith('.txt')) continue;
      const id = basename(name, '.txt').slice('frame-'.length);
      if (!isFrameId(id)) {
        throw new UserError(`${join(dir, name)}: "${id}" is not a frame id; name frame cue files frame-<id>.txt with one of ${FRAME_IDS.join(', ')}`, { file: join(dir, name) });
      }
      m.addList(readFileSync(join(dir, name), 'utf8'), () => id);
    }
  }
  return m;
}

/** The built-in cue terms with their frame (the classifier also learns from them). */
export function builtinCueTerms(): Array<{ frame: FrameId; term: string }> {
  const out: Array<{ frame: FrameId; term: string }> = [];
  for (const frame of FRAME_IDS) for (const term of parseWordList(readFileSync(join(CUES_DIR, `${frame}.txt`), 'utf8'))) out.push({ frame, term });
  return out;
}

/** Extra cue directories named by the FRAMEWISE_FRAME_CUES environment variable (path-separated). */
export function envFrameCueDirs(): string[] {
  const v = process.env.FRAMEWISE_FRAME_CUES;
  return v ? v.split(process.platform === 'win32' ? ';' : ':').filter(Boolean) : [];
}

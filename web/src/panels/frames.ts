import type { Report } from '../../../src/core/report.js';
import { FRAMES, type FrameId } from '../../../src/core/frames.js';
import type { FramesReport } from '../../../src/core/frames.js';
import { h, pct } from '../dom.js';
import { section } from './section.js';

const frameName = new Map<string, string>(FRAMES.map((f) => [f.id, f.name]));

/** Frame chart: one bar per frame with a score, dominant frames marked, cues and sentences as evidence. */
export function framesPanel(report: Report): HTMLElement | null {
  const frames = section<FramesReport>(report, 'frames');
  if (!frames || !Array.isArray(frames.frames)) return null;
  const rows = frames.frames.filter((f) => f.score > 0);
  return h(
    'section',
    { class: 'panel', data: { testid: 'panel-frames' } },
    h('h3', null, 'Frames'),
    rows.length === 0
      ? h('p', { class: 'muted' }, 'No framing evidence.')
      : h(
          'div',
          { class: 'bars' },
          rows.map((f) =>
            h(
              'details',
              { class: `bar-row${frames.dominant.includes(f.frame) ? ' dominant' : ''}` },
              h(
                'summary',
                null,
                h('span', { class: 'bar-label' }, frameName.get(f.frame) ?? f.frame, frames.dominant.includes(f.frame as FrameId) ? ' ★' : ''),
                h('span', { class: 'bar-track' }, h('span', { class: 'bar-fill', style: { width: pct(f.score, 1) } })),
                h('span', { class: 'bar-value' }, pct(f.score)),
              ),
              f.cues.length ? h('p', { class: 'small' }, h('span', { class: 'muted' }, 'Cues: '), [...new Set(f.cues.map((c) => c.text.toLowerCase()))].join(', ')) : null,
              f.sentences.length ? h('ul', { class: 'small evidence' }, f.sentences.slice(0, 3).map((s) => h('li', null, s.text))) : null,
            ),
          ),
        ),
    frames.dominant.length ? h('p', { class: 'muted small' }, '★ dominant frame. Open a frame for the words and sentences that carry it.') : null,
  );
}

import { describe, expect, it } from 'vitest';
import { storyTitle } from './title.js';

describe('storyTitle', () => {
  it('joins the phrases most versions share, longer and named ones first', () => {
    const title = storyTitle([
      { title: 'Shelling hits Dastra valley', text: 'Korvani artillery shelled the Dastra valley on Monday. A school in Orlen was hit.' },
      { title: 'Valley empties', text: 'The Dastra valley emptied after Korvani artillery fire; a school in Orlen was struck.' },
      { title: null, text: 'Korvani artillery hit militia positions in the Dastra valley, the ministry said.' },
    ]);
    const parts = title.split(', ');
    expect(parts).toContain('Dastra valley');
    expect(parts).toContain('Korvani artillery');
    expect(parts.length).toBeLessThanOrEqual(3);
    // Phrases never begin or end with a function word or a day.
    for (const p of parts) expect(p).not.toMatch(/^(the|a|on|in)\b|\b(the|on|in|Monday)$/i);
  });

  it('keeps a single version\'s own title, or its first line', () => {
    expect(storyTitle([{ title: 'Cup semi-final', text: 'Velin won.' }])).toBe('Cup semi-final');
    expect(storyTitle([{ title: null, text: 'Velin won the cup\n\nIt was late.' }])).toBe('Velin won the cup');
    expect(storyTitle([])).toBe('');
  });
});

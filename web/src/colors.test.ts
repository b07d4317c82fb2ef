import { describe, expect, it } from 'vitest';
import { CATEGORY_COLOR, GROUP_COLORS } from './colors.js';

/** CIELAB of an sRGB colour (D65), for colour differences. */
function lab(hex: string): [number, number, number] {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}
const deltaE = (a: string, b: string) => {
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
};

describe('chart colours', () => {
  it('a group (outlet) colour is never a category colour, nor close to one, nor to another group colour', () => {
    const categories = Object.values(CATEGORY_COLOR);
    for (const g of GROUP_COLORS) {
      for (const c of categories) {
        expect(g.toLowerCase()).not.toBe(c.toLowerCase());
        expect(deltaE(g, c), `${g} vs ${c}`).toBeGreaterThanOrEqual(28);
      }
    }
    for (let i = 0; i < GROUP_COLORS.length; i++) for (let j = i + 1; j < GROUP_COLORS.length; j++) expect(deltaE(GROUP_COLORS[i]!, GROUP_COLORS[j]!)).toBeGreaterThanOrEqual(28);
    // The measure itself: identical colours differ by 0, black and white by 100.
    expect(deltaE('#123456', '#123456')).toBe(0);
    expect(deltaE('#000000', '#FFFFFF')).toBeCloseTo(100, 0);
  });
});

import { describe, expect, it } from 'vitest';
import { countShare, short, smallBarLabels } from './chart-numbers.js';

describe('numbers beside the charts', () => {
  it('writes the value of each very small bar just above it, and of no other', () => {
    const bars = [
      { x: 10, y: 90, base: 100, value: 1.2 },
      { x: 60, y: 20, base: 100, value: 40 },
      { x: 110, y: 100, base: 100, value: 0 },
      { x: 160, y: 97, base: 100, value: 0.3 },
    ];
    expect(smallBarLabels(bars, (v) => v.toFixed(1))).toEqual([
      { x: 10, y: 87, text: '1.2' },
      { x: 160, y: 94, text: '0.3' },
    ]);
  });

  it('lifts a label that would overlap its neighbour, and drops one that has no room', () => {
    const bars = [0, 8, 16].map((x) => ({ x, y: 95, base: 100, value: 14.1 }));
    const labels = smallBarLabels(bars, (v) => v.toFixed(1));
    expect(labels.map((l) => l.y)).toEqual([92, 80]);
  });

  it('puts counts beside shares and shortens long names for axes', () => {
    expect(countShare(17, 40)).toBe('17 (43%)');
    expect(countShare(0, 0)).toBe('0 (0%)');
    expect(short('The Ostrelian Morning Herald and Evening Standard')).toBe('The Ostrelian Morning…');
    expect(short('Tarvia Today')).toBe('Tarvia Today');
  });
});

import { describe, expect, it } from 'vitest';
import { lockboxIds, splitLockbox } from './lockbox.js';

const ids = Array.from({ length: 371 }, (_, i) => `doc${1000 + i * 7}`);

describe('lockbox', () => {
  it('holds out 20% of the documents', () => {
    expect(lockboxIds(ids).size).toBe(74);
    const { dev, lockbox } = splitLockbox(ids.map((id) => ({ id })));
    expect(dev.length + lockbox.length).toBe(371);
    expect(lockbox.length).toBe(74);
    expect(dev.some((d) => lockbox.includes(d))).toBe(false);
  });

  it('does not depend on the order of the records', () => {
    const a = [...lockboxIds(ids)].sort();
    const b = [...lockboxIds([...ids].reverse())].sort();
    expect(b).toEqual(a);
  });

  it('changes with the seed', () => {
    const a = lockboxIds(ids, 1);
    const b = lockboxIds(ids, 2);
    expect([...a].filter((id) => b.has(id)).length).toBeLessThan(40);
  });

  it('keeps the given order within each side', () => {
    const docs = ids.map((id) => ({ id }));
    const { dev } = splitLockbox(docs);
    const pos = dev.map((d) => docs.indexOf(d));
    expect(pos).toEqual([...pos].sort((x, y) => x - y));
  });
});

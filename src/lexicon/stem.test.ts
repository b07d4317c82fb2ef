import { describe, expect, it } from 'vitest';
import { stem } from './stem.js';

describe('stem', () => {
  it('folds plural and tense onto one form', () => {
    expect(stem('kills')).toBe(stem('killed'));
    expect(stem('killing')).toBe(stem('kill'));
    expect(stem('strikes')).toBe(stem('striking'));
    expect(stem('struck')).toBe(stem('strike'));
    expect(stem('policies')).toBe(stem('policy'));
    expect(stem('Refugees')).toBe(stem('refugee'));
    expect(stem("Freedonia's")).toBe('freedonia');
  });
  it('leaves short words and -ss/-us endings alone', () => {
    expect(stem('gas')).toBe('gas');
    expect(stem('press')).toBe('press');
    expect(stem('virus')).toBe('virus');
  });
  it('stems words that name Object.prototype members like any other word', () => {
    expect(stem('constructor')).toBe('constructor');
    expect(stem('Constructors')).toBe('constructor');
  });
});

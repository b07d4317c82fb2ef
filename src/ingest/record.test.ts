import { describe, expect, it } from 'vitest';
import { detectLanguage, fieldOfColumn, normaliseDate, parseTags, recordToDocument } from './record.js';

describe('fieldOfColumn', () => {
  it('maps column names and aliases case-insensitively', () => {
    expect(fieldOfColumn(' Body ')).toBe('text');
    expect(fieldOfColumn('Headline')).toBe('title');
    expect(fieldOfColumn('published_at')).toBe('publishedAt');
    expect(fieldOfColumn('source')).toBe('outlet');
    expect(fieldOfColumn('sentiment')).toBeNull();
  });
});

describe('normaliseDate', () => {
  it('keeps ISO dates and turns other readable dates into YYYY-MM-DD', () => {
    expect(normaliseDate('2024-03-01')).toBe('2024-03-01');
    expect(normaliseDate('2024-03-01T10:00:00Z')).toBe('2024-03-01T10:00:00Z');
    expect(normaliseDate('March 3, 2024')).toBe('2024-03-03');
    expect(normaliseDate('3 Mar 2024')).toBe('2024-03-03');
  });

  it('rejects what is not a date', () => {
    expect(normaliseDate('2024-13-45')).toBeNull();
    expect(normaliseDate('soon')).toBeNull();
    expect(normaliseDate('2024')).toBeNull();
  });
});

describe('parseTags', () => {
  it('accepts lists and separated strings', () => {
    expect(parseTags(['a', ' b '], 'x')).toEqual(['a', 'b']);
    expect(parseTags('camp:north; topic:dam|x,y', 'x')).toEqual(['camp:north', 'topic:dam', 'x', 'y']);
    expect(parseTags(undefined, 'x')).toEqual([]);
    expect(() => parseTags([1], 'f.jsonl:2')).toThrow('f.jsonl:2: field "tags" must hold strings');
    expect(() => parseTags({}, 'f.jsonl:2')).toThrow(/must be a list or a string/);
  });
});

describe('detectLanguage', () => {
  it('names the language of a long enough text, and none for a short one', () => {
    expect(detectLanguage('The negotiators left the hotel on Monday without an agreement on how much water each side may draw from the river.')).toBe('en');
    expect(detectLanguage('Les négociateurs ont quitté l’hôtel lundi sans accord sur la quantité d’eau que chaque partie peut prélever dans la rivière.')).toBe('fr');
    expect(detectLanguage('Too short.')).toBeNull();
    // Languages that share letters with English but not its function words still go to franc.
    expect(detectLanguage('Die Unterhändler verließen am Montag das Hotel ohne eine Einigung darüber, wie viel Wasser jede Seite aus dem Fluss entnehmen darf, und die Gespräche werden in der nächsten Woche fortgesetzt.')).toBe('de');
    expect(detectLanguage('Los negociadores salieron del hotel el lunes sin un acuerdo sobre cuánta agua puede sacar cada parte del río, y las conversaciones seguirán la próxima semana en la capital.')).toBe('es');
    expect(detectLanguage('The talks ended on Monday. The two delegations said that the water of the river is shared, and that a new meeting was set for the end of the month in the capital.')).toBe('en');
  });
});

describe('recordToDocument', () => {
  it('maps a record, warns about an unreadable date, and names the field that is wrong', () => {
    const r = recordToDocument({ Content: 'Words here.', Headline: 'H', date: 'someday', views: 10, url: 'https://x.example' }, 'c.csv:2');
    expect(r.doc).toEqual({ text: 'Words here.', title: 'H', outlet: null, author: null, publishedAt: null, url: 'https://x.example', language: null, tags: [] });
    expect(r.warnings).toEqual(['date "someday" is not a date framewise can read; left empty']);
    expect(() => recordToDocument({ text: 'x', title: { a: 1 } }, 'a.jsonl:9')).toThrow('a.jsonl:9: field "title" must be a string, got object');
    expect(() => recordToDocument([1, 2], 'a.jsonl:1')).toThrow(/expected an object/);
    expect(() => recordToDocument({ text: '  ' }, 'a.jsonl:1')).toThrow('a.jsonl:1: field "text" is empty');
  });
});

import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { csvLines } from '@claimtrail/export';

/** What a CSV reader gets back: every field as text, an empty one for null. */
const read = (text: string): string[][] =>
  parse(text, { relax_column_count: false, bom: false, skip_empty_lines: false });

describe('csvLines', () => {
  it('quotes what needs quoting, and a CSV parser reads back every field', () => {
    const records = [
      ['plain', 'with, comma', 'with "quotes"', 'line\nbreak', 'cr\r\nlf', ''],
      ['قال الوزير، إن "العدد" 40', ' leading space', 'trailing space ', '\uFEFFbom', '=1+2', null],
    ];
    const text = csvLines(records);
    expect(text.endsWith('\n')).toBe(true);
    expect(text.split('\n')[0]).toBe('plain,"with, comma","with ""quotes""","line');
    expect(read(text)).toEqual(records.map((r) => r.map((f) => f ?? '')));
  });

  it('writes nothing for no records', () => {
    expect(csvLines([])).toBe('');
  });

  it('round-trips any text through csv-parse', () => {
    const field = fc.oneof(
      fc.string({ unit: 'grapheme' }),
      fc.string({ unit: fc.constantFrom('"', ',', '\n', '\r', ' ', 'a', 'ب', '\uFEFF', '\t') }),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 3, maxLength: 3 }), { minLength: 1 }),
        (rows) => {
          expect(read(csvLines(rows))).toEqual(rows);
        },
      ),
      { numRuns: 300 },
    );
  });
});

import fc from 'fast-check';
import { canonicalJson } from '@claimtrail/audit';

/** The audit hash is only as stable as this serialisation: same value, same bytes. */
describe('canonicalJson', () => {
  it('sorts object keys, so insertion order does not matter', () => {
    expect(canonicalJson({ b: 1, a: 2, c: 3 })).toBe('{"a":2,"b":1,"c":3}');
    expect(canonicalJson({ c: 3, a: 2, b: 1 })).toBe(canonicalJson({ a: 2, b: 1, c: 3 }));
  });

  it('orders keys by UTF-16 code unit, not by locale', () => {
    // upper case before lower case, digits before letters, Arabic after Latin
    expect(canonicalJson({ b: 1, a: 1, B: 1, '1': 1, م: 1, ا: 1 })).toBe(
      '{"1":1,"B":1,"a":1,"b":1,"ا":1,"م":1}',
    );
  });

  it('sorts nested objects at every level and keeps array order', () => {
    const value = { z: { y: [3, { d: 1, c: [{ f: 1, e: 2 }] }, 1], x: { b: 2, a: 1 } }, a: null };
    expect(canonicalJson(value)).toBe(
      '{"a":null,"z":{"x":{"a":1,"b":2},"y":[3,{"c":[{"e":2,"f":1}],"d":1},1]}}',
    );
  });

  it('writes dates as ISO 8601 UTC strings, at top level and nested', () => {
    const when = new Date(Date.UTC(2026, 10, 30, 7, 0, 0, 123));
    expect(canonicalJson(when)).toBe('"2026-11-30T07:00:00.123Z"');
    expect(canonicalJson({ at: when })).toBe('{"at":"2026-11-30T07:00:00.123Z"}');
    // a date and its ISO string hash the same, as they do after a jsonb round trip
    expect(canonicalJson({ at: when })).toBe(canonicalJson({ at: when.toISOString() }));
  });

  it('drops undefined properties and writes undefined elsewhere as null', () => {
    expect(canonicalJson({ a: 1, gone: undefined })).toBe('{"a":1}');
    expect(canonicalJson({ a: 1, gone: undefined })).toBe(canonicalJson({ a: 1 }));
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson(null)).toBe('null');
    expect(canonicalJson([1, undefined, null])).toBe('[1,null,null]');
  });

  it('escapes strings and writes numbers and booleans as JSON does', () => {
    expect(canonicalJson('قال "مسؤول"\n')).toBe(JSON.stringify('قال "مسؤول"\n'));
    expect(canonicalJson({ k: 'a\\b', n: 0.1 + 0.2, e: 1e21, t: true, f: false })).toBe(
      '{"e":1e+21,"f":false,"k":"a\\\\b","n":0.30000000000000004,"t":true}',
    );
    expect(canonicalJson({ '"quoted" key': 1 })).toBe('{"\\"quoted\\" key":1}');
  });

  it('is valid JSON with the same content as JSON.stringify, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const parsed: unknown = JSON.parse(canonicalJson(value));
        expect(parsed).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same text for any key order of the same value', () => {
    const shuffle = (v: unknown, seed: number): unknown => {
      if (Array.isArray(v)) return v.map((x, i) => shuffle(x, seed + i));
      if (v && typeof v === 'object') {
        const entries = Object.entries(v);
        // a deterministic rotation and reversal, different at each level
        const k = entries.length ? seed % entries.length : 0;
        const rotated = [...entries.slice(k), ...entries.slice(0, k)];
        if (seed % 2) rotated.reverse();
        return Object.fromEntries(rotated.map(([key, x], i) => [key, shuffle(x, seed + i + 1)]));
      }
      return v;
    };
    fc.assert(
      fc.property(fc.jsonValue(), fc.nat(1000), (value, seed) => {
        expect(canonicalJson(shuffle(value, seed))).toBe(canonicalJson(value));
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * Jest's asymmetric matchers, typed as unknown: jest types them `any`, which the lint rules
 * refuse to assign.
 */
export const anyString: unknown = expect.any(String);
export const anyNumber: unknown = expect.any(Number);
export const matching = (pattern: RegExp): unknown => expect.stringMatching(pattern);
export const containing = (expected: object): unknown => expect.objectContaining(expected);

/** Jest runs TypeScript through SWC; path aliases mirror tsconfig.json. */
/** @type {import('jest').Config} */
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: [
    '<rootDir>/libs/**/*.spec.ts',
    '<rootDir>/apps/**/*.spec.ts',
    '<rootDir>/test/**/*.spec.ts',
  ],
  transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2023' } }] },
  moduleNameMapper: {
    '^@claimtrail/attribution$': '<rootDir>/libs/attribution/src/index.ts',
  },
  testTimeout: 60000,
};

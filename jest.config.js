/** Unit and adapter tests run in Node; component tests opt into jsdom with a docblock. */
module.exports = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }],
  },
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/support/plain-summary-reporter.js'],
  globalSetup: '<rootDir>/test/support/global-setup.js',
};

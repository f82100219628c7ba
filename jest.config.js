/**
 * Two projects: `unit` (fast, no servers; *.spec.ts) and `e2e` (*.e2e-spec.ts, against a real
 * PostgreSQL and a real Temporal server started by test/global-setup.ts). Type checking is
 * `npm run typecheck`; Jest only transpiles, which keeps test start-up short on two cores.
 */
const transform = {
  '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json', diagnostics: false }],
};
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  moduleFileExtensions: ['ts', 'js', 'json'],
  transform,
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.data/', '/.temporal/'],
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/{apps,libs,workflows,activities,scripts,bench,test}/**/*.spec.ts'],
    },
    {
      ...common,
      displayName: 'e2e',
      // The fixture recorder rewrites committed replay histories: run it on purpose only.
      testPathIgnorePatterns: [
        ...common.testPathIgnorePatterns,
        ...(process.env.RECORD_FIXTURES ? [] : ['/test/workflows/record-fixtures']),
      ],
      testMatch: ['<rootDir>/{apps,libs,workflows,activities,test}/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/global-setup.ts',
      globalTeardown: '<rootDir>/test/global-teardown.ts',
      setupFilesAfterEnv: ['<rootDir>/test/e2e-timeout.ts'],
    },
  ],
};

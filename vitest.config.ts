import { defineConfig } from 'vitest/config';

export default defineConfig({
  // graphql ships CJS (`main`) and ESM (`module`) builds; Vite would give our sources the ESM one while Pothos and
  // yoga (loaded by Node) get the CJS one, and graphql refuses to mix instances. Use the one Node uses.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
  },
});

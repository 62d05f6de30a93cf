import { configDefaults, defineConfig } from "vitest/config";

/**
 * The e2e files that run on SQLite only, each with the reason; every other file of test/e2e runs on
 * PostgreSQL too (issue 16: "all e2e tests pass on both stores"). A single SQLite-only test inside
 * a file is marked with itAlleenSqlite (test/helpers/opslag.ts) instead: never skip a whole file for one test.
 */
const ALLEEN_SQLITE = [
  // SQLite's migrations of old team files (PRAGMA user_version); PostgreSQL's: test/pg/migratie.test.ts.
  "migratie",
];
/** INTERVENTIE_TEST_PG_E2E=alles runs every e2e file on PostgreSQL too: to see how far the port is. */
const PG_NIET = process.env.INTERVENTIE_TEST_PG_E2E === "alles" ? [] : ALLEEN_SQLITE.map((f) => `test/e2e/${f}.test.ts`);

export default defineConfig({
  test: {
    setupFiles: ["test/helpers/opruimen.ts"],
    // Seeded databases, built once per run and copied per test (test/helpers/seed.ts), and one real
    // PostgreSQL for the run (test/pg/, the e2e suite's second store; fails the run if none starts).
    globalSetup: ["test/helpers/seeds-setup.ts", "test/helpers/postgres-setup.ts"],
    env: { TZ: "Europe/Amsterdam", NO_COLOR: "1" },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // e2e tests spawn the built CLI; two cores, so keep parallelism modest.
    maxWorkers: 2,
    // CI reads the counts from the JSON report (.ci/run prints "N passed, N failed").
    reporters: process.env.CI ? ["default", "json"] : ["default"],
    outputFile: process.env.CI ? { json: "test-results.json" } : undefined,
    // Every test on SQLite; the e2e suite once more on PostgreSQL (test/helpers/opslag.ts).
    projects: [
      { extends: true, test: { name: "sqlite", include: ["test/**/*.test.ts"] } },
      {
        extends: true,
        test: {
          name: "postgres",
          include: ["test/e2e/*.test.ts"],
          exclude: [...configDefaults.exclude, ...PG_NIET],
          env: { INTERVENTIE_TEST_OPSLAG: "postgres" },
        },
      },
    ],
  },
});

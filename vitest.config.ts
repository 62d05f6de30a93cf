import { defineConfig } from "vitest/config";

/**
 * The e2e files that run on PostgreSQL too, while the commands move to the async Store (issue 15)
 * one by one; at the end of issue 16 this is every file of test/e2e.
 */
const OP_POSTGRES = [
  "begeleid",
  "bijlage",
  "hercontrole",
  "rapport-bevindingen",
  "waarneming",
  "csv-zoals-gebruikers",
  "fundament",
  "gelijktijdig",
  "fuzz",
  "hulp",
  "import-tot-brief",
  "opstarten",
  "bewijs-teamserver",
  "papier",
  "sjablonen-begrensd",
  "slechte-invoer-cyclus",
  "suggesties",
  "teamserver",
  "tekst-is-data",
  "uitvoerbestanden",
];
/** INTERVENTIE_TEST_PG_E2E=alles runs every e2e file on PostgreSQL too: to see how far the port is. */
const PG_BESTANDEN = process.env.INTERVENTIE_TEST_PG_E2E === "alles" ? ["test/e2e/*.test.ts"] : OP_POSTGRES.map((f) => `test/e2e/${f}.test.ts`);

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
        test: { name: "postgres", include: PG_BESTANDEN, env: { INTERVENTIE_TEST_OPSLAG: "postgres" } },
      },
    ],
  },
});

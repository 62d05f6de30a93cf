import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    setupFiles: ["test/helpers/opruimen.ts"],
    // Seeded databases, built once per run and copied per test (test/helpers/seed.ts), and one real
    // PostgreSQL for the run (test/pg/ and the store tests); fails the run if none starts.
    globalSetup: ["test/helpers/seeds-setup.ts", "test/helpers/postgres-setup.ts"],
    env: { TZ: "Europe/Amsterdam", NO_COLOR: "1" },
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // e2e tests spawn the built CLI; two cores, so keep parallelism modest.
    maxWorkers: 2,
    // CI reads the counts from the JSON report (.ci/run prints "N passed, N failed").
    reporters: process.env.CI ? ["default", "json"] : ["default"],
    outputFile: process.env.CI ? { json: "test-results.json" } : undefined,
  },
});

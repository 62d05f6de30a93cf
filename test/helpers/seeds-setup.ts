import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

/**
 * One folder of seeds per test run (test/helpers/seed.ts): every test file copies from it instead
 * of building the same database through a dozen CLI processes. Both vitest projects (SQLite and
 * the e2e suite on PostgreSQL) share it, kept on the main process's globalThis: what does not
 * depend on the store (sample letters, the demo's output) is made once per run; each store's
 * databases have a subfolder of their own. Removed after the last project's teardown.
 */
interface Gedeeld {
  dir: string;
  gebruikers: number;
}

export default function setup(project: TestProject): () => void {
  const g = globalThis as { __interventieSeeds?: Gedeeld };
  g.__interventieSeeds ??= { dir: fs.mkdtempSync(path.join(os.tmpdir(), "interventie-seeds-")), gebruikers: 0 };
  const gedeeld = g.__interventieSeeds;
  gedeeld.gebruikers++;
  project.provide("seedDir", gedeeld.dir);
  return () => {
    if (--gedeeld.gebruikers > 0) return;
    g.__interventieSeeds = undefined;
    fs.rmSync(gedeeld.dir, { recursive: true, force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    seedDir: string;
  }
}

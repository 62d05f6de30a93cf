import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

/**
 * One folder of seeded databases per test run (test/helpers/seed.ts): every test file copies from
 * it instead of building the same database through a dozen CLI processes. Removed at the end.
 */
export default function setup(project: TestProject): () => void {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "interventie-seeds-"));
  project.provide("seedDir", dir);
  return () => fs.rmSync(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    seedDir: string;
  }
}

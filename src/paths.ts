import { fileURLToPath } from "node:url";

/**
 * Files that ship with the tool (data/, templates/, package.json), found from the package root.
 * This file sits one level below the root both as source (src/paths.ts, run by the tests) and
 * bundled into dist/interventie.cjs, so one relative step is right in both.
 */
const ROOT = new URL("../", import.meta.url);

export function shipped(relative: string): string {
  return fileURLToPath(new URL(relative, ROOT));
}

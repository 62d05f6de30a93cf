#!/usr/bin/env node
// Tiny shim: everything lives in dist/cli.js (built from src/cli.ts).
// `--version` needs nothing else, so answer it before loading any module.
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
  const { readFileSync } = await import("node:fs");
  process.stdout.write(`${JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")).version}\n`);
} else {
  const { runFromProcess } = await import("../dist/cli.js");
  await runFromProcess();
}

#!/usr/bin/env node
"use strict";
// CommonJS on purpose: Node starts a CommonJS entry without its ES module loader (see scripts/build.mjs).
const args = process.argv.slice(2);
if (args.length === 1 && (args[0] === "--version" || args[0] === "-V")) {
  // Answered before loading anything else.
  process.stdout.write(`${require("../package.json").version}\n`);
} else if (args.includes("--debug")) {
  // Stack traces point into src/ rather than the bundle, only when asked for (it costs start-up time).
  process.setSourceMapsEnabled(true);
  require("../dist/interventie.cjs").runFromProcess();
} else {
  require("./bundel.cjs").laad().exports.runFromProcess();
}

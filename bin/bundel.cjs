"use strict";
// Loads the bundle (dist/interventie.cjs) with the V8 code cache the build wrote beside it
// (scripts/code-cache.cjs): V8 then skips parsing and compiling what the cache holds, ~12 ms of
// every command's start (bench: `adres lijst --json` 1.68x → 1.43x `node -e 0`). The cache is only
// used for exactly the bundle it was made from (its SHA-256 heads the file; V8's own check looks at
// the length only); a missing, foreign or rejected cache costs that time and nothing else.
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");
const Module = require("node:module");
const { createHash } = require("node:crypto");

const BUNDEL = path.join(__dirname, "..", "dist", "interventie.cjs");
const SLEUTEL_BYTES = 32;

/**
 * Runs the bundle's top level as require() would and returns its exports. `cache`: how the code
 * cache went ("gebruikt", "verworpen" by V8, "ander-bundel", "geen"). `metCache: false` compiles from
 * source, as the build does before it writes a new cache.
 */
function laad({ bundel = BUNDEL, metCache = true } = {}) {
  const bron = fs.readFileSync(bundel);
  const sleutel = createHash("sha256").update(bron).digest();
  let cachedData;
  let cache = "geen";
  if (metCache) {
    try {
      const c = fs.readFileSync(`${bundel}.cache`);
      if (c.length > SLEUTEL_BYTES && c.subarray(0, SLEUTEL_BYTES).equals(sleutel)) cachedData = c.subarray(SLEUTEL_BYTES);
      else cache = "ander-bundel";
    } catch {
      // no cache: compile from source
    }
  }
  // A script from the code cache has no loader for import() on Node 20: the bundle's importEsm
  // (src/esm.ts) borrows this module's, which resolves from the same package.
  globalThis[Symbol.for("interventie.importEsm")] = (naam) => import(naam);
  const script = new vm.Script(Module.wrap(bron.toString("utf8")), { filename: bundel, cachedData });
  if (cachedData) cache = script.cachedDataRejected ? "verworpen" : "gebruikt";
  const mod = new Module(bundel, module);
  mod.filename = bundel;
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(bundel), mod, bundel, path.dirname(bundel));
  mod.loaded = true;
  return { exports: mod.exports, cache, maakCache: () => Buffer.concat([sleutel, script.createCachedData()]) };
}

module.exports = { laad, BUNDEL };

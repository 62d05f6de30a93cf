"use strict";
// Writes dist/interventie.cjs.cache: V8's code cache of the bundle after a typical command
// (`adres lijst --json` on a new team database), so the functions a command needs at start-up are
// in it (bin/bundel.cjs). Run by scripts/build.mjs after every bundle; a failure leaves no cache
// (the CLI then compiles from source, a little slower) and says why.
const { spawnSync } = require("node:child_process");
const fs = require("node:fs");
const os = require("node:os");
const path = require("node:path");
const { laad, BUNDEL } = require("../bin/bundel.cjs");

async function main() {
  const map = fs.mkdtempSync(path.join(os.tmpdir(), "interventie-cache-"));
  try {
    const db = path.join(map, "opwarmen.db");
    const bin = path.join(__dirname, "..", "bin", "interventie.cjs");
    const env = { ...process.env, INTERVENTIE_GEBRUIKER: "build", NO_COLOR: "1" };
    delete env.INTERVENTIE_DB;
    const init = spawnSync(process.execPath, [bin, "--db", db, "init", "--team", "KIT"], { encoding: "utf8", env });
    if (init.status !== 0) return `init: ${init.stderr.trim() || init.error}`;
    const { exports: bundel, maakCache } = laad({ metCache: false });
    const stil = { write: () => true, isTTY: false };
    const code = await bundel.run(["--db", db, "--json", "adres", "lijst"], { stdout: stil, stderr: stil, stdinIsTTY: false, env });
    if (code !== 0) return `adres lijst: exit ${code}`;
    const tmp = `${BUNDEL}.cache.${process.pid}`;
    fs.writeFileSync(tmp, maakCache());
    fs.renameSync(tmp, `${BUNDEL}.cache`);
    return null;
  } finally {
    fs.rmSync(map, { recursive: true, force: true });
  }
}

main().then(
  (fout) => {
    if (fout) process.stderr.write(`Let op: geen code-cache voor de start (${fout})\n`);
  },
  (err) => {
    process.stderr.write(`Let op: geen code-cache voor de start (${err && err.message})\n`);
  },
);

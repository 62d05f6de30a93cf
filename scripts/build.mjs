// Bundles the CLI into one CommonJS file, dist/interventie.cjs (type checking is tsc's job).
//
// Why a bundle: every command is a fresh process, so start-up is paid dozens of times an evening.
// Measured on Node 20 (bench/): the same code as ~35 separate ES modules started in ~1.7x the time
// of `node -e 0`; as one CommonJS file it starts in ~1.4x. The ES module loader's per-file
// resolve/translate work was the difference, not our code.
//
// Heavy or ESM-only packages stay outside the bundle and are loaded at run time by the commands
// that use them (the native SQLite driver, PDF, templates, holidays, CSV, tables, prompts, colours).
import { build } from "esbuild";
import { spawnSync } from "node:child_process";
import fs from "node:fs";

const external = [
  "better-sqlite3",
  "pdfkit",
  "handlebars",
  "date-holidays",
  "papaparse",
  "@inquirer/prompts",
  "chalk",
  "@fontsource/dejavu-sans",
  // node-postgres itself is bundled (evaluated only when --db is a postgres:// URL, see
  // src/db/pg/verbinding.ts; bundled it starts ~7 ms sooner than from node_modules); its optional
  // native binding and Cloudflare socket are never used.
  "pg-native",
  "pg-cloudflare",
];

/**
 * commander requires node:child_process at load time, for executable subcommands we never use;
 * that module drags in net, stream and dgram (~10 ms of every start). Load it on first use instead.
 */
const lazyChildProcess = {
  name: "commander-lazy-child-process",
  setup(b) {
    b.onLoad({ filter: /commander[\\/]lib[\\/]command\.js$/ }, async (args) => {
      const source = await fs.promises.readFile(args.path, "utf8");
      const eager = "const childProcess = require('node:child_process');";
      if (!source.includes(eager)) throw new Error(`commander changed: ${eager} not found in ${args.path}`);
      const lazy = "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };";
      return { contents: source.replace(eager, lazy), loader: "js" };
    });
  },
};

const shared = {
  bundle: true,
  platform: "node",
  target: "node20",
  external,
  // CommonJS has no import.meta; give the code the bundle's own URL (paths.ts, createRequire).
  define: { "import.meta.url": "__bundleUrl" },
  banner: { js: 'const __bundleUrl = require("node:url").pathToFileURL(__filename).href;' },
  plugins: [lazyChildProcess],
  sourcemap: "linked",
  logLevel: "warning",
};

fs.rmSync("dist", { recursive: true, force: true });
await build({ ...shared, entryPoints: ["src/cli.ts"], format: "cjs", outfile: "dist/interventie.cjs" });
// V8's code cache of the new bundle (bin/bundel.cjs, scripts/code-cache.cjs): ~12 ms off every start.
spawnSync(process.execPath, ["scripts/code-cache.cjs"], { stdio: "inherit" });
if (process.argv.includes("--bench")) {
  for (const entry of ["bench/run.ts", "bench/basis/kale-insert.ts", "bench/basis/kale-pdfkit.ts"]) {
    const naam = entry.split("/").pop().replace(/\.ts$/, ".cjs");
    // The bench starts PostgreSQL with the tests' cluster helper, which finds its fixtures beside itself.
    const define = { ...shared.define, "import.meta.dirname": "__testHelpers" };
    const banner = {
      js: `${shared.banner.js}\nconst __testHelpers = require("node:path").join(__dirname, "..", "..", "test", "helpers");`,
    };
    await build({ ...shared, define, banner, entryPoints: [entry], format: "cjs", outfile: `dist/bench/${naam}` });
  }
}

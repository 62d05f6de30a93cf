// `npm test` first builds (tsc, esbuild) and lints (eslint, prettier). The two are independent, so
// they run at the same time: on a two-core machine that is the lint's time instead of the sum.
// Both print as they go; the first failure fails the test run, after both have finished.
import { spawn } from "node:child_process";

function npmRun(script) {
  return new Promise((resolve) => {
    // npm sets npm_execpath for the scripts it runs; outside npm, fall back to npm on the PATH.
    const [cmd, args] = process.env.npm_execpath
      ? [process.execPath, [process.env.npm_execpath, "run", "--silent", script]]
      : ["npm", ["run", "--silent", script]];
    const child = spawn(cmd, args, { stdio: "inherit", shell: !process.env.npm_execpath && process.platform === "win32" });
    child.on("error", () => resolve(1));
    child.on("close", (code) => resolve(code ?? 1));
  });
}

const codes = await Promise.all([npmRun("build"), npmRun("lint")]);
process.exit(codes.every((c) => c === 0) ? 0 : 1);

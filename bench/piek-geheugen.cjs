// Preloaded (node -r) into a benchmarked process: writes its peak resident set size (KB) at exit.
"use strict";
process.on("exit", () => {
  require("node:fs").writeFileSync(process.env.BENCH_PIEK_BESTAND, String(process.resourceUsage().maxRSS));
});

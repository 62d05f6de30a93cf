import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** One process to time: `node <args>`, its wall time from spawn to exit. */
export interface Proces {
  args: string[];
  env?: NodeJS.ProcessEnv;
  /** Untimed set-up before each run (fresh database copy, empty output folder). */
  voor?: () => void;
  /** Checks the output of every run, so a fast failure cannot pass for a fast success. */
  controle?: (stdout: string) => void;
}

export interface Meting {
  ms: number[];
  /** Peak resident set size per run in MB (when measured). */
  piekMb: number[];
}

export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error("mediaan van niets");
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Runs every variant `runs` times, interleaved (a, b, a, b …) so that drift of the machine
 * (other load, CPU frequency, disk cache) hits baseline and subject alike. One extra first
 * round warms the disk cache and is not counted. `geheugen`: path of the preload that records
 * peak RSS (bench/piek-geheugen.cjs), applied to every variant alike.
 */
export function vergelijk(runs: number, varianten: Record<string, Proces>, opties: { geheugen?: string } = {}): Record<string, Meting> {
  const uit: Record<string, Meting> = {};
  for (const k of Object.keys(varianten)) uit[k] = { ms: [], piekMb: [] };
  for (let i = 0; i <= runs; i++) {
    for (const [k, p] of Object.entries(varianten)) {
      p.voor?.();
      const r = eenKeer(p, opties.geheugen);
      p.controle?.(r.stdout);
      if (i === 0) continue;
      uit[k]!.ms.push(r.ms);
      if (r.piekMb !== undefined) uit[k]!.piekMb.push(r.piekMb);
    }
  }
  return uit;
}

/** One spawn of `node <args>`; throws with the process's stderr when it does not exit 0. */
export function eenKeer(p: Proces, piekPreload?: string): { ms: number; piekMb?: number; stdout: string } {
  const piekBestand = piekPreload ? path.join(os.tmpdir(), `interventie-piek-${process.pid}.txt`) : undefined;
  const args = piekPreload ? ["-r", piekPreload, ...p.args] : p.args;
  const env = { ...process.env, ...p.env, ...(piekBestand ? { BENCH_PIEK_BESTAND: piekBestand } : {}) };
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (r.status !== 0) {
    throw new Error(`node ${p.args.join(" ")} eindigde met ${r.status ?? r.signal}: ${(r.stderr ?? "").slice(0, 2000)}`);
  }
  let piekMb: number | undefined;
  if (piekBestand) {
    piekMb = Number(fs.readFileSync(piekBestand, "utf8")) / 1024; // resourceUsage().maxRSS is in KB
    fs.rmSync(piekBestand, { force: true });
  }
  return { ms, piekMb, stdout: r.stdout };
}

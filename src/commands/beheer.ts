import fs from "node:fs";
import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import type { Ctx } from "../context.js";
import { gebruikerIntrekken, gebruikerLijst, gebruikerToevoegen } from "../db/gebruiker.js";
import { scramVerifier } from "../db/pg/scram.js";
import { ROLLEN } from "../db/pg/toegang.js";
import { optionalText, requireText } from "../domain/invoer.js";
import { UserError } from "../errors.js";
import { problem } from "../io/prompts.js";
import { renderTable } from "../render/table.js";
import { alsBeheerder, controleerWachtwoord } from "../usecases/beheer.js";
import { verplicht } from "./hulp.js";

/** beheer gebruiker toevoegen | lijst | intrekken: the team's logins on PostgreSQL (issue 16). */
export function register(program: Command, rt: Runtime): void {
  const beheer = program.command("beheer").description("beheer van de PostgreSQL-teamdatabase (alleen de beheerder)");
  const gebruiker = beheer.command("gebruiker").description("logins van het team: één per persoon");

  gebruiker
    .command("toevoegen")
    .description("maak een login met rol en organisatie; het wachtwoord wordt gevraagd (nooit als argument)")
    .addOption(verplicht("--login <login>", "loginnaam (kleine letters, cijfers, . _ -)"))
    .addOption(verplicht("--rol <rol>", ROLLEN.join("|")))
    .option("--organisatie <naam>", "gemeente(n), komma-gescheiden, of partner; niet bij projectleider")
    .option("--wachtwoord-stdin", "lees het wachtwoord van stdin (voor scripts) in plaats van het te vragen")
    .action(
      action<{ login?: string; rol?: string; organisatie?: string; wachtwoordStdin?: boolean }>(rt, async (ctx, opts) => {
        const store = await alsBeheerder(ctx.store());
        const login = requireText("login", await ctx.needText("login", opts.login, "Login"), 63);
        const rol = await ctx.needEnum("rol", opts.rol, "Rol", ROLLEN);
        const organisatie =
          rol === "projectleider"
            ? optionalText("organisatie", opts.organisatie, 400)
            : requireText("organisatie", await ctx.needText("organisatie", opts.organisatie, "Gemeente(n) of partner"), 400);
        const wachtwoord = await leesWachtwoord(ctx, Boolean(opts.wachtwoordStdin));
        await store.change((tx) => gebruikerToevoegen(tx.sql, { login, rol, organisatie, verifier: scramVerifier(wachtwoord) }));
        const [rij] = (await store.read(gebruikerLijst)).filter((g) => g.login === login);
        ctx.emit(rij, () => `Login ${login} toegevoegd als ${rol}${rij?.organisatie ? ` (${rij.organisatie})` : ""}.`);
      }),
    );

  gebruiker
    .command("lijst")
    .description("toon de logins van het team")
    .action(
      action(rt, async (ctx) => {
        const store = await alsBeheerder(ctx.store());
        const rows = await store.read(gebruikerLijst);
        ctx.emit(rows, () =>
          renderTable(
            rows,
            [
              { header: "login", value: (r) => r.login },
              { header: "rol", value: (r) => r.rol },
              { header: "organisatie", value: (r) => r.organisatie ?? "" },
              { header: "aanmelden", value: (r) => (r.kan_aanmelden ? "ja" : "nee") },
            ],
            ctx.color,
          ),
        );
      }),
    );

  gebruiker
    .command("intrekken")
    .description("neem een login zijn toegang af (de naam blijft in het auditlog)")
    .addOption(verplicht("--login <login>", "loginnaam"))
    .action(
      action<{ login?: string }>(rt, async (ctx, opts) => {
        const store = await alsBeheerder(ctx.store());
        const login = requireText("login", await ctx.needText("login", opts.login, "Login"), 63);
        await store.change((tx) => gebruikerIntrekken(tx.sql, login));
        ctx.emit({ login, ingetrokken: true }, () => `Login ${login} kan niet meer aanmelden; in het auditlog blijft de naam staan.`);
      }),
    );
}

/**
 * The new login's password: from stdin with --wachtwoord-stdin (its first line), otherwise typed
 * twice at a terminal without echo. Never an argument: every user of the machine can read argv.
 */
async function leesWachtwoord(ctx: Ctx, stdin: boolean): Promise<string> {
  if (stdin) return controleerWachtwoord(fs.readFileSync(0, "utf8").replace(/\r?\n$/, ""));
  if (!ctx.interactive) {
    throw new UserError(
      "ontbrekende-optie",
      "Geef het wachtwoord aan een terminal, of via stdin met --wachtwoord-stdin (nooit als argument)",
    );
  }
  const validate = (v: string) => problem(() => controleerWachtwoord(v));
  const eerste = await ctx.prompts.password({ message: "Wachtwoord voor de nieuwe login", validate });
  const tweede = await ctx.prompts.password({ message: "Nog een keer" });
  if (eerste !== tweede) throw new UserError("ongelijk", "De twee wachtwoorden verschillen; er is niets gewijzigd");
  return eerste;
}

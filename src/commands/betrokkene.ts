import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import { verplicht } from "./hulp.js";
import { requireAdres } from "../db/adres.js";
import { requireBetrokkene, ROLLEN, type BetrokkeneRol } from "../db/betrokkene.js";
import { formatAdres, metAdres } from "../domain/adres.js";
import { optionalText, parseEnum, parseId, requireText } from "../domain/invoer.js";
import { invalid } from "../errors.js";
import { renderBetrokkene, renderBetrokkenen } from "../render/betrokkene.js";
import { addBetrokkene, linkBetrokkene, showBetrokkene, showBetrokkenen } from "../usecases/betrokkene.js";

/** KvK-nummer: 8 digits. */
function parseKvk(raw: string | undefined): string | null {
  const t = optionalText("kvk", raw, 20);
  if (t === null) return null;
  const digits = t.replace(/\s/g, "");
  if (!/^\d{8}$/.test(digits)) throw invalid("kvk", `"${raw}" is geen KvK-nummer (8 cijfers)`);
  return digits;
}

export function register(program: Command, rt: Runtime): void {
  const betrokkene = program
    .command("betrokkene")
    .description("eigenaren, verhuurders, gebruikers, exploitanten, werkgevers en uitzendbureaus");

  betrokkene
    .command("toevoegen")
    .description("voeg een betrokkene toe, eventueel gekoppeld aan een adres")
    .addOption(verplicht("--naam <naam>", "naam van persoon of bedrijf"))
    .addOption(verplicht("--rol <rol>", ROLLEN.join("|")))
    .option("--adres <id>", "adres-id om te koppelen")
    .option("--postadres <tekst>", "postadres voor brieven")
    .option("--kvk <nummer>", "KvK-nummer (8 cijfers)")
    .action(
      action<{ naam?: string; rol?: string; adres?: string; postadres?: string; kvk?: string }>(rt, async (ctx, opts) => {
        const naam = requireText("naam", await ctx.needText("naam", opts.naam, "Naam van de betrokkene"), 160);
        const rolText = await ctx.needChoice(
          "rol",
          opts.rol,
          "Rol",
          ROLLEN.map((r) => ({ name: r, value: r })),
        );
        const rol: BetrokkeneRol = parseEnum("rol", rolText, ROLLEN);
        const adresId = opts.adres !== undefined ? parseId("adres", opts.adres) : undefined;
        if (adresId !== undefined) await ctx.read((sql) => requireAdres(sql, adresId));
        const postadres = optionalText("postadres", opts.postadres, 300);
        const kvk = parseKvk(opts.kvk);
        const { id, adres } = await addBetrokkene(ctx.store(), { naam, postadres, kvk, rol, adresId });
        ctx.emit(
          { id, naam, rol, adres_id: adres?.id ?? null, postadres, kvk },
          () => `Betrokkene ${naam} toegevoegd met id ${id}${adres ? `, ${rol} van ${formatAdres(adres)}` : ""}.`,
        );
      }),
    );

  betrokkene
    .command("koppel <id>")
    .description("koppel een bestaande betrokkene aan (nog) een adres, ook in een andere gemeente")
    .addOption(verplicht("--adres <id>", "adres-id"))
    .option("--rol <rol>", ROLLEN.join("|"))
    .action(
      action<{ adres?: string; rol?: string }>(rt, async (ctx, opts, id) => {
        const betrokkeneId = parseId("id", id as string);
        await ctx.read((sql) => requireBetrokkene(sql, betrokkeneId)); // unknown: refused before anything is asked
        const adresId = parseId("adres", await ctx.needText("adres", opts.adres, "Adres-id"));
        await ctx.read((sql) => requireAdres(sql, adresId));
        const rol = await ctx.needEnum("rol", opts.rol, "Rol", ROLLEN);
        const { betrokkene, adres } = await linkBetrokkene(ctx.store(), { betrokkeneId, adresId, rol });
        ctx.emit({ id: betrokkene.id, adres_id: adres.id, rol }, () => `${betrokkene.naam} is nu ${rol} van ${formatAdres(adres)}.`);
      }),
    );

  betrokkene
    .command("lijst")
    .description("toon betrokkenen met hun adressen")
    .action(
      action(rt, async (ctx) => {
        const rows = await showBetrokkenen(ctx.store());
        ctx.emit(rows, () => renderBetrokkenen(rows, ctx.color));
      }),
    );

  betrokkene
    .command("toon <id>")
    .description("toon een betrokkene met alle adressen")
    .action(
      action(rt, async (ctx, _opts, id) => {
        const b = await showBetrokkene(ctx.store(), parseId("id", id as string));
        ctx.emit({ ...b, adressen: b.adressen.map(metAdres) }, () => renderBetrokkene(b, ctx.color));
      }),
    );
}

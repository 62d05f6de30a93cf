import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import { verplicht } from "./hulp.js";
import { requireAdres } from "../db/adres.js";
import {
  insertBetrokkene,
  koppelAdres,
  koppelingen,
  listBetrokkenen,
  requireBetrokkene,
  ROLLEN,
  type BetrokkeneRol,
} from "../db/betrokkene.js";
import { formatAdres } from "../domain/adres.js";
import { optionalText, parseEnum, parseId, requireText } from "../domain/invoer.js";
import { invalid } from "../errors.js";
import { renderTable } from "../render/table.js";

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
        const db = ctx.db();
        const naam = requireText("naam", await ctx.needText("naam", opts.naam, "Naam van de betrokkene"), 160);
        const rolText = await ctx.needChoice(
          "rol",
          opts.rol,
          "Rol",
          ROLLEN.map((r) => ({ name: r, value: r })),
        );
        const rol: BetrokkeneRol = parseEnum("rol", rolText, ROLLEN);
        const adres = opts.adres !== undefined ? requireAdres(db, parseId("adres", opts.adres)) : undefined;
        const postadres = optionalText("postadres", opts.postadres, 300);
        const kvk = parseKvk(opts.kvk);
        const id = ctx.change((tx) => {
          const newId = insertBetrokkene(tx, { naam, postadres, kvk });
          if (adres) koppelAdres(tx, newId, adres.id, rol);
          return newId;
        });
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
        const db = ctx.db();
        const b = requireBetrokkene(db, parseId("id", id as string));
        const adres = requireAdres(db, parseId("adres", await ctx.needText("adres", opts.adres, "Adres-id")));
        const rol = await ctx.needEnum("rol", opts.rol, "Rol", ROLLEN);
        ctx.change((tx) => koppelAdres(tx, b.id, adres.id, rol));
        ctx.emit({ id: b.id, adres_id: adres.id, rol }, () => `${b.naam} is nu ${rol} van ${formatAdres(adres)}.`);
      }),
    );

  betrokkene
    .command("lijst")
    .description("toon betrokkenen met hun adressen")
    .action(
      action(rt, (ctx) => {
        const rows = listBetrokkenen(ctx.db());
        ctx.emit(rows, () =>
          rows.length === 0
            ? "Geen betrokkenen."
            : renderTable(
                rows,
                [
                  { header: "id", value: (r) => r.id, align: "right" },
                  { header: "naam", value: (r) => r.naam },
                  { header: "KvK", value: (r) => r.kvk },
                  { header: "adressen", value: (r) => r.adressen, align: "right" },
                  { header: "gemeenten", value: (r) => r.gemeenten?.split(",").join(", ") },
                ],
                ctx.color,
              ),
        );
      }),
    );

  betrokkene
    .command("toon <id>")
    .description("toon een betrokkene met alle adressen")
    .action(
      action(rt, (ctx, _opts, id) => {
        const db = ctx.db();
        const b = requireBetrokkene(db, parseId("id", id as string));
        const adressen = koppelingen(db, b.id);
        ctx.emit({ ...b, adressen }, () =>
          [
            ctx.color.bold(b.naam),
            b.postadres ? `Postadres: ${b.postadres}` : "",
            b.kvk ? `KvK: ${b.kvk}` : "",
            ...adressen.map((a) => `  ${a.rol}: ${a.adres} (${a.gemeente}) [adres ${a.adres_id}]`),
          ]
            .filter(Boolean)
            .join("\n"),
        );
      }),
    );
}

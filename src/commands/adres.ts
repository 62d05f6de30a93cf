import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import { verplicht } from "./hulp.js";
import type { Ctx } from "../context.js";
import { findAdresByKey, insertAdres, listAdressen, requireAdres } from "../db/adres.js";
import { adresHistorie } from "../db/historie.js";
import { findGemeente, listGemeenten, requireGemeente } from "../db/referentie.js";
import {
  displayPostcode,
  formatAdres,
  normalisePostcode,
  normaliseToevoeging,
  OBJECT_TYPES,
  parseHuisnummer,
  validateAdres,
} from "../domain/adres.js";
import { ADRES_CSV_COLUMNS, adresImportPlanner } from "../domain/adres-import.js";
import { formatDutch } from "../domain/dates.js";
import { timeline } from "../domain/historie.js";
import { parseId, requireText } from "../domain/invoer.js";
import { aantal } from "../domain/tekst.js";
import { UserError } from "../errors.js";
import { readCsv } from "../io/csv.js";
import { ask } from "../io/prompts.js";
import { renderTable } from "../render/table.js";
import { terminalWidth, wrapIndented } from "../render/terminal.js";

interface ToevoegenOpts {
  postcode?: string;
  huisnummer?: string;
  toevoeging?: string;
  straat?: string;
  plaats?: string;
  gemeente?: string;
  type?: string;
}

export function register(program: Command, rt: Runtime): void {
  const adres = program.command("adres").description("adressen: toevoegen, importeren, lijst, toon");

  adres
    .command("toevoegen")
    .description("voeg één adres toe")
    .addOption(verplicht("--postcode <postcode>", "bijv. 5531AB of 5531 AB"))
    .addOption(verplicht("--huisnummer <nr>", "huisnummer (vanaf 1)"))
    .option("--toevoeging <t>", "huisnummertoevoeging, bijv. A")
    .addOption(verplicht("--straat <straat>", "straatnaam"))
    .addOption(verplicht("--plaats <plaats>", "woonplaats"))
    .addOption(verplicht("--gemeente <gemeente>", "gemeente (moet bestaan)"))
    .option("--type <type>", `objecttype: ${OBJECT_TYPES.join("|")}`)
    .action(action<ToevoegenOpts>(rt, toevoegen));

  adres
    .command("importeren <bestand>")
    .description("importeer adressen uit CSV (alles of niets)")
    .option("--dry-run", "controleer alleen; schrijf niets")
    .action(
      action<{ dryRun?: boolean }>(rt, async (ctx, opts, file) => {
        const bestand = String(file);
        // ctx.db() inside the lookups: an unreadable file is refused before the database is opened.
        const planner = adresImportPlanner(
          (naam) => findGemeente(ctx.db(), naam)?.id,
          (pc, nr, toev) => findAdresByKey(ctx.db(), pc, nr, toev)?.id,
        );
        await readCsv(bestand, ADRES_CSV_COLUMNS, planner.add);
        const plan = planner.plan;
        if (plan.errors.length) {
          throw new UserError(
            "ongeldige-regels",
            `${aantal(plan.errors.length, "ongeldige regel", "ongeldige regels")} in ${bestand}; er is niets geïmporteerd`,
            plan.errors,
          );
        }
        if (opts.dryRun) {
          ctx.emit(
            { dryRun: true, geldig: plan.rows.length, geimporteerd: 0 },
            () => `Controle: ${aantal(plan.rows.length, "adres", "adressen")} geldig; niets geschreven (--dry-run).`,
          );
          return;
        }
        const ids = ctx.change((tx) => {
          const out = plan.rows.map((r) => insertAdres(tx, r, r.gemeenteId));
          tx.audit("adres", null, "geimporteerd", { aantal: out.length });
          return out;
        });
        ctx.emit({ geimporteerd: ids.length, ids }, () => `${aantal(ids.length, "adres", "adressen")} geïmporteerd.`);
      }),
    );

  adres
    .command("lijst")
    .description("toon adressen")
    .option("--gemeente <gemeente>", "alleen deze gemeente")
    .action(
      action<{ gemeente?: string }>(rt, (ctx, opts) => {
        const db = ctx.db();
        const gemeenteId = opts.gemeente !== undefined ? requireGemeente(db, opts.gemeente).id : undefined;
        const rows = listAdressen(db, { gemeenteId });
        if (!ctx.json && rows.length === 0) {
          ctx.out("Geen adressen gevonden.");
          return;
        }
        ctx.emit(rows, () =>
          renderTable(
            rows,
            [
              { header: "id", value: (r) => r.id, align: "right" },
              { header: "adres", value: (r) => formatAdres(r) },
              { header: "gemeente", value: (r) => r.gemeente },
              { header: "type", value: (r) => r.type },
            ],
            ctx.color,
          ),
        );
      }),
    );

  adres
    .command("toon <id>")
    .description("toon een adres met zijn volledige geschiedenis")
    .action(
      action(rt, (ctx, _opts, id) => {
        const db = ctx.db();
        const a = requireAdres(db, parseId("id", id as string));
        const historie = adresHistorie(db, a.id);
        ctx.emit({ ...a, ...historie }, () => renderHistorie(ctx, a, historie));
      }),
    );
}

async function toevoegen(ctx: Ctx, opts: ToevoegenOpts): Promise<void> {
  const db = ctx.db();
  // Each answer is checked with the rule its flag uses, and asked again when wrong.
  const postcode = await ctx.needValue("postcode", opts.postcode, "Postcode", normalisePostcode);
  const huisnummer = await ctx.needValue("huisnummer", opts.huisnummer, "Huisnummer", parseHuisnummer);
  const guided = ctx.interactive && opts.postcode === undefined;
  const toevoeging =
    opts.toevoeging ?? (guided ? await ask(ctx.prompts, { message: "Toevoeging (leeg als er geen is)", parse: normaliseToevoeging }) : "");
  const straat = await ctx.needValue("straat", opts.straat, "Straat", (v) => requireText("straat", v, 120));
  const plaats = await ctx.needValue("plaats", opts.plaats, "Plaats", (v) => requireText("plaats", v, 80));
  const gemeente = await ctx.needChoice(
    "gemeente",
    opts.gemeente,
    "Gemeente",
    listGemeenten(db).map((g) => ({ name: g.naam, value: g.naam })),
  );
  const type =
    opts.type ??
    (guided
      ? await ctx.prompts.select({ message: "Objecttype", choices: OBJECT_TYPES.map((t) => ({ name: t, value: t as string })) })
      : undefined);
  const a = validateAdres({ postcode, huisnummer, toevoeging, straat, plaats, gemeente, type });
  const g = requireGemeente(db, a.gemeente);
  const id = ctx.change((tx) => insertAdres(tx, a, g.id));
  ctx.emit({ id, ...a, gemeente: g.naam }, () => `Adres ${formatAdres(a)} (${g.naam}) toegevoegd met id ${id}.`);
}

function renderHistorie(ctx: Ctx, a: ReturnType<typeof requireAdres>, h: ReturnType<typeof adresHistorie>): string {
  const c = ctx.color;
  const lines = [
    c.bold(`${formatAdres(a)}`),
    `Gemeente: ${a.gemeente}   Type: ${a.type}   Postcode: ${displayPostcode(a.postcode)}   id: ${a.id}`,
  ];
  if (h.betrokkenen.length) {
    lines.push("", c.bold("Betrokkenen"));
    for (const b of h.betrokkenen) lines.push(`  ${b.rol}: ${b.naam}${b.kvk ? ` (KvK ${b.kvk})` : ""} [betrokkene ${b.id}]`);
  }
  const entries = timeline(h);
  lines.push("", c.bold("Geschiedenis"));
  if (entries.length === 0) lines.push("  Nog geen signalen, controles of bevindingen.");
  const w = terminalWidth();
  for (const e of entries) {
    const label = e.soort.padEnd(9);
    const kop = `  ${formatDutch(e.datum).padEnd(18)} ${e.soort === "bevinding" ? c.red(label) : c.cyan(label)} `;
    lines.push(...wrapIndented(e.tekst, w, kop, " ".repeat(31)));
  }
  return lines.join("\n");
}

import type { Command } from "commander";
import fs from "node:fs";
import { action, type Runtime } from "./runtime.js";
import { verplicht } from "./hulp.js";
import {
  findCategorie,
  findGemeente,
  findPartner,
  followUpRules,
  insertCategorie,
  listCategorieen,
  listGemeenten,
  listPartners,
  requirePartner,
  upsertGemeente,
  upsertPartner,
  type FollowUpRule,
} from "../db/referentie.js";
import { optionalText, parseEnum, requireText } from "../domain/invoer.js";
import { UserError } from "../errors.js";
import { shipped } from "../paths.js";
import { renderTable } from "../render/table.js";

/** gemeente | partner | categorie: reference data the user can list and extend. */
export function register(program: Command, rt: Runtime): void {
  const gemeente = program.command("gemeente").description("gemeenten van het team");
  gemeente
    .command("lijst")
    .description("toon alle gemeenten")
    .action(
      action(rt, (ctx) => {
        const rows = listGemeenten(ctx.db());
        ctx.emit(rows, () =>
          renderTable(
            rows,
            [
              { header: "id", value: (r) => r.id, align: "right" },
              { header: "gemeente", value: (r) => r.naam },
              { header: "team", value: (r) => r.team },
            ],
            ctx.color,
          ),
        );
      }),
    );
  gemeente
    .command("toevoegen")
    .description("voeg een gemeente toe")
    .addOption(verplicht("--naam <naam>", "naam van de gemeente"))
    .option("--team <team>", "team waartoe de gemeente hoort")
    .action(
      action<{ naam?: string; team?: string }>(rt, async (ctx, opts) => {
        const naam = requireText("naam", await ctx.needText("naam", opts.naam, "Naam van de gemeente"), 80);
        const team = optionalText("team", opts.team, 80);
        if (findGemeente(ctx.db(), naam)) throw new UserError("bestaat-al", `Gemeente ${naam} bestaat al`);
        const { id } = ctx.change((tx) => upsertGemeente(tx, naam, team));
        ctx.emit({ id, naam, team }, () => `Gemeente ${naam} toegevoegd (id ${id}).`);
      }),
    );

  const partner = program.command("partner").description("convenant- en facultatieve partners");
  partner
    .command("lijst")
    .description("toon alle partners")
    .action(
      action(rt, (ctx) => {
        const rows = listPartners(ctx.db());
        ctx.emit(rows, () =>
          renderTable(
            rows,
            [
              { header: "id", value: (r) => r.id, align: "right" },
              { header: "partner", value: (r) => r.naam },
              { header: "soort", value: (r) => r.soort },
            ],
            ctx.color,
          ),
        );
      }),
    );
  partner
    .command("toevoegen")
    .description("voeg een partner toe")
    .addOption(verplicht("--naam <naam>", "naam van de partnerorganisatie"))
    .option("--soort <soort>", "convenant of facultatief", "facultatief")
    .action(
      action<{ naam?: string; soort: string }>(rt, async (ctx, opts) => {
        const naam = requireText("naam", await ctx.needText("naam", opts.naam, "Naam van de partner"), 80);
        const soort = parseEnum("soort", opts.soort, ["convenant", "facultatief"] as const);
        if (findPartner(ctx.db(), naam)) throw new UserError("bestaat-al", `Partner ${naam} bestaat al`);
        const { id } = ctx.change((tx) => upsertPartner(tx, naam, soort));
        ctx.emit({ id, naam, soort }, () => `Partner ${naam} toegevoegd (id ${id}).`);
      }),
    );

  const categorie = program.command("categorie").description("overtredingscategorieën met eigenaar, grondslag en standaard-opvolging");
  categorie
    .command("lijst")
    .description("toon alle categorieën")
    .action(
      action(rt, (ctx) => {
        const db = ctx.db();
        const rows = listCategorieen(db).map((c) => ({ ...c, opvolging: followUpRules(db, c.id) }));
        ctx.emit(rows, () =>
          renderTable(
            rows,
            [
              { header: "code", value: (r) => r.code },
              { header: "naam", value: (r) => r.naam },
              { header: "eigenaar", value: (r) => r.partner },
              { header: "thema", value: (r) => r.thema },
              { header: "grondslag", value: (r) => r.grondslag },
              { header: "standaard-opvolging", value: (r) => r.opvolging.map(describeRule).join("\n") },
            ],
            ctx.color,
          ),
        );
      }),
    );
  categorie
    .command("toevoegen")
    .description("voeg een categorie toe")
    .addOption(verplicht("--code <code>", "korte code, bijv. kamerverhuur"))
    .addOption(verplicht("--naam <naam>", "naam zoals in rapportages"))
    .addOption(verplicht("--partner <partner>", "partner die eigenaar is van de overtreding"))
    .option("--grondslag <tekst>", "wettelijke grondslag")
    .option("--thema <thema>", "thema (huisvesting, arbeid, fraude, brandveiligheid, milieu, drugs, horeca …)", "overig")
    .action(
      action<{ code?: string; naam?: string; partner?: string; grondslag?: string; thema: string }>(rt, async (ctx, opts) => {
        const db = ctx.db();
        const code = requireText("code", await ctx.needText("code", opts.code, "Code van de categorie"), 40).toLowerCase();
        if (!/^[a-z0-9][a-z0-9-]*$/.test(code)) {
          throw new UserError("ongeldige-invoer", `code: "${code}" mag alleen kleine letters, cijfers en - bevatten`);
        }
        const naam = requireText("naam", await ctx.needText("naam", opts.naam, "Naam van de categorie"), 120);
        const partnerNaam = await ctx.needChoice(
          "partner",
          opts.partner,
          "Welke partner is eigenaar?",
          listPartners(db).map((p) => ({ name: p.naam, value: p.naam })),
        );
        const owner = requirePartner(db, partnerNaam);
        const grondslag = optionalText("grondslag", opts.grondslag, 300);
        const thema = requireText("thema", opts.thema, 40).toLowerCase();
        if (findCategorie(db, code)) throw new UserError("bestaat-al", `Categorie ${code} bestaat al`);
        const rules = defaultRules().map((r) => ({
          actie: r.actie,
          partnerId: r.partner === "(eigenaar categorie)" ? owner.id : requirePartner(db, r.partner).id,
          termijn: r.termijn,
          eenheid: r.eenheid,
        }));
        const id = ctx.change((tx) => insertCategorie(tx, { code, naam, partnerId: owner.id, thema, grondslag }, rules));
        ctx.emit(
          { id, code, naam, partner: owner.naam, thema, grondslag },
          () => `Categorie ${code} (${naam}) toegevoegd, eigenaar ${owner.naam}.`,
        );
      }),
    );
}

function defaultRules(): FollowUpRule[] {
  return JSON.parse(fs.readFileSync(shipped("data/standaard-opvolging.json"), "utf8")) as FollowUpRule[];
}

function describeRule(r: FollowUpRule): string {
  return `${r.actie} (${r.partner}, ${r.termijn} ${r.eenheid})`;
}

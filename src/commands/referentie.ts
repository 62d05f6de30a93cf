import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import { standaardOpvolging, gemeentePartner, type ProfielData } from "../io/referentiedata.js";
import { verplicht } from "./hulp.js";
import { findCategorie, findGemeente, findPartner, listPartners, requireGemeente, requirePartner } from "../db/referentie.js";
import { parseCount, optionalText, parseEnum, requireText, sleutel } from "../domain/invoer.js";
import { BESTUURSORGANEN, checkProfiel, LADDER_STARTS, SPOREN, type LadderStart, type Spoor } from "../domain/ladder.js";
import { UserError } from "../errors.js";
import { renderCategorieen, renderGemeenten, renderPartners } from "../render/referentie.js";
import {
  addCategorie,
  addGemeente,
  addPartner,
  setCapaciteit,
  setPartner,
  showCategorieen,
  showCategorieProfiel,
  showGemeenten,
  showPartners,
} from "../usecases/referentie.js";

/** gemeente | partner | categorie: reference data the user can list and extend. */
export function register(program: Command, rt: Runtime): void {
  const gemeente = program.command("gemeente").description("gemeenten van het team");
  gemeente
    .command("lijst")
    .description("toon alle gemeenten")
    .action(
      action(rt, async (ctx) => {
        const rows = await showGemeenten(ctx.store());
        ctx.emit(rows, () => renderGemeenten(rows, ctx.color));
      }),
    );
  gemeente
    .command("capaciteit")
    .description("hoeveel open handhavingszaken de gemeente aankan (avond controleer waarschuwt daarboven)")
    .option("--gemeente <naam>", "gemeente")
    .option("--zaken <n>", "aantal open handhavingszaken; 'geen' haalt de grens weg")
    .action(
      action<{ gemeente?: string; zaken?: string }>(rt, async (ctx, opts) => {
        const naam = await ctx.needText("gemeente", opts.gemeente, "Gemeente");
        await ctx.read((sql) => requireGemeente(sql, naam)); // an unknown gemeente before the number is asked
        const raw = await ctx.needText("zaken", opts.zaken, "Aantal open handhavingszaken");
        const zaken = raw.trim().toLowerCase() === "geen" ? null : parseCount("zaken", raw, 100_000);
        const w = await setCapaciteit(ctx.store(), naam, zaken);
        ctx.emit(w, () =>
          zaken === null
            ? `Gemeente ${w.gemeente}: geen capaciteit vastgelegd (${w.open_zaken} open handhavingszaken).`
            : `Gemeente ${w.gemeente} kan ${zaken} open handhavingszaken aan; nu open: ${w.open_zaken}.`,
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
        if (await ctx.read((sql) => findGemeente(sql, naam))) throw new UserError("bestaat-al", `Gemeente ${naam} bestaat al`);
        const id = await addGemeente(ctx.store(), naam, team);
        ctx.emit({ id, naam, team }, () => `Gemeente ${naam} toegevoegd (id ${id}).`);
      }),
    );

  const partner = program.command("partner").description("convenant- en facultatieve partners");
  partner
    .command("lijst")
    .description("toon alle partners")
    .action(
      action(rt, async (ctx) => {
        const rows = await showPartners(ctx.store());
        ctx.emit(rows, () => renderPartners(rows, ctx.color));
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
        if (await ctx.read((sql) => findPartner(sql, naam))) throw new UserError("bestaat-al", `Partner ${naam} bestaat al`);
        const id = await addPartner(ctx.store(), naam, soort);
        ctx.emit({ id, naam, soort }, () => `Partner ${naam} toegevoegd (id ${id}).`);
      }),
    );
  partner
    .command("zet")
    .description("postadres en lidwoord van een partner (voor het informatiebericht)")
    .option("--naam <naam>", "partner")
    .option("--postadres <tekst>", 'bijv. "Postbus 2, 5201 AA \'s-Hertogenbosch"')
    .option("--lidwoord <de|het|geen>", '"de Politie", "het UWV", "Enexis"')
    .action(
      action<{ naam?: string; postadres?: string; lidwoord?: string }>(rt, async (ctx, opts) => {
        const naam = await ctx.needText("naam", opts.naam, "Partner");
        await ctx.read((sql) => requirePartner(sql, naam));
        const postadres = opts.postadres !== undefined ? optionalText("postadres", opts.postadres, 300) : undefined;
        const lidwoord = opts.lidwoord !== undefined ? parseEnum("lidwoord", opts.lidwoord, ["de", "het", "geen"] as const) : undefined;
        if (postadres === undefined && lidwoord === undefined) throw new UserError("niets-te-wijzigen", "Geef --postadres of --lidwoord");
        const na = await setPartner(ctx.store(), naam, {
          postadres,
          lidwoord: lidwoord === undefined ? undefined : lidwoord === "geen" ? null : lidwoord,
        });
        ctx.emit(
          na,
          () => `Partner ${na.naam}: ${na.lidwoord ? `${na.lidwoord} ${na.naam}` : na.naam}, ${na.postadres ?? "geen postadres"}.`,
        );
      }),
    );

  const categorie = program.command("categorie").description("overtredingscategorieën met eigenaar, grondslag en standaard-opvolging");
  categorie
    .command("lijst")
    .description("toon alle categorieën")
    .action(
      action(rt, async (ctx) => {
        const rows = await showCategorieen(ctx.store());
        ctx.emit(rows, () => renderCategorieen(rows, ctx.color));
      }),
    );
  categorie
    .command("toevoegen")
    .description("voeg een categorie toe")
    .addOption(verplicht("--code <code>", "korte code, bijv. kamerverhuur"))
    .addOption(verplicht("--naam <naam>", "naam zoals in rapportages"))
    .addOption(verplicht("--partner <partner>", "partner die eigenaar is van de overtreding"))
    .option("--grondslag <tekst>", "het overtreden voorschrift, met artikel (oude naam van --voorschrift)")
    .option("--voorschrift <tekst>", "het overtreden voorschrift, met artikel")
    .option("--thema <thema>", "thema (huisvesting, arbeid, fraude, brandveiligheid, milieu, drugs, horeca …)", "overig")
    .option("--bestuursorgaan <orgaan>", `${BESTUURSORGANEN.join("|")}|geen (standaard: college als de gemeente eigenaar is, anders geen)`)
    .option("--bevoegdheid <tekst>", "de bevoegdheid waarop de last berust")
    .option("--ladder <start>", `waar de handhavingsladder begint: ${LADDER_STARTS.join("|")}`)
    .option("--spoor <spoor>", SPOREN.join("|"))
    .option("--herstelmaatregel <tekst>", "wat de overtreder moet doen")
    .action(
      action<CategorieOpts>(rt, async (ctx, opts) => {
        const code = requireText("code", await ctx.needText("code", opts.code, "Code van de categorie"), 40).toLowerCase();
        if (!/^[a-z0-9][a-z0-9-]*$/.test(code)) {
          throw new UserError("ongeldige-invoer", `code: "${code}" mag alleen kleine letters, cijfers en - bevatten`);
        }
        const naam = requireText("naam", await ctx.needText("naam", opts.naam, "Naam van de categorie"), 120);
        const partnerNaam = await ctx.needChoice("partner", opts.partner, "Welke partner is eigenaar?", async () =>
          (await ctx.read(listPartners)).map((p) => ({ name: p.naam, value: p.naam })),
        );
        const owner = await ctx.read((sql) => requirePartner(sql, partnerNaam));
        const grondslag = optionalText("voorschrift", opts.voorschrift ?? opts.grondslag, 300);
        const thema = requireText("thema", opts.thema, 40).toLowerCase();
        if (await ctx.read((sql) => findCategorie(sql, code))) throw new UserError("bestaat-al", `Categorie ${code} bestaat al`);
        const standaard = standaardOpvolging();
        const profiel = handhavingsprofiel(opts, owner.naam, standaard.handhaving);
        const id = await addCategorie(
          ctx.store(),
          { code, naam, eigenaar: owner.naam, thema, grondslag },
          profiel ? standaard.opvolging : standaard.partneropvolging,
          profiel,
        );
        ctx.emit(
          {
            id,
            code,
            naam,
            partner: owner.naam,
            thema,
            grondslag,
            voorschrift: grondslag,
            handhaving: await showCategorieProfiel(ctx.store(), id),
          },
          () =>
            `Categorie ${code} (${naam}) toegevoegd, eigenaar ${owner.naam}${profiel ? `; handhaving door ${profiel.bestuursorgaan === "burgemeester" ? "de burgemeester" : "het college"}, ladder begint bij ${profiel.ladder}` : "; geen gemeentelijke handhavingsladder"}.`,
        );
      }),
    );
}

interface CategorieOpts {
  code?: string;
  naam?: string;
  partner?: string;
  grondslag?: string;
  voorschrift?: string;
  thema: string;
  bestuursorgaan?: string;
  bevoegdheid?: string;
  ladder?: string;
  spoor?: string;
  herstelmaatregel?: string;
}

/** A new category's enforcement profile: the gemeente's own categories get one by default, a partner's none. */
function handhavingsprofiel(opts: CategorieOpts, eigenaar: string, standaard: ProfielData): ProfielData | undefined {
  // The gemeente's own categories get a ladder by default (data/partners.json names the partner that is the gemeente).
  const keuze = parseEnum(
    "bestuursorgaan",
    opts.bestuursorgaan ?? (sleutel(eigenaar) === sleutel(gemeentePartner()) ? "college" : "geen"),
    [...BESTUURSORGANEN, "geen"] as const,
  );
  if (keuze === "geen") {
    if (opts.ladder !== undefined || opts.spoor !== undefined)
      throw new UserError("ongeldige-invoer", "--ladder en --spoor horen bij een --bestuursorgaan (college of burgemeester)");
    return undefined;
  }
  const spoor = opts.spoor !== undefined ? parseEnum<Spoor>("spoor", opts.spoor, SPOREN) : standaard.spoor;
  const p: ProfielData = {
    ...standaard,
    bestuursorgaan: keuze,
    bevoegdheid: opts.bevoegdheid !== undefined ? requireText("bevoegdheid", opts.bevoegdheid, 300) : standaard.bevoegdheid,
    ladder: opts.ladder !== undefined ? parseEnum<LadderStart>("ladder", opts.ladder, LADDER_STARTS) : standaard.ladder,
    spoor,
    herstelmaatregel:
      opts.herstelmaatregel !== undefined ? requireText("herstelmaatregel", opts.herstelmaatregel, 600) : standaard.herstelmaatregel,
    dwangsom: spoor === "dwangsom" ? standaard.dwangsom : undefined,
    sluitingsduur: spoor === "sluiting" ? (standaard.sluitingsduur ?? "3 maanden") : undefined,
  };
  checkProfiel({
    ...p,
    voorschrift: "",
    spoed: Boolean(p.spoed),
    sluitingsduur: p.sluitingsduur ?? null,
    waarschuwingsgrondslag: p.waarschuwingsgrondslag ?? null,
    dwangsom: p.dwangsom ?? null,
  });
  return p;
}

import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import { categorieProfiel, werkvoorraad, zetCapaciteit } from "../db/handhaving.js";
import { standaardOpvolging, zetProfielUitData, type ProfielData } from "../db/seed.js";
import { verplicht } from "./hulp.js";
import {
  requireGemeente,
  zetPartner,
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
import { parseCount, optionalText, parseEnum, requireText } from "../domain/invoer.js";
import { BESTUURSORGANEN, controleerProfiel, LADDER_STARTS, SPOREN, type LadderStart, type Spoor } from "../domain/ladder.js";
import { EIGENAAR_BEVINDING, EIGENAAR_CATEGORIE } from "../domain/opvolging.js";
import { UserError } from "../errors.js";
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
              { header: "capaciteit", value: (r) => r.capaciteit ?? "", align: "right" },
            ],
            ctx.color,
          ),
        );
      }),
    );
  gemeente
    .command("capaciteit")
    .description("hoeveel open handhavingszaken de gemeente aankan (avond controleer waarschuwt daarboven)")
    .option("--gemeente <naam>", "gemeente")
    .option("--zaken <n>", "aantal open handhavingszaken; 'geen' haalt de grens weg")
    .action(
      action<{ gemeente?: string; zaken?: string }>(rt, async (ctx, opts) => {
        const g = requireGemeente(ctx.db(), await ctx.needText("gemeente", opts.gemeente, "Gemeente"));
        const raw = await ctx.needText("zaken", opts.zaken, "Aantal open handhavingszaken");
        const zaken = raw.trim().toLowerCase() === "geen" ? null : parseCount("zaken", raw, 100_000);
        ctx.change((tx) => zetCapaciteit(tx, g.id, zaken));
        const w = werkvoorraad(ctx.db()).find((x) => x.gemeente === g.naam) ?? { gemeente: g.naam, open_zaken: 0, capaciteit: zaken };
        ctx.emit({ id: g.id, ...w }, () =>
          zaken === null
            ? `Gemeente ${g.naam}: geen capaciteit vastgelegd (${w.open_zaken} open handhavingszaken).`
            : `Gemeente ${g.naam} kan ${zaken} open handhavingszaken aan; nu open: ${w.open_zaken}.`,
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
              { header: "ook", value: (r) => r.aliassen.join(", ") },
              { header: "postadres", value: (r) => r.postadres ?? "" },
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
  partner
    .command("zet")
    .description("postadres en lidwoord van een partner (voor het informatiebericht)")
    .option("--naam <naam>", "partner")
    .option("--postadres <tekst>", 'bijv. "Postbus 2, 5201 AA \'s-Hertogenbosch"')
    .option("--lidwoord <de|het|geen>", '"de Politie", "het UWV", "Enexis"')
    .action(
      action<{ naam?: string; postadres?: string; lidwoord?: string }>(rt, async (ctx, opts) => {
        const p = requirePartner(ctx.db(), await ctx.needText("naam", opts.naam, "Partner"));
        const postadres = opts.postadres !== undefined ? optionalText("postadres", opts.postadres, 300) : undefined;
        const lidwoord = opts.lidwoord !== undefined ? parseEnum("lidwoord", opts.lidwoord, ["de", "het", "geen"] as const) : undefined;
        if (postadres === undefined && lidwoord === undefined) throw new UserError("niets-te-wijzigen", "Geef --postadres of --lidwoord");
        ctx.change((tx) =>
          zetPartner(tx, p.id, { postadres, lidwoord: lidwoord === undefined ? undefined : lidwoord === "geen" ? null : lidwoord }),
        );
        const na = requirePartner(ctx.db(), p.naam);
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
      action(rt, (ctx) => {
        const db = ctx.db();
        const rows = listCategorieen(db).map((c) => ({
          ...c,
          voorschrift: c.grondslag,
          opvolging: followUpRules(db, c.id),
          handhaving: categorieProfiel(db, c.id) ?? null,
        }));
        ctx.emit(rows, () =>
          renderTable(
            rows,
            [
              { header: "code", value: (r) => r.code },
              { header: "naam", value: (r) => r.naam },
              { header: "eigenaar", value: (r) => r.partner },
              { header: "thema", value: (r) => r.thema },
              { header: "voorschrift", value: (r) => r.grondslag },
              {
                header: "handhaving",
                value: (r) => (r.handhaving ? `${r.handhaving.bestuursorgaan}: ${r.handhaving.ladder} → ${r.handhaving.spoor}` : "partner"),
              },
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
        const grondslag = optionalText("voorschrift", opts.voorschrift ?? opts.grondslag, 300);
        const thema = requireText("thema", opts.thema, 40).toLowerCase();
        if (findCategorie(db, code)) throw new UserError("bestaat-al", `Categorie ${code} bestaat al`);
        const standaard = standaardOpvolging();
        const profiel = handhavingsprofiel(opts, owner.naam, standaard.handhaving);
        const rules = (profiel ? standaard.opvolging : standaard.partneropvolging).map((r) => ({
          actie: r.actie,
          partnerId: r.partner === EIGENAAR_CATEGORIE || r.partner === EIGENAAR_BEVINDING ? owner.id : requirePartner(db, r.partner).id,
          eigenaarBevinding: r.partner === EIGENAAR_BEVINDING,
          termijn: r.termijn,
          eenheid: r.eenheid,
          sjabloon: r.sjabloon ?? null,
        }));
        const id = ctx.change((tx) => {
          const cid = insertCategorie(tx, { code, naam, partnerId: owner.id, thema, grondslag }, rules);
          if (profiel) zetProfielUitData(tx.db, cid, profiel);
          return cid;
        });
        ctx.emit(
          { id, code, naam, partner: owner.naam, thema, grondslag, voorschrift: grondslag, handhaving: categorieProfiel(db, id) ?? null },
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
  const keuze = parseEnum("bestuursorgaan", opts.bestuursorgaan ?? (eigenaar.toLowerCase() === "gemeente" ? "college" : "geen"), [
    ...BESTUURSORGANEN,
    "geen",
  ] as const);
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
  controleerProfiel({
    ...p,
    voorschrift: "",
    spoed: Boolean(p.spoed),
    sluitingsduur: p.sluitingsduur ?? null,
    waarschuwingsgrondslag: p.waarschuwingsgrondslag ?? null,
    dwangsom: p.dwangsom ?? null,
  });
  return p;
}

function describeRule(r: FollowUpRule): string {
  return `${r.actie} (${r.partner === EIGENAAR_BEVINDING ? "eigenaar van de bevinding" : r.partner}, ${r.termijn} ${r.eenheid})`;
}

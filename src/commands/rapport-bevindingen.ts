import type { Command } from "commander";
import path from "node:path";
import { action, type Runtime } from "./runtime.js";
import { verplicht } from "./hulp.js";
import type { Ctx } from "../context.js";
import { requireAdres, type Adres } from "../db/adres.js";
import { kiesAvond } from "./avond-keuze.js";
import { getBriefhoofd } from "../db/brief.js";
import type { Db } from "../db/connection.js";
import {
  adressenMetBevindingen,
  getRapport,
  insertVersie,
  nieuwRapport,
  rapportGegevens,
  versiesVan,
  volgendKenmerk,
  type RapportVersie,
} from "../db/rapport-bevindingen.js";
import { requireToezichthouder } from "../db/toezichthouder.js";
import { formatAdres } from "../domain/adres.js";
import { maakBriefhoofd } from "../domain/brief.js";
import { formatDutch } from "../domain/dates.js";
import { parseId } from "../domain/invoer.js";
import {
  bezwarenTegenOndertekenen,
  inhoudHash,
  kiesOndertekenaar,
  maakInhoud,
  rapportBestandsnaam,
  type RapportInhoud,
} from "../domain/rapport-bevindingen.js";
import { UserError } from "../errors.js";
import { bijlagenMap, leesGeverifieerd, maakMap, opruimen, plaats, schrijfTijdelijk, verwijder } from "../io/bijlagen.js";
import { writeOutput } from "../io/output-file.js";
import { standaardBriefhoofd } from "../io/sjablonen.js";

interface Opts {
  avond?: string;
  adres?: string;
  pdf?: string;
  uit?: string;
  onderteken?: boolean;
  ondertekenaar?: string;
  versie?: string;
  overschrijven?: boolean;
}

/** `rapport bevindingen`: the rapport van bevindingen of one address (or every address of an evening). */
export function registerBevindingen(rapport: Command, rt: Runtime): void {
  rapport
    .command("bevindingen")
    .description(
      "rapport van bevindingen per adres (RvS-minimum); met --onderteken onveranderlijk vastgelegd, een wijziging maakt een nieuwe versie",
    )
    .addOption(verplicht("--avond <id>", "controleavond"))
    .addOption(verplicht("--adres <id>", "adres; of zonder --adres met --uit: één PDF per adres met bevindingen"))
    .option("--pdf <bestand>", "PDF-bestand (bij --adres)")
    .option("--uit <map>", "map voor één PDF per adres (zonder --adres)")
    .option("--onderteken", "onderteken: de versie wordt onveranderlijk vastgelegd (snapshot en SHA-256)")
    .option("--ondertekenaar <nummer>", "toezichthouder die ondertekent (standaard: de enige opsteller)")
    .option("--versie <n>", "herdruk een eerder ondertekende versie, ongewijzigd")
    .option("--overschrijven", "vervang een bestaand PDF-bestand")
    .action(action<Opts>(rt, bevindingenRapport));
}

interface Uitkomst {
  /** The signed version's id, when this run signed it (a record created). */
  id?: number;
  avond_id: number;
  adres_id: number;
  adres: string;
  kenmerk: string | null;
  versie: number;
  status: "concept" | "ondertekend";
  /** true: a signed version printed again from its stored copy (byte-identical). */
  herdruk: boolean;
  /** false: the findings changed after this signed version; a new version needs signing. */
  actueel: boolean;
  dagtekening: string;
  ondertekend_op: string | null;
  ondertekend_door: string | null;
  inhoud_sha256: string;
  pdf_sha256: string | null;
  bevindingen: number[];
  bijlagen: number;
  onvolledig: { bevinding_id: number; ontbrekend: string[] }[];
  bestand: string;
}

async function bevindingenRapport(ctx: Ctx, opts: Opts): Promise<void> {
  const db = ctx.db();
  const avond = await kiesAvond(ctx, opts.avond);
  const versie = opts.versie === undefined ? undefined : parseId("versie", opts.versie);
  if (opts.ondertekenaar !== undefined && !opts.onderteken) throw new UserError("gebruik", "--ondertekenaar hoort bij --onderteken");
  if (versie !== undefined && opts.onderteken)
    throw new UserError("gebruik", "--versie herdrukt een ondertekende versie; gebruik het niet met --onderteken");
  if (opts.adres === undefined && opts.uit === undefined && !ctx.interactive) {
    throw new UserError("ontbrekende-optie", "Ontbrekende optie --adres (of --uit <map> voor één PDF per adres met bevindingen)");
  }
  const metBevindingen = adressenMetBevindingen(db, avond.id);

  if (opts.adres === undefined && opts.uit !== undefined) {
    if (opts.pdf !== undefined) throw new UserError("gebruik", "Gebruik --pdf met --adres, of --uit <map> zonder --adres");
    if (versie !== undefined) throw new UserError("gebruik", "--versie kan alleen met --adres");
    if (metBevindingen.length === 0) throw new UserError("geen-bevindingen", `Avond ${avond.id} heeft geen bevindingen`);
    const map = ctx.outputFolder(opts.uit);
    const adressen = metBevindingen.map((id) => requireAdres(db, id));
    // Signing an evening: every report is checked before the first is signed.
    if (opts.onderteken) for (const a of adressen) planOndertekening(ctx, db, avond.id, a, opts.ondertekenaar);
    const uitkomsten: Uitkomst[] = [];
    for (const a of adressen)
      uitkomsten.push(await eenRapport(ctx, avond.id, a, opts, undefined, (k, v) => path.join(map, rapportBestandsnaam(k, v, a))));
    ctx.emit({ avond_id: avond.id, map, rapporten: uitkomsten }, () => uitkomsten.map(beschrijf).join("\n"));
    return;
  }

  const adresRaw = await ctx.needChoice(
    "adres",
    opts.adres,
    "Adres",
    metBevindingen.map((id) => ({ name: formatAdres(requireAdres(db, id)), value: String(id) })),
  );
  const adres = requireAdres(db, parseId("adres", adresRaw));
  const pdf = await ctx.needText("pdf", opts.pdf, "PDF-bestand");
  ctx.outputFile(pdf, "pdf", opts.overschrijven); // checked before any work: never the database, no silent overwrite
  if (!metBevindingen.includes(adres.id)) {
    throw new UserError("geen-bevindingen", `Adres ${formatAdres(adres)} (id ${adres.id}) heeft geen bevindingen op avond ${avond.id}`);
  }
  const u = await eenRapport(ctx, avond.id, adres, opts, versie, () => pdf);
  ctx.emit(u, () => beschrijf(u));
}

interface Plan {
  inhoud: RapportInhoud;
  hash: string;
  kenmerk: string | null;
  versies: RapportVersie[];
}

function plan(db: Db, avondId: number, adres: Adres): Plan {
  const avond = db.prepare("SELECT id, datum, starttijd, doel FROM avond WHERE id = ?").get(avondId) as {
    id: number;
    datum: string;
    starttijd: string;
    doel: string;
  };
  const afdeling = maakBriefhoofd(adres.gemeente, getBriefhoofd(db, adres.gemeente_id), standaardBriefhoofd(adres.gemeente)).afdeling;
  const inhoud = maakInhoud(rapportGegevens(db, avond, adres, afdeling));
  const rapport = getRapport(db, avondId, adres.id);
  return { inhoud, hash: inhoudHash(inhoud), kenmerk: rapport?.kenmerk ?? null, versies: rapport ? versiesVan(db, rapport.id) : [] };
}

/** Checks that a report can be signed now; returns the signer's number. */
function planOndertekening(ctx: Ctx, db: Db, avondId: number, adres: Adres, gevraagd: string | undefined): string {
  const p = plan(db, avondId, adres);
  const laatste = p.versies[p.versies.length - 1];
  if (laatste && laatste.inhoud_sha256 === p.hash) return laatste.ondertekend_door; // already signed: nothing to do
  const bezwaren = bezwarenTegenOndertekenen(p.inhoud);
  if (bezwaren.length) {
    throw new UserError(
      "niet-ondertekenbaar",
      `Het rapport voor ${formatAdres(adres)} kan nog niet worden ondertekend: ${bezwaren[0]}`,
      bezwaren.slice(1),
    );
  }
  const keuze = kiesOndertekenaar(p.inhoud, gevraagd);
  if ("fout" in keuze) throw new UserError("ongeldige-invoer", `ondertekenaar: ${keuze.fout}`);
  const map = bijlagenMap(ctx.dbPath);
  for (const b of p.inhoud.bijlagen) {
    const r = leesGeverifieerd(map, b.sha256);
    if ("fout" in r) {
      throw new UserError(
        "bijlagen-niet-in-orde",
        `Bijlage ${b.nr} (${b.sha256.slice(0, 12)}…) ${r.fout === "ontbreekt" ? "ontbreekt" : "is gewijzigd"}; een rapport met een ontbrekend of gewijzigd bewijsstuk wordt niet ondertekend (zie bevinding bijlage controleer)`,
      );
    }
  }
  return keuze.nummer;
}

async function eenRapport(
  ctx: Ctx,
  avondId: number,
  adres: Adres,
  opts: Opts,
  versie: number | undefined,
  bestand: (kenmerk: string | null, versie: number) => string,
): Promise<Uitkomst> {
  const db = ctx.db();
  const map = bijlagenMap(ctx.dbPath);
  for (let poging = 1; ; poging++) {
    const p = plan(db, avondId, adres);
    const laatste = p.versies[p.versies.length - 1];
    const basis = {
      avond_id: avondId,
      adres_id: adres.id,
      adres: formatAdres(adres),
      inhoud_sha256: p.hash,
      bevindingen: p.inhoud.waarnemingen.map((w) => w.bevinding_id),
      bijlagen: p.inhoud.bijlagen.length,
      onvolledig: p.inhoud.waarnemingen
        .filter((w) => w.ontbrekend.length)
        .map((w) => ({ bevinding_id: w.bevinding_id, ontbrekend: w.ontbrekend })),
    };

    // A signed version is printed again from its stored copy: byte for byte what was signed.
    const herdruk =
      versie !== undefined ? p.versies.find((v) => v.versie === versie) : laatste?.inhoud_sha256 === p.hash ? laatste : undefined;
    if (versie !== undefined && !herdruk) {
      throw new UserError(
        "niet-gevonden",
        `Versie ${versie} van het rapport voor ${formatAdres(adres)} bestaat niet (ondertekend: ${p.versies.map((v) => v.versie).join(", ") || "geen"})`,
      );
    }
    if (herdruk) {
      const r = leesGeverifieerd(map, herdruk.pdf_sha256);
      if ("fout" in r) {
        throw new UserError(
          "bijlagen-niet-in-orde",
          `De bewaarde PDF van ${p.kenmerk} versie ${herdruk.versie} ${r.fout === "ontbreekt" ? "ontbreekt" : "is gewijzigd"} (${herdruk.pdf_sha256}); zie bevinding bijlage controleer`,
        );
      }
      const file = bestand(p.kenmerk, herdruk.versie);
      writeOutput(file, r.data, "pdf", { overschrijven: opts.overschrijven, dbPath: ctx.dbPath });
      return {
        ...basis,
        kenmerk: p.kenmerk,
        versie: herdruk.versie,
        status: "ondertekend",
        herdruk: true,
        actueel: herdruk.inhoud_sha256 === p.hash,
        dagtekening: herdruk.dagtekening,
        ondertekend_op: herdruk.ondertekend_op,
        ondertekend_door: herdruk.ondertekend_door,
        inhoud_sha256: herdruk.inhoud_sha256,
        pdf_sha256: herdruk.pdf_sha256,
        bestand: path.resolve(file),
      };
    }

    const nieuweVersie = (laatste?.versie ?? 0) + 1;
    const dagtekening = ctx.today();
    const afbeeldingen = new Map(
      p.inhoud.bijlagen.map((b) => {
        const r = leesGeverifieerd(map, b.sha256);
        return [b.sha256, "data" in r ? r.data : r.fout] as const;
      }),
    );
    const { rapportBevindingenPdf } = await import("../render/pdf/rapport-bevindingen.js");
    const { pdfToBuffer } = await import("../render/pdf/document.js");

    if (!opts.onderteken) {
      const file = bestand(p.kenmerk, nieuweVersie);
      const bytes = await pdfToBuffer(
        rapportBevindingenPdf({
          inhoud: p.inhoud,
          inhoudSha256: p.hash,
          kenmerk: p.kenmerk,
          versie: nieuweVersie,
          dagtekening,
          bijlagen: afbeeldingen,
        }),
      );
      writeOutput(file, bytes, "pdf", { overschrijven: opts.overschrijven, dbPath: ctx.dbPath });
      return {
        ...basis,
        kenmerk: p.kenmerk,
        versie: nieuweVersie,
        status: "concept",
        herdruk: false,
        actueel: true,
        dagtekening,
        ondertekend_op: null,
        ondertekend_door: null,
        pdf_sha256: null,
        bestand: path.resolve(file),
      };
    }

    const nummer = planOndertekening(ctx, db, avondId, adres, opts.ondertekenaar ?? (await vraagOndertekenaar(ctx, p.inhoud)));
    const door = requireToezichthouder(db, nummer);
    const auteur = p.inhoud.auteurs.find((a) => a.nummer === door.nummer)!;
    const jaar = Number(dagtekening.slice(0, 4));
    const kenmerk = p.kenmerk ?? volgendKenmerk(db, jaar);
    const op = ctx.moment(); // the signing moment agrees with the dagtekening, also with --vandaag
    const bytes = await pdfToBuffer(
      rapportBevindingenPdf({
        inhoud: p.inhoud,
        inhoudSha256: p.hash,
        kenmerk,
        versie: nieuweVersie,
        dagtekening,
        ondertekening: { door: auteur, op },
        bijlagen: afbeeldingen,
      }),
    );
    maakMap(map);
    const kopie = schrijfTijdelijk(map, bytes);
    const file = bestand(kenmerk, nieuweVersie);
    let geplaatst = false;
    let id = 0;
    try {
      ctx.change((tx) => {
        // Re-read under the write lock: another process may have signed or changed something since.
        const nu = plan(tx.db, avondId, adres);
        const nuLaatste = nu.versies[nu.versies.length - 1];
        if (nu.hash !== p.hash || (nuLaatste?.versie ?? 0) !== nieuweVersie - 1 || (nu.kenmerk ?? kenmerk) !== kenmerk) throw new Opnieuw();
        const rapport = getRapport(tx.db, avondId, adres.id) ?? nieuwRapport(tx, avondId, adres.id, jaar);
        if (rapport.kenmerk !== kenmerk) throw new Opnieuw(); // rolls back the new kenmerk too
        geplaatst = plaats(map, kopie.tmp, kopie.sha256);
        id = insertVersie(tx, {
          rapport,
          versie: nieuweVersie,
          dagtekening,
          inhoud: p.inhoud,
          inhoudSha256: p.hash,
          pdfSha256: kopie.sha256,
          toezichthouderId: door.id,
          gebruiker: ctx.user,
          ondertekendOp: op,
        });
        writeOutput(file, bytes, "pdf", { overschrijven: opts.overschrijven, dbPath: ctx.dbPath }); // inside: a PDF that cannot be written leaves nothing signed
      });
    } catch (err) {
      opruimen(kopie.tmp);
      if (geplaatst) verwijder(map, kopie.sha256);
      if (!(err instanceof Opnieuw)) throw err;
      if (poging < 3) continue;
      throw new UserError("database-bezet", "Het rapport werd tegelijk door een ander proces gewijzigd; probeer het opnieuw");
    }
    return {
      id,
      ...basis,
      kenmerk,
      versie: nieuweVersie,
      status: "ondertekend",
      herdruk: false,
      actueel: true,
      dagtekening,
      ondertekend_op: op,
      ondertekend_door: door.nummer,
      pdf_sha256: kopie.sha256,
      bestand: path.resolve(file),
    };
  }
}

/** Another process signed or changed the report between rendering and writing: plan again. */
class Opnieuw extends Error {}

/** Several authors and no --ondertekenaar: ask at a terminal; a script gets the reason from kiesOndertekenaar. */
async function vraagOndertekenaar(ctx: Ctx, inhoud: RapportInhoud): Promise<string | undefined> {
  if (inhoud.auteurs.length < 2 || !ctx.interactive) return undefined;
  return ctx.prompts.select({
    message: "Wie ondertekent (een van de opstellers)?",
    choices: inhoud.auteurs.map((a) => ({ name: `${a.nummer} — ${a.functie} (${a.organisatie})`, value: a.nummer })),
  });
}

function beschrijf(u: Uitkomst): string {
  const lines: string[] = [];
  if (u.status === "concept") {
    lines.push(
      `Concept van het rapport van bevindingen voor ${u.adres}${u.kenmerk ? ` (${u.kenmerk})` : ""}, versie ${u.versie}: ${u.bestand}`,
      u.versie > 1
        ? `  De bevindingen zijn gewijzigd sinds ondertekende versie ${u.versie - 1}; deze nieuwe versie moet opnieuw worden ondertekend (--onderteken).`
        : "  Nog niet ondertekend; na controle ondertekenen met --onderteken.",
    );
    for (const o of u.onvolledig)
      lines.push(
        `  Onvolledig: bevinding ${o.bevinding_id} (${o.ontbrekend.join(", ")}); aanvullen met bevinding wijzig ${o.bevinding_id}.`,
      );
  } else if (u.herdruk) {
    lines.push(
      `Rapport van bevindingen ${u.kenmerk} versie ${u.versie} (ondertekend ${formatDutch(u.dagtekening)} door toezichthouder ${u.ondertekend_door}) ongewijzigd herdrukt: ${u.bestand}`,
      u.actueel
        ? "  De bevindingen zijn sindsdien niet gewijzigd."
        : "  Let op: de bevindingen zijn na deze versie gewijzigd; een nieuwe versie moet worden ondertekend.",
    );
  } else {
    lines.push(
      `Rapport van bevindingen ${u.kenmerk} versie ${u.versie} ondertekend door toezichthouder ${u.ondertekend_door} (${formatDutch(u.dagtekening)}): ${u.bestand}`,
      `  Onveranderlijk vastgelegd; SHA-256 van de PDF: ${u.pdf_sha256}`,
      "  Een latere wijziging van de bevindingen of een nieuwe bijlage maakt een nieuwe versie die opnieuw moet worden ondertekend.",
    );
  }
  return lines.join("\n");
}

import path from "node:path";
import type { Store } from "../db/store.js";
import type { Sql } from "../db/sql.js";
import { requireAdres, type Adres } from "../db/adres.js";
import { requireAvond, type AvondKort } from "../db/avond.js";
import {
  adressenMetBevindingen,
  getRapport,
  getRapportGegevens,
  getVolgendKenmerk,
  insertRapport,
  insertVersie,
  listVersies,
  type NieuweVersie,
  type RapportVersie,
} from "../db/rapport-bevindingen.js";
import type { Tx } from "../db/store.js";
import type { RapportPdfInvoer } from "../render/pdf/rapport-bevindingen.js";
import { requireToezichthouder } from "../db/toezichthouder.js";
import { formatAdres } from "../domain/adres.js";
import {
  bezwarenTegenOndertekenen,
  inhoudHash,
  chooseOndertekenaar,
  makeInhoud,
  rapportBestandsnaam,
  type Auteur,
  type RapportInhoud,
} from "../domain/rapport-bevindingen.js";
import { UserError } from "../errors.js";
import type { Bewijsopslag } from "../db/bewijs.js";
import { writeOutput } from "../io/output-file.js";
import { briefhoofdVan } from "./briefhoofd.js";

/**
 * The rapport van bevindingen of an address on an evening: a concept, a signed version (its PDF
 * kept unchangeable in the attachment store, its content hashed) or a reprint of one.
 */

/** What making reports needs from the caller: the day and moment, who signs in, where files go. */
export interface RapportOmgeving {
  vandaag: string;
  /** The signing moment (agrees with the dagtekening, also with --vandaag). */
  moment(): string;
  gebruiker: string;
  /** The evidence store (attachments; signed PDFs are kept there too). */
  bewijs: Bewijsopslag;
  /** The SQLite database file, which an output file must never be. */
  dbPath?: string;
  /** Several authors and no --ondertekenaar: who signs (asked at a terminal; absent in a script). */
  ondertekenaar?(auteurs: Auteur[]): Promise<string>;
}

export interface RapportKeuze {
  onderteken: boolean;
  ondertekenaar?: string;
  overschrijven?: boolean;
}

export interface Uitkomst extends Afdruk {
  avond_id: number;
  adres_id: number;
  adres: string;
  bevindingen: number[];
  bijlagen: number;
  onvolledig: { bevinding_id: number; ontbrekend: string[] }[];
}

/** The addresses of an evening that have findings (the ones a report can be made for). */
export function listRapportAdressen(store: Store, avondId: number): Promise<Adres[]> {
  return store.read(async (sql) => {
    const out: Adres[] = [];
    for (const id of await adressenMetBevindingen(sql, avondId)) out.push(await requireAdres(sql, id));
    return out;
  });
}

/** `rapport bevindingen --uit <map>`: one report per address with findings; signing checks all before the first. */
export async function makeAvondRapporten(
  store: Store,
  inv: RapportKeuze & {
    avondId: number;
    /** The folder for the PDFs, created (and announced) once there is something to write. */ map: () => string;
  },
  om: RapportOmgeving,
): Promise<{ map: string; uitkomsten: Uitkomst[] }> {
  const adressen = await listRapportAdressen(store, inv.avondId);
  if (adressen.length === 0) throw new UserError("geen-bevindingen", `Avond ${inv.avondId} heeft geen bevindingen`);
  const map = inv.map();
  if (inv.onderteken)
    for (const a of adressen) await store.read((sql) => planOndertekening(sql, om, rapportBron(inv.avondId, a), inv.ondertekenaar));
  const uitkomsten: Uitkomst[] = [];
  for (const a of adressen)
    uitkomsten.push(await eenRapport(store, om, inv.avondId, a, inv, undefined, (k, v) => path.join(map, rapportBestandsnaam(k, v, a))));
  return { map, uitkomsten };
}

/** `rapport bevindingen --adres`: the report of one address, a concept, signed, or a signed version again (--versie). */
export async function makeAdresRapport(
  store: Store,
  inv: RapportKeuze & { avondId: number; adresId: number; pdf: string; versie?: number },
  om: RapportOmgeving,
): Promise<Uitkomst> {
  const { adres, met } = await store.read(async (sql) => {
    await requireAvond(sql, inv.avondId);
    return { adres: await requireAdres(sql, inv.adresId), met: await adressenMetBevindingen(sql, inv.avondId) };
  });
  if (!met.includes(adres.id)) {
    throw new UserError("geen-bevindingen", `Adres ${formatAdres(adres)} (id ${adres.id}) heeft geen bevindingen op avond ${inv.avondId}`);
  }
  return eenRapport(store, om, inv.avondId, adres, inv, inv.versie, () => inv.pdf);
}

/** What a report's signing rests on: its content now, that content's hash, its kenmerk and signed versions. */
export interface Plan<I> {
  inhoud: I;
  hash: string;
  kenmerk: string | null;
  versies: RapportVersie[];
}

/** Content every signed report has: its authors (who may sign) and its evidence (checked before signing). */
export interface Ondertekenbaar {
  auteurs: Auteur[];
  bijlagen: { nr: number; sha256: string }[];
}

/**
 * One kind of signed report: the evening's findings at an address, or a hercontrole. Each reads
 * its own facts and stores its own rows; signing, versions, reprints and concepts work the same.
 */
export interface RapportBron<I extends Ondertekenbaar> {
  /** "Het rapport voor Kerkstraat 12, 5504 AB Veldhoven": for messages. */
  naam: string;
  plan(sql: Sql): Promise<Plan<I>>;
  /** Why this content cannot be signed yet (empty: it can). */
  bezwaren(inhoud: I): string[];
  pdf(inv: RapportPdfInvoer<I>): Promise<Buffer>;
  /** Under the write lock, at signing: the report's kenmerk, given from the RVB counter the first time. */
  ensureKenmerk(tx: Tx, jaar: number): Promise<string>;
  insertVersie(tx: Tx, v: NieuweVersie<I>): Promise<number>;
}

/** A report printed: which version, signed or concept, and where. */
export interface Afdruk {
  id?: number;
  kenmerk: string | null;
  versie: number;
  status: "concept" | "ondertekend";
  herdruk: boolean;
  actueel: boolean;
  dagtekening: string;
  ondertekend_op: string | null;
  ondertekend_door: string | null;
  inhoud_sha256: string;
  pdf_sha256: string | null;
  bestand: string;
}

function rapportBron(avondId: number, adres: Adres): RapportBron<RapportInhoud> {
  return {
    naam: `Het rapport voor ${formatAdres(adres)}`,
    async plan(sql) {
      const avond: AvondKort = await requireAvond(sql, avondId);
      const { afdeling } = await briefhoofdVan(sql, adres.gemeente);
      const inhoud = makeInhoud(await getRapportGegevens(sql, avond, adres, afdeling));
      const rapport = await getRapport(sql, avondId, adres.id);
      return {
        inhoud,
        hash: inhoudHash(inhoud),
        kenmerk: rapport?.kenmerk ?? null,
        versies: rapport ? await listVersies(sql, rapport.id) : [],
      };
    },
    bezwaren: bezwarenTegenOndertekenen,
    async pdf(inv) {
      const { rapportBevindingenPdf } = await import("../render/pdf/rapport-bevindingen.js");
      const { pdfToBuffer } = await import("../render/pdf/document.js");
      return pdfToBuffer(rapportBevindingenPdf(inv));
    },
    async ensureKenmerk(tx, jaar) {
      return ((await getRapport(tx.sql, avondId, adres.id)) ?? (await insertRapport(tx, avondId, adres.id, jaar))).kenmerk;
    },
    async insertVersie(tx, v) {
      return insertVersie(tx, { ...v, rapport: (await getRapport(tx.sql, avondId, adres.id))! });
    },
  };
}

/** Checks that a report can be signed now; returns the signer's number. */
export async function planOndertekening<I extends Ondertekenbaar>(
  sql: Sql,
  om: RapportOmgeving,
  bron: RapportBron<I>,
  gevraagd: string | undefined,
): Promise<string> {
  const p = await bron.plan(sql);
  const laatste = p.versies[p.versies.length - 1];
  if (laatste && laatste.inhoud_sha256 === p.hash) return laatste.ondertekend_door; // already signed: nothing to do
  const bezwaren = bron.bezwaren(p.inhoud);
  if (bezwaren.length) {
    throw new UserError("niet-ondertekenbaar", `${bron.naam} kan nog niet worden ondertekend: ${bezwaren[0]}`, bezwaren.slice(1));
  }
  const keuze = chooseOndertekenaar(p.inhoud, gevraagd);
  if ("fout" in keuze) throw new UserError("ongeldige-invoer", `ondertekenaar: ${keuze.fout}`);
  for (const b of p.inhoud.bijlagen) {
    const toestand = await om.bewijs.toestand(sql, b.sha256);
    if (toestand !== "in-orde") {
      throw new UserError(
        "bijlagen-niet-in-orde",
        `Bijlage ${b.nr} (${b.sha256.slice(0, 12)}…) ${toestand === "ontbreekt" ? "ontbreekt" : "is gewijzigd"}; een rapport met een ontbrekend of gewijzigd bewijsstuk wordt niet ondertekend (zie bevinding bijlage controleer)`,
      );
    }
  }
  return keuze.nummer;
}

async function eenRapport(
  store: Store,
  om: RapportOmgeving,
  avondId: number,
  adres: Adres,
  opts: RapportKeuze,
  versie: number | undefined,
  bestand: (kenmerk: string | null, versie: number) => string,
): Promise<Uitkomst> {
  const { plan: p, afdruk } = await makeRapport(store, om, rapportBron(avondId, adres), opts, versie, bestand);
  const { id, inhoud_sha256, ...rest } = afdruk;
  // Keys in the order this command's JSON has always had.
  return {
    ...(id !== undefined ? { id } : {}),
    avond_id: avondId,
    adres_id: adres.id,
    adres: formatAdres(adres),
    inhoud_sha256,
    bevindingen: p.inhoud.waarnemingen.map((w) => w.bevinding_id),
    bijlagen: p.inhoud.bijlagen.length,
    onvolledig: p.inhoud.waarnemingen
      .filter((w) => w.ontbrekend.length)
      .map((w) => ({ bevinding_id: w.bevinding_id, ontbrekend: w.ontbrekend })),
    ...rest,
  };
}

/**
 * Prints a report: a signed version again from its stored copy (byte for byte what was signed;
 * `versie`, or the newest when the content did not change), a concept of the next version, or
 * (`onderteken`) the next version signed: its PDF kept in the private store, its content hashed,
 * its kenmerk given at the first signature. Another process signing meanwhile: planned again.
 */
export async function makeRapport<I extends Ondertekenbaar>(
  store: Store,
  om: RapportOmgeving,
  bron: RapportBron<I>,
  opts: RapportKeuze,
  versie: number | undefined,
  bestand: (kenmerk: string | null, versie: number) => string,
): Promise<{ plan: Plan<I>; afdruk: Afdruk }> {
  const bewijs = om.bewijs;
  for (let poging = 1; ; poging++) {
    const p = await store.read((sql) => bron.plan(sql));
    const laatste = p.versies[p.versies.length - 1];

    const herdruk =
      versie !== undefined ? p.versies.find((v) => v.versie === versie) : laatste?.inhoud_sha256 === p.hash ? laatste : undefined;
    if (versie !== undefined && !herdruk) {
      throw new UserError(
        "niet-gevonden",
        `Versie ${versie} van ${bron.naam.charAt(0).toLowerCase()}${bron.naam.slice(1)} bestaat niet (ondertekend: ${p.versies.map((v) => v.versie).join(", ") || "geen"})`,
      );
    }
    if (herdruk) {
      const r = await store.read((sql) => bewijs.lees(sql, herdruk.pdf_sha256));
      if ("fout" in r) {
        throw new UserError(
          "bijlagen-niet-in-orde",
          `De bewaarde PDF van ${p.kenmerk} versie ${herdruk.versie} ${r.fout === "ontbreekt" ? "ontbreekt" : "is gewijzigd"} (${herdruk.pdf_sha256}); zie bevinding bijlage controleer`,
        );
      }
      const file = bestand(p.kenmerk, herdruk.versie);
      writeOutput(file, r.data, "pdf", { overschrijven: opts.overschrijven, dbPath: om.dbPath });
      return {
        plan: p,
        afdruk: {
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
        },
      };
    }

    const nieuweVersie = (laatste?.versie ?? 0) + 1;
    const dagtekening = om.vandaag;
    const jaar = Number(dagtekening.slice(0, 4));
    const afbeeldingen = await store.read(async (sql) => {
      const uit = new Map<string, Buffer | "ontbreekt" | "gewijzigd">();
      for (const b of p.inhoud.bijlagen) {
        const r = await bewijs.lees(sql, b.sha256);
        uit.set(b.sha256, "data" in r ? r.data : r.fout);
      }
      return uit;
    });

    if (!opts.onderteken) {
      const file = bestand(p.kenmerk, nieuweVersie);
      const bytes = await bron.pdf({
        inhoud: p.inhoud,
        inhoudSha256: p.hash,
        kenmerk: p.kenmerk,
        versie: nieuweVersie,
        dagtekening,
        bijlagen: afbeeldingen,
      });
      writeOutput(file, bytes, "pdf", { overschrijven: opts.overschrijven, dbPath: om.dbPath });
      return {
        plan: p,
        afdruk: {
          kenmerk: p.kenmerk,
          versie: nieuweVersie,
          status: "concept",
          herdruk: false,
          actueel: true,
          dagtekening,
          ondertekend_op: null,
          ondertekend_door: null,
          inhoud_sha256: p.hash,
          pdf_sha256: null,
          bestand: path.resolve(file),
        },
      };
    }

    const gevraagd =
      opts.ondertekenaar ?? (p.inhoud.auteurs.length > 1 && om.ondertekenaar ? await om.ondertekenaar(p.inhoud.auteurs) : undefined);
    const { door, kenmerk } = await store.read(async (sql) => {
      const nummer = await planOndertekening(sql, om, bron, gevraagd);
      return { nummer, door: await requireToezichthouder(sql, nummer), kenmerk: p.kenmerk ?? (await getVolgendKenmerk(sql, jaar)) };
    });
    const auteur = p.inhoud.auteurs.find((a) => a.nummer === door.nummer)!;
    const op = om.moment(); // the signing moment agrees with the dagtekening, also with --vandaag
    const bytes = await bron.pdf({
      inhoud: p.inhoud,
      inhoudSha256: p.hash,
      kenmerk,
      versie: nieuweVersie,
      dagtekening,
      ondertekening: { door: auteur, op },
      bijlagen: afbeeldingen,
    });
    const plaatsing = bewijs.neemBytes(bytes);
    const file = bestand(kenmerk, nieuweVersie);
    let id = 0;
    try {
      await store.change(async (tx) => {
        // Re-read under the write lock: another process may have signed or changed something since.
        const nu = await bron.plan(tx.sql);
        const nuLaatste = nu.versies[nu.versies.length - 1];
        if (nu.hash !== p.hash || (nuLaatste?.versie ?? 0) !== nieuweVersie - 1 || (nu.kenmerk ?? kenmerk) !== kenmerk) throw new Opnieuw();
        if ((await bron.ensureKenmerk(tx, jaar)) !== kenmerk) throw new Opnieuw(); // rolls back the new kenmerk too
        id = await bron.insertVersie(tx, {
          kenmerk,
          versie: nieuweVersie,
          dagtekening,
          inhoud: p.inhoud,
          inhoudSha256: p.hash,
          pdfSha256: plaatsing.sha256,
          toezichthouderId: door.id,
          gebruiker: om.gebruiker,
          ondertekendOp: op,
        });
        await plaatsing.place(tx); // after the version that names it (PostgreSQL's row-level security asks)
        writeOutput(file, bytes, "pdf", { overschrijven: opts.overschrijven, dbPath: om.dbPath }); // inside: a PDF that cannot be written leaves nothing signed
      });
    } catch (err) {
      plaatsing.undo();
      if (!(err instanceof Opnieuw)) throw err;
      if (poging < 3) continue;
      throw new UserError("database-bezet", "Het rapport werd tegelijk door een ander proces gewijzigd; probeer het opnieuw");
    }
    return {
      plan: p,
      afdruk: {
        id,
        kenmerk,
        versie: nieuweVersie,
        status: "ondertekend",
        herdruk: false,
        actueel: true,
        dagtekening,
        ondertekend_op: op,
        ondertekend_door: door.nummer,
        inhoud_sha256: p.hash,
        pdf_sha256: plaatsing.sha256,
        bestand: path.resolve(file),
      },
    };
  }
}

/** Another process signed or changed the report between rendering and writing: plan again. */
class Opnieuw extends Error {}

import { displayPostcode, formatAdres, huisnummerTekst, straatRegel } from "./adres.js";
import { formatEuro } from "./bedrag.js";
import { type BriefGroep, type BriefOpvolging, type Briefhoofd, type RapportVerwijzing, type ZaakInfo } from "./brief.js";
import { addDays, type IsoDate } from "./dates.js";
import { citedHercontroles } from "./hercontrole.js";
import { dwangsomZin, eindeNa, invorderingVan, type Bestuursorgaan, type Spoor, type Stap, type Zaak } from "./ladder.js";
import { BETAALTERMIJN, BEZWAARTERMIJN, eindeTermijn, parseTermijn, termijnInWoorden, type Kalender, type Termijn } from "./termijn.js";

/**
 * Every value a letter template can use (documented in templates/README.md), built from a
 * group of follow-ups, the letterhead and the letter's date. Pure.
 */

export interface BestuursorgaanContext {
  code: Bestuursorgaan;
  /** "het college van burgemeester en wethouders van Bladel" / "de burgemeester van Veldhoven" */
  naam: string;
  /** "het college" / "de burgemeester" */
  kort: string;
  /** "namens het college van burgemeester en wethouders van Bladel," */
  ondertekening: string;
  /** The mandate the signatory signs under. */
  mandaat: string;
}

export function bestuursorgaanContext(code: Bestuursorgaan, gemeente: string, mandaat: string): BestuursorgaanContext {
  const naam = code === "burgemeester" ? `de burgemeester van ${gemeente}` : `het college van burgemeester en wethouders van ${gemeente}`;
  return { code, naam, kort: code === "burgemeester" ? "de burgemeester" : "het college", ondertekening: `namens ${naam},`, mandaat };
}

export interface Brief {
  kenmerk: string;
  datum: IsoDate;
}

/** One finding's handhavingszaak as a letter states it: the norm, the power, the measure, the terms, the sums. */
export interface ZaakContext {
  id: number;
  categorie: string;
  code: string;
  omschrijving: string;
  personen: number | null;
  maatregel: string | null;
  /** Date and time of the observation (5:9 Awb), as the signed report states them. */
  waarneming: { datum: IsoDate; tijdstip: string | null };
  /** The signed rapport van bevindingen this last rests on (required for a besluit). */
  rapport: RapportVerwijzing | null;
  voorschrift: string;
  bevoegdheid: string;
  herstelmaatregel: string;
  spoor: Spoor;
  spoed: boolean;
  /** Durations in words ("vier weken") and, counted from this letter's date, their last day (Atw). */
  hersteltermijn: { duur: string; tot: IsoDate };
  zienswijzetermijn: { duur: string; tot: IsoDate };
  begunstigingstermijn: { duur: string; tot: IsoDate };
  sluitingsduur: string | null;
  waarschuwingsgrondslag: string | null;
  dwangsom: { bedrag: string; per: string; maximum: string; zin: string } | null;
  voornemen: Brief | null;
  besluit: (Brief & { begunstigingTot: IsoDate }) | null;
  bestuurlijke_rapportage: { datum: IsoDate } | null;
  zienswijzen: { ontvangen: IsoDate; samenvatting: string; weging: string | null }[];
  hercontrole: { vanaf: IsoDate } | null;
  invordering: {
    constateringen: IsoDate[];
    aantal: number;
    bedrag: string;
    eerder: string | null;
    totaal: string;
    maximumBereikt: boolean;
  } | null;
  kosten: string | null;
  /**
   * The failed hercontroles an invordering or kostenverhaal rests on, each as signed in its rapport
   * van bevindingen: day and time, what was observed, and the report (kenmerk, version, dagtekening).
   */
  hercontroles: { datum: IsoDate; tijdstip: string | null; waarneming: string | null; rapport: RapportVerwijzing | null }[];
}

export interface BriefContext {
  brief: { datum: IsoDate; kenmerk: string; sjabloon: string };
  gemeente: {
    naam: string;
    afdeling: string;
    postadres: string | null;
    telefoon: string | null;
    email: string | null;
    rekening: string | null;
  };
  bestuursorgaan: BestuursorgaanContext;
  ontvanger: { naam: string; soort: "betrokkene" | "partner"; rol: string | null; adresregels: string[] };
  /** The overtreder (5:1 Awb) the letter is addressed to, in the capacity it names. */
  overtreder: { naam: string; hoedanigheid: string } | null;
  /** Others the letter is sent to (5:24 lid 3 Awb: rechthebbenden), "Naam (eigenaar)". */
  afschrift: string[];
  aanhef: string;
  adres: {
    volledig: string;
    straat: string;
    huisnummer: string;
    postcode: string;
    plaats: string;
    gemeente: string;
    type: string;
    /** A dwelling (woning, chalet, woonwagen): entering it needs the bewoner's consent or a machtiging (5:15 lid 1 Awb). */
    isWoning: boolean;
  };
  controle: { datum: IsoDate; doel: string };
  bevindingen: {
    categorie: string;
    code: string;
    omschrijving: string;
    grondslag: string | null;
    maatregel: string | null;
    personen: number | null;
    partner: string;
    waarneming: { datum: IsoDate; tijdstip: string | null };
    rapport: RapportVerwijzing | null;
  }[];
  /** The signed reports the findings of this letter rest on, each once. */
  rapporten: RapportVerwijzing[];
  /** The handhavingszaken of the findings in this letter, one last (or warning) each. */
  zaken: ZaakContext[];
  meerdere: boolean;
  grondslagen: string[];
  deadline: IsoDate;
  termijnen: { zienswijze: IsoDate; bezwaar: IsoDate; betaling: IsoDate };
  /** Of the first zaak: the voornemen a besluit follows, the besluit an invordering follows, … */
  voornemen: Brief | null;
  besluit: (Brief & { begunstigingTot: IsoDate }) | null;
  bestuurlijke_rapportage: { datum: IsoDate } | null;
  hercontrole: { vanaf: IsoDate } | null;
  zienswijzen: { ontvangen: IsoDate; samenvatting: string; weging: string | null }[];
  dwangsom: { bedrag: string; per: string; maximum: string };
  partner: { naam: string; metLidwoord: string };
  ondertekenaar: { naam: string | null; functie: string };
  /** The (first) signed rapport van bevindingen the letter rests on; see also `rapporten`. */
  rapport: RapportVerwijzing | null;
}

/** The least time a letter gives its recipient, counted from the letter's date. */
export const MINIMALE_TERMIJN_DAGEN = 7;

/** Roles whose holders the law wants to know of a last onder bestuursdwang (5:24 lid 3: rechthebbenden). */
const RECHTHEBBENDEN = new Set(["eigenaar", "verhuurder", "gebruiker", "bewoner", "exploitant", "vergunninghouder"]);

const WONINGEN = new Set(["woning", "chalet", "woonwagen"]);

/** Dwangsom shown by templates that predate the zaak (a letter without a zaak of the dwangsom track). */
const ZONDER_DWANGSOM = { bedrag: "€ 1.000", per: "week", maximum: "€ 10.000" };

export interface BriefInvoer {
  groep: BriefGroep;
  briefhoofd: Briefhoofd;
  datum: IsoDate;
  kenmerk: string;
  kalender: Kalender;
  /** Everyone linked to the address, for the afschrift. */
  betrokkenen: { id: number; naam: string; rol: string }[];
}

const duurVan = (t: string) => termijnInWoorden(parseTermijn(t));
const stapBrief = (z: Zaak, stap: Stap): Brief | null => [...z.stappen].reverse().find((s) => s.stap === stap && s.brief)?.brief ?? null;

function zaakContext(z: ZaakInfo, o: BriefOpvolging, datum: IsoDate, k: Kalender): ZaakContext {
  const p = z.profiel;
  const tot = (t: string) => eindeTermijn(k, datum, parseTermijn(t));
  const besluit = stapBrief(z, "besluit");
  const stap = z.stappen.find((s) => s.opvolgingId === o.opvolgingId);
  const inv = stap?.stap === "invordering" ? invorderingVan(z, stap, k) : null;
  const rapportage = [...z.stappen].reverse().find((s) => s.stap === "bestuurlijke-rapportage" && s.status === "afgerond" && s.geslotenOp);
  return {
    id: z.id,
    categorie: o.bevinding.categorieNaam,
    code: o.bevinding.categorie,
    omschrijving: o.bevinding.omschrijving,
    personen: o.bevinding.personen,
    maatregel: o.bevinding.maatregel,
    waarneming: o.bevinding.waarneming,
    rapport: o.bevinding.rapport,
    voorschrift: p.voorschrift,
    bevoegdheid: p.bevoegdheid,
    herstelmaatregel: p.herstelmaatregel,
    spoor: p.spoor,
    spoed: p.spoed,
    hersteltermijn: { duur: duurVan(p.hersteltermijn), tot: tot(p.hersteltermijn) },
    zienswijzetermijn: { duur: duurVan(p.zienswijzetermijn), tot: tot(p.zienswijzetermijn) },
    begunstigingstermijn: { duur: duurVan(p.begunstigingstermijn), tot: tot(p.begunstigingstermijn) },
    sluitingsduur: p.sluitingsduur ? duurVan(p.sluitingsduur) : null,
    waarschuwingsgrondslag: p.waarschuwingsgrondslag,
    dwangsom: p.dwangsom
      ? {
          bedrag: formatEuro(p.dwangsom.bedrag),
          per: p.dwangsom.per,
          maximum: formatEuro(p.dwangsom.maximum),
          zin: dwangsomZin(p.dwangsom),
        }
      : null,
    voornemen: stapBrief(z, "voornemen"),
    besluit: besluit ? { ...besluit, begunstigingTot: eindeNa(z, "besluit", k)!.einde } : null,
    bestuurlijke_rapportage: rapportage ? { datum: rapportage.geslotenOp! } : null,
    zienswijzen: z.zienswijzen.map((x) => ({ ontvangen: x.ontvangen, samenvatting: x.samenvatting, weging: x.weging })),
    hercontrole: stap?.stap === "hercontrole" && stap.nietVoor ? { vanaf: stap.nietVoor } : null,
    invordering: inv
      ? {
          constateringen: inv.verbeurd.constateringen,
          aantal: inv.verbeurd.eenheden,
          bedrag: formatEuro(inv.nu),
          eerder: inv.eerder > 0 ? formatEuro(inv.eerder) : null,
          totaal: formatEuro(inv.verbeurd.bedrag),
          maximumBereikt: inv.verbeurd.maximumBereikt,
        }
      : null,
    kosten: z.kosten !== null ? formatEuro(z.kosten) : null,
    hercontroles: (stap ? citedHercontroles(z, stap, o.hercontroles ?? [], k) : []).map((h) => ({
      datum: h.datum,
      tijdstip: h.tijdstip,
      waarneming: h.waarneming,
      rapport: h.rapport,
    })),
  };
}

/** The recipient's address lines for the window envelope. A partner's postadres may start with its full name. */
function adresregels(g: BriefGroep): { naam: string; regels: string[] } {
  const o = g.ontvanger;
  const split = (t: string) => t.split(/\s*[,\n]\s*/).filter(Boolean);
  if (o.soort === "partner") {
    const regels = o.postadres ? split(o.postadres) : [];
    const eigenNaam = regels[0]?.toLowerCase().startsWith(o.naam.toLowerCase()) ? regels.shift()! : o.naam;
    return { naam: eigenNaam, regels: ["t.a.v. de vaste vertegenwoordiger in het interventieteam", ...regels] };
  }
  const a = g.adres;
  return {
    naam: o.naam,
    regels: o.postadres ? split(o.postadres) : [straatRegel(a), `${displayPostcode(a.postcode)}  ${a.plaats.toUpperCase()}`],
  };
}

export function briefContext(inv: BriefInvoer): BriefContext {
  const { groep, briefhoofd: h, datum, kenmerk, kalender: k } = inv;
  const a = groep.adres;
  const eerste = groep.opvolgingen[0]!;
  const o = groep.ontvanger;
  const bevindingen = groep.opvolgingen
    .map((x) => x.bevinding)
    .filter((b, i, all) => all.findIndex((y) => y.id === b.id) === i)
    .map((b) => ({
      categorie: b.categorieNaam,
      code: b.categorie,
      omschrijving: b.omschrijving,
      grondslag: b.grondslag,
      maatregel: b.maatregel,
      personen: b.personen,
      partner: b.partner,
      waarneming: b.waarneming,
      rapport: b.rapport,
    }));
  const rapporten = bevindingen
    .map((b) => b.rapport)
    .filter((r): r is RapportVerwijzing => r !== null)
    .filter((r, i, all) => all.findIndex((x) => x.kenmerk === r.kenmerk && x.versie === r.versie) === i);
  const zaken = groep.opvolgingen
    .filter((x, i, all) => x.zaak !== null && all.findIndex((y) => y.zaak?.id === x.zaak!.id) === i)
    .map((x) => zaakContext(x.zaak!, x, datum, k));
  const grondslagen = [...new Set(bevindingen.map((b) => b.grondslag).filter((g): g is string => Boolean(g)))];
  const vroegste = groep.opvolgingen.map((x) => x.deadline).sort()[0]!;
  // A letter made late must not ask the recipient to act by a date that has passed.
  const deadline = [vroegste, addDays(datum, MINIMALE_TERMIJN_DAGEN)].sort()[1]!;
  const metOvertreder = groep.opvolgingen.map((x) => x.zaak).find((z) => z?.overtrederId === (o.soort === "betrokkene" ? o.id : -1));
  const { naam, regels } = adresregels(groep);
  const zienswijzen = zaken
    .flatMap((z) => z.zienswijzen)
    .filter((z, i, all) => all.findIndex((y) => y.ontvangen === z.ontvangen && y.samenvatting === z.samenvatting) === i);
  const afschrift = [...new Set(inv.betrokkenen.map((b) => b.id))]
    .filter((id) => !(o.soort === "betrokkene" && o.id === id))
    .map((id) => {
      const rollen = inv.betrokkenen.filter((b) => b.id === id && RECHTHEBBENDEN.has(b.rol)).map((b) => b.rol);
      return rollen.length ? `${inv.betrokkenen.find((b) => b.id === id)!.naam} (${rollen.join(" en ")})` : null;
    })
    .filter((x): x is string => x !== null);
  const eersteZaak = zaken[0];
  const zienswijzeTermijn: Termijn = eerste.zaak ? parseTermijn(eerste.zaak.profiel.zienswijzetermijn) : { aantal: 2, eenheid: "weken" };
  return {
    brief: { datum, kenmerk, sjabloon: groep.sjabloon },
    gemeente: {
      naam: h.gemeente,
      afdeling: h.afdeling,
      postadres: h.postadres,
      telefoon: h.telefoon,
      email: h.email,
      rekening: h.rekening,
    },
    bestuursorgaan: bestuursorgaanContext(
      groep.bestuursorgaan,
      h.gemeente,
      groep.bestuursorgaan === "burgemeester" ? (h.mandaatBurgemeester ?? h.mandaat) : h.mandaat,
    ),
    ontvanger: { naam, soort: o.soort, rol: o.soort === "betrokkene" ? o.rol : null, adresregels: regels },
    overtreder:
      metOvertreder && o.soort === "betrokkene"
        ? { naam: o.naam, hoedanigheid: metOvertreder.hoedanigheid ?? `${o.rol ?? "betrokkene"} van ${formatAdres(a)}` }
        : null,
    afschrift,
    aanhef: o.soort === "partner" ? "Geachte heer, mevrouw," : "Geachte heer/mevrouw,",
    adres: {
      volledig: formatAdres(a),
      straat: a.straat,
      huisnummer: huisnummerTekst(a),
      postcode: displayPostcode(a.postcode),
      plaats: a.plaats,
      gemeente: a.gemeente,
      type: a.type,
      isWoning: WONINGEN.has(a.type),
    },
    controle: { datum: eerste.avond.datum, doel: eerste.avond.doel },
    bevindingen,
    rapporten,
    zaken,
    meerdere: bevindingen.length > 1,
    grondslagen,
    deadline,
    termijnen: {
      zienswijze: eindeTermijn(k, datum, zienswijzeTermijn),
      bezwaar: eindeTermijn(k, datum, BEZWAARTERMIJN),
      betaling: eindeTermijn(k, datum, BETAALTERMIJN),
    },
    voornemen: eersteZaak?.voornemen ?? null,
    besluit: eersteZaak?.besluit ?? null,
    bestuurlijke_rapportage: eersteZaak?.bestuurlijke_rapportage ?? null,
    hercontrole: eersteZaak?.hercontrole ?? null,
    zienswijzen,
    dwangsom: eersteZaak?.dwangsom ?? ZONDER_DWANGSOM,
    partner: {
      naam: o.soort === "partner" ? o.naam : eerste.partner,
      metLidwoord: o.soort === "partner" && o.lidwoord ? `${o.lidwoord} ${o.naam}` : o.soort === "partner" ? o.naam : eerste.partner,
    },
    ondertekenaar: { naam: h.ondertekenaarNaam, functie: h.ondertekenaarFunctie },
    rapport: rapporten[0] ?? null,
  };
}

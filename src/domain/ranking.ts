import { adresMetGemeente, formatAdres, type AdresVelden } from "./adres.js";
import { daysBetween, formatDutch, type IsoDate } from "./dates.js";
import { aantal } from "./tekst.js";

/**
 * Ranks candidate addresses for a casustafel by evidence. Pure: the database
 * gathers the facts, this decides the order and explains it in Dutch.
 *
 * Order: (1) number of distinct partners with signals, (2) recency of the latest
 * signal in coarse bands, (3) earlier findings at the address or at other
 * addresses of the same betrokkene (any gemeente), (4) latest signal date, (5) id.
 */
export interface CandidateInput extends AdresVelden {
  adresId: number;
  gemeente: string;
  type: string;
  signalen: { partner: string; datum: IsoDate; thema: string | null; omschrijving: string }[];
  /** Earlier findings at this address. */
  bevindingenHier: number;
  /** Earlier findings at other addresses linked to the same betrokkene(n). */
  bevindingenElders: (AdresVelden & { gemeente: string; rol: string; aantal: number })[];
}

export interface Candidate {
  rang: number;
  adres_id: number;
  adres: string;
  gemeente: string;
  type: string;
  partners: string[];
  themas: string[];
  signalen: number;
  laatste_signaal: IsoDate | null;
  bevindingen_hier: number;
  bevindingen_elders: number;
  redenen: string[];
  /** What the signals say, newest first: the casustafel decides on content, not only on who sent them. */
  signaalteksten: { datum: IsoDate; partner: string; thema: string | null; omschrijving: string }[];
}

/** Recency bands in days since the latest signal: within a band, earlier findings decide. */
const BANDS: { days: number; label: string }[] = [
  { days: 30, label: "afgelopen maand" },
  { days: 91, label: "afgelopen drie maanden" },
  { days: 182, label: "afgelopen half jaar" },
];

export function recencyBand(latest: IsoDate | null, today: IsoDate): number {
  if (latest === null) return 0;
  const age = daysBetween(latest, today);
  const i = BANDS.findIndex((b) => age <= b.days);
  return i === -1 ? 0 : BANDS.length - i;
}

function distinct(values: (string | null)[]): string[] {
  return [...new Set(values.filter((v): v is string => v !== null && v !== ""))];
}

function describe(c: CandidateInput, today: IsoDate): Omit<Candidate, "rang"> & { band: number } {
  const partners = distinct(c.signalen.map((s) => s.partner));
  const latest = c.signalen.reduce<IsoDate | null>((max, s) => (max === null || s.datum > max ? s.datum : max), null);
  const elders = c.bevindingenElders.reduce((n, e) => n + e.aantal, 0);
  const band = recencyBand(latest, today);
  const redenen: string[] = [];
  if (partners.length > 0) {
    redenen.push(
      `${aantal(partners.length, "partner", "partners")} met signalen: ${partners.join(", ")} (${aantal(c.signalen.length, "signaal", "signalen")})`,
    );
  } else {
    redenen.push("geen signalen");
  }
  if (latest !== null) {
    const age = daysBetween(latest, today);
    const label = band > 0 ? BANDS[BANDS.length - band]!.label : "ouder dan een half jaar";
    redenen.push(`laatste signaal ${formatDutch(latest)}, ${aantal(age, "dag", "dagen")} geleden (${label})`);
  }
  if (c.bevindingenHier > 0) redenen.push(`${aantal(c.bevindingenHier, "eerdere bevinding", "eerdere bevindingen")} op dit adres`);
  for (const e of c.bevindingenElders) {
    if (e.aantal > 0)
      redenen.push(`dezelfde ${e.rol} heeft ${aantal(e.aantal, "eerdere bevinding", "eerdere bevindingen")} op ${adresMetGemeente(e)}`);
  }
  return {
    adres_id: c.adresId,
    adres: formatAdres(c),
    gemeente: c.gemeente,
    type: c.type,
    partners,
    themas: distinct(c.signalen.map((s) => s.thema)),
    signalen: c.signalen.length,
    laatste_signaal: latest,
    bevindingen_hier: c.bevindingenHier,
    bevindingen_elders: elders,
    redenen,
    signaalteksten: [...c.signalen]
      .sort((a, b) => b.datum.localeCompare(a.datum))
      .map((x) => ({ datum: x.datum, partner: x.partner, thema: x.thema, omschrijving: x.omschrijving })),
    band,
  };
}

export function rankCandidates(inputs: CandidateInput[], today: IsoDate): Candidate[] {
  const described = inputs.map((c) => describe(c, today));
  described.sort(
    (a, b) =>
      b.partners.length - a.partners.length ||
      b.band - a.band ||
      b.bevindingen_hier + b.bevindingen_elders - (a.bevindingen_hier + a.bevindingen_elders) ||
      (b.laatste_signaal ?? "").localeCompare(a.laatste_signaal ?? "") ||
      a.adres_id - b.adres_id,
  );
  return described.map(({ band: _band, ...c }, i) => ({ rang: i + 1, ...c }));
}

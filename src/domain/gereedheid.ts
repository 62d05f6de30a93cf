/**
 * Is a control evening safe and complete enough to run? Pure: lists every
 * missing element, each with a stable code and a Dutch sentence.
 */
export type Risico = "laag" | "midden" | "hoog";

export interface AvondStand {
  rollen: { rol: string; naam: string; partner: string }[];
  adressen: { adres: string; risico: Risico | null }[];
  verzamelpunt: string | null;
  codewoord: string | null;
  /** Partners the casustafel asked for, with the addresses that need them. */
  gevraagdePartners: { partner: string; adressen: string[] }[];
}

export interface Ontbrekend {
  code:
    | "geen-adressen"
    | "geen-teamleider"
    | "geen-politie"
    | "geen-risico"
    | "te-weinig-politie"
    | "geen-verzamelpunt"
    | "geen-codewoord"
    | "partner-ontbreekt";
  bericht: string;
}

export const POLITIE = "politie";
/** Officers needed at the highest risk level: at least two where any address is hoog. */
export const POLITIE_BIJ_HOOG = 2;

export function checkGereedheid(stand: AvondStand): { gereed: boolean; ontbreekt: Ontbrekend[] } {
  const ontbreekt: Ontbrekend[] = [];
  const add = (code: Ontbrekend["code"], bericht: string) => ontbreekt.push({ code, bericht });
  if (stand.adressen.length === 0) add("geen-adressen", "Er staan geen adressen op de avond");
  if (!stand.rollen.some((r) => r.rol.toLowerCase() === "teamleider")) add("geen-teamleider", "Er is geen teamleider aangewezen");
  const agenten = new Set(stand.rollen.filter((r) => r.partner.toLowerCase() === POLITIE).map((r) => r.naam.toLowerCase()));
  if (agenten.size === 0) add("geen-politie", "De politie is niet in het team opgenomen (rol beveiliging)");
  for (const a of stand.adressen) {
    if (a.risico === null) add("geen-risico", `Geen risico-inschatting voor ${a.adres}`);
  }
  const hoog = stand.adressen.filter((a) => a.risico === "hoog");
  if (hoog.length > 0 && agenten.size < POLITIE_BIJ_HOOG) {
    add(
      "te-weinig-politie",
      `Risico hoog bij ${hoog.map((a) => a.adres).join("; ")}: minstens ${POLITIE_BIJ_HOOG} politiemensen nodig, nu ${agenten.size}`,
    );
  }
  if (!stand.verzamelpunt) add("geen-verzamelpunt", "Het noodplan heeft geen verzamelpunt");
  if (!stand.codewoord) add("geen-codewoord", "Het noodplan heeft geen codewoord");
  const aanwezig = new Set(stand.rollen.map((r) => r.partner.toLowerCase()));
  for (const g of stand.gevraagdePartners) {
    if (!aanwezig.has(g.partner.toLowerCase()) && !(g.partner.toLowerCase() === POLITIE && agenten.size === 0)) {
      add("partner-ontbreekt", `${g.partner} is gevraagd door de casustafel (${g.adressen.join("; ")}) maar zit niet in het team`);
    }
  }
  return { gereed: ontbreekt.length === 0, ontbreekt };
}

/** Requests per address ({partner, adres} rows, in address order) grouped per partner, partners by name. */
export function perPartner(rows: { partner: string; adres: string }[]): { partner: string; adressen: string[] }[] {
  const out = new Map<string, string[]>();
  for (const r of [...rows].sort((a, b) => a.partner.localeCompare(b.partner)))
    out.set(r.partner, [...(out.get(r.partner) ?? []), r.adres]);
  return [...out.entries()].map(([partner, adressen]) => ({ partner, adressen }));
}

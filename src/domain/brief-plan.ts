import { formatAdres } from "./adres.js";
import type { BriefItem, BriefOpvolging, Ontvanger } from "./brief.js";
import { formatDutch, type IsoDate } from "./dates.js";
import { citedHercontroles } from "./hercontrole.js";
import {
  briefVoltooit,
  handhavingsSjablonen,
  isKlaar,
  stapNaam,
  stapSjabloon,
  stapVanSjabloon,
  type LadderData,
  type Stap,
} from "./ladder.js";
import type { Kalender } from "./termijn.js";

/**
 * Which letter a follow-up gets, to whom and from which bestuursorgaan, or why none (yet).
 * Pure: the caller reads the follow-up, the address's betrokkenen and the partner.
 */

export type Beoordeling =
  | { soort: "brief"; item: BriefItem }
  | { soort: "overgeslagen"; reden: string }
  | { soort: "tegengehouden"; reden: string; tot: IsoDate | null };

/** Ladder steps whose letter goes to the overtreder, never to an eigenaar merely for being eigenaar. */
const AAN_OVERTREDER: ReadonlySet<Stap> = new Set(["voornemen", "besluit", "invordering", "kostenverhaal"]);

/**
 * Who gets a letter that needs no overtreder (a waarschuwing, an announcement) when none is
 * designated: the eigenaar or verhuurder as before; at a horeca address with only an exploitant, him.
 */
const ZONDER_OVERTREDER = ["eigenaar", "verhuurder", "exploitant", "vergunninghouder", "gebruiker", "bewoner"];

export interface BeoordelingInvoer {
  o: BriefOpvolging & { status: string; sjabloon: string | null };
  /** --sjabloon, else the follow-up's own. */
  sjabloon: string | undefined;
  /** Does the template go to the partner of the follow-up (front matter `aan: partner`)? */
  aanPartner: (sjabloon: string) => boolean;
  betrokkenen: { id: number; naam: string; postadres: string | null; rol: string }[];
  partner: { id: number; naam: string; lidwoord: "de" | "het" | null; postadres: string | null };
  /** --aan: a betrokkene chosen by the user. */
  aan?: { id: number; naam: string; postadres: string | null };
  /** In a batch an announcement (aankondiging hercontrole) is not printed; `brief maak` does. */
  batch: boolean;
  vandaag: IsoDate;
  kalender: Kalender;
  ladder: LadderData;
  /** Commands that fix what is missing, for the messages. */
  hints: {
    overtreder: string;
    weging: (id: number) => string;
    kosten: string;
    rapport: (avond: number, adres: number) => string;
    hercontrole: (opvolgingId: number) => string;
  };
}

export function assessBrief(inv: BeoordelingInvoer): Beoordeling {
  const { o, ladder } = inv;
  const z = o.zaak;
  const stap = o.stap;
  const sjabloon = inv.sjabloon ?? o.sjabloon ?? (z && stap ? stapSjabloon(ladder, stap, z.profiel.spoor) : undefined);
  const overslaan = (reden: string): Beoordeling => ({ soort: "overgeslagen", reden });
  if (!sjabloon) return overslaan(`actie "${o.actie}" vraagt geen brief`);
  if (handhavingsSjablonen(ladder).has(sjabloon)) {
    if (!z) {
      return overslaan(
        `${o.bevinding.categorieNaam} (bevinding ${o.bevinding.id}) valt niet onder de handhaving van de gemeente maar onder die van ${o.bevinding.partner}: geen gemeentelijke handhavingsbrief (${sjabloon})`,
      );
    }
    const hoort = stapVanSjabloon(ladder, sjabloon, z.profiel.spoor);
    if (hoort !== undefined && hoort !== stap && !ladder.ookHandhavingsbrieven.includes(sjabloon)) {
      return overslaan(
        `sjabloon ${sjabloon} hoort bij ${stapNaam(hoort)}; opvolging ${o.opvolgingId} is ${stap ? stapNaam(stap) : `"${o.actie}"`}`,
      );
    }
  }
  const eigenStap = z !== null && stap !== null && sjabloon === stapSjabloon(ladder, stap, z.profiel.spoor);
  if (eigenStap && !briefVoltooit(ladder, stap) && inv.batch) {
    return overslaan(`${stapNaam(stap)}: de aankondiging maakt u zo nodig met brief maak --opvolging ${o.opvolgingId}`);
  }
  if (eigenStap && briefVoltooit(ladder, stap)) {
    const s = z.stappen.find((x) => x.opvolgingId === o.opvolgingId);
    if (s) {
      const k = isKlaar(z, s, inv.vandaag, inv.kalender, inv.hints);
      if (!k.klaar) return { soort: "tegengehouden", reden: k.reden, tot: k.tot };
      // An invordering or kostenverhaal rests on the signed record of each failed hercontrole it counts.
      const ongetekend = citedHercontroles(z, s, o.hercontroles ?? [], inv.kalender).find((h) => h.rapport === null);
      if (ongetekend) {
        return {
          soort: "tegengehouden",
          reden: `${stapNaam(stap)} rust op een ondertekend rapport van bevindingen van de hercontrole van ${formatDutch(ongetekend.datum)} (opvolging ${ongetekend.opvolgingId}), dat er nog niet is: ${inv.hints.hercontrole(ongetekend.opvolgingId)}`,
          tot: null,
        };
      }
    }
    // A besluit rests on a signed record of the observation (ECLI:NL:RVS:2017:1179).
    if (stap === "besluit" && o.bevinding.rapport === null) {
      return {
        soort: "tegengehouden",
        reden: `het besluit rust op een ondertekend rapport van bevindingen en bevinding ${o.bevinding.id} staat nog in geen ondertekend rapport: ${inv.hints.rapport(o.avond.id, o.adres.id)}`,
        tot: null,
      };
    }
  }
  const bestuursorgaan = z?.profiel.bestuursorgaan ?? "college";
  const sleutel = z && stap === "voornemen" ? z.profiel.zienswijzetermijn : undefined;
  const brief = (ontvanger: Ontvanger): Beoordeling => ({
    soort: "brief",
    item: { opvolging: o, sjabloon, ontvanger, bestuursorgaan, sleutel },
  });

  if (inv.aanPartner(sjabloon)) {
    const p = inv.partner;
    if (p.naam.toLowerCase() === "gemeente") return overslaan("de gemeente schrijft geen brief aan zichzelf");
    return brief({ soort: "partner", id: p.id, naam: p.naam, lidwoord: p.lidwoord, postadres: p.postadres });
  }
  const betrokkene = (id: number): Ontvanger | undefined => {
    const rollen = inv.betrokkenen.filter((b) => b.id === id);
    const b = rollen[0] ?? (inv.aan?.id === id ? { ...inv.aan, rol: null } : undefined);
    return b ? { soort: "betrokkene", id: b.id, naam: b.naam, postadres: b.postadres, rol: rollen[0]?.rol ?? null } : undefined;
  };
  if (eigenStap && AAN_OVERTREDER.has(stap)) {
    if (inv.aan && inv.aan.id !== z.overtrederId) {
      return overslaan(
        `${stapNaam(stap)} gaat aan de overtreder${z.overtrederId !== null ? ` (betrokkene ${z.overtrederId})` : ""}; wijs een andere overtreder aan met --overtreder <betrokkene-id> zolang het voornemen niet is verzonden`,
      );
    }
    const ov = z.overtrederId !== null ? betrokkene(z.overtrederId) : undefined;
    if (!ov) return { soort: "tegengehouden", reden: `wijs eerst de overtreder aan: ${inv.hints.overtreder}`, tot: null };
    return brief(ov);
  }
  if (inv.aan) return brief(betrokkene(inv.aan.id)!);
  const gekozen =
    (z?.overtrederId !== null && z?.overtrederId !== undefined ? betrokkene(z.overtrederId) : undefined) ??
    ZONDER_OVERTREDER.map((rol) => inv.betrokkenen.find((b) => b.rol === rol))
      .map((b) => (b ? betrokkene(b.id) : undefined))
      .find(Boolean);
  if (!gekozen) {
    return overslaan(
      `geen eigenaar of andere betrokkene bekend voor ${formatAdres(o.adres)}; gebruik brief maak --opvolging ${o.opvolgingId} --aan <betrokkene-id>`,
    );
  }
  return brief(gekozen);
}

import type { IsoDate } from "./dates.js";
import { isGesloten, isVerlopen } from "./opvolging.js";

/** Counts for the head of a terugkoppeling: what happened with a partner's findings. Pure. */
export function totalen(rows: { opvolgingen: { status: string; deadline: IsoDate }[] }[], vandaag: IsoDate) {
  const alle = rows.flatMap((r) => r.opvolgingen);
  return {
    bevindingen: rows.length,
    opvolgingen: alle.length,
    afgerond: alle.filter((o) => o.status === "afgerond").length,
    doodgelopen: alle.filter((o) => o.status === "doodgelopen").length,
    open: alle.filter((o) => !isGesloten(o.status)).length,
    verlopen: alle.filter((o) => isVerlopen(o, vandaag)).length,
    /** Findings whose every follow-up is closed. */
    bevindingenAfgesloten: rows.filter((r) => r.opvolgingen.length > 0 && r.opvolgingen.every((o) => isGesloten(o.status))).length,
  };
}

export const BETROKKENHEID_TEKST: Record<string, string> = {
  signaal: "signaal aangeleverd",
  eigenaar: "eigenaar bevinding",
  opvolging: "voert opvolging uit",
};

import type { Sql } from "../db/sql.js";
import { requireAvond } from "../db/avond.js";
import { requireBevinding } from "../db/bevinding.js";
import { requireZaak } from "../db/handhaving.js";
import { requireGemeente, requirePartner, type Gemeente, type Partner } from "../db/referentie.js";

/**
 * The filters of the `lijst` commands, as typed: names and ids. One policy for all of them: a name
 * or id that does not exist is the user's error (exit 2, "Avond 99 bestaat niet"), never an empty list.
 */
export interface FilterInvoer {
  gemeente?: string;
  partner?: string;
  avond?: number;
  bevinding?: number;
  handhaving?: number;
}

export interface Filter {
  gemeente?: Gemeente;
  partner?: Partner;
  gemeenteId?: number;
  partnerId?: number;
  avondId?: number;
  bevindingId?: number;
  handhavingId?: number;
}

export async function resolveFilter(sql: Sql, f: FilterInvoer): Promise<Filter> {
  const gemeente = f.gemeente !== undefined ? await requireGemeente(sql, f.gemeente) : undefined;
  const partner = f.partner !== undefined ? await requirePartner(sql, f.partner) : undefined;
  return {
    gemeente,
    partner,
    gemeenteId: gemeente?.id,
    partnerId: partner?.id,
    avondId: f.avond !== undefined ? (await requireAvond(sql, f.avond)).id : undefined,
    bevindingId: f.bevinding !== undefined ? (await requireBevinding(sql, f.bevinding)).id : undefined,
    handhavingId: f.handhaving !== undefined ? (await requireZaak(sql, f.handhaving)).id : undefined,
  };
}

import type { Store } from "../db/store.js";
import type { Sql } from "../db/sql.js";
import {
  getZakenVanBrief,
  insertZienswijze,
  listZienswijzen,
  requireZaak,
  updateBesluitVanaf,
  updateWeging,
  type ZienswijzeRij,
} from "../db/handhaving.js";
import { requireOpvolging } from "../db/opvolging.js";
import { formatDutch } from "../domain/dates.js";
import { isOpen } from "../domain/opvolging.js";
import { notFound, UserError } from "../errors.js";
import { resolveFilter } from "./filter.js";

/** The zaak's besluit is still to be made (a voornemen was sent, the besluit step is open). */
async function besluitOpen(sql: Sql, zaakId: number): Promise<boolean> {
  return (await requireZaak(sql, zaakId)).stappen.some((s) => s.stap === "besluit" && isOpen(s.status));
}

/**
 * `zienswijze toevoegen`: a zienswijze received on a voornemen (every zaak of that letter, or the
 * zaak of one follow-up); the besluit is due at once, once the zienswijze is weighed.
 */
export function addZienswijzen(
  store: Store,
  z: { brief?: string; opvolgingId?: number; ontvangen: string; samenvatting: string; weging: string | null },
): Promise<ZienswijzeRij[]> {
  return store.change(async (tx) => {
    let zaakIds: number[];
    let briefId: number | null = null;
    if (z.brief !== undefined) {
      const b = await getZakenVanBrief(tx.sql, z.brief);
      if (!b) throw notFound("Brief", z.brief);
      if (b.zaakIds.length === 0) throw new UserError("geen-zaak", `Brief ${z.brief} hoort niet bij een handhavingszaak`);
      zaakIds = b.zaakIds;
      briefId = b.briefId;
    } else {
      const o = await requireOpvolging(tx.sql, z.opvolgingId!);
      if (o.handhaving_id === null) throw new UserError("geen-zaak", `Opvolging ${o.id} hoort niet bij een handhavingszaak`);
      zaakIds = [o.handhaving_id];
    }
    const rows: ZienswijzeRij[] = [];
    for (const zaakId of zaakIds) {
      const zaak = await requireZaak(tx.sql, zaakId);
      const voornemen = [...zaak.stappen].reverse().find((s) => s.stap === "voornemen" && s.brief);
      if (!voornemen?.brief) throw new UserError("geen-voornemen", `Handhavingszaak ${zaakId} heeft nog geen verzonden voornemen`);
      if (!(await besluitOpen(tx.sql, zaakId)))
        throw new UserError("al-gesloten", `Het besluit van handhavingszaak ${zaakId} is al genomen`);
      if (z.ontvangen < voornemen.brief.datum) {
        throw new UserError(
          "ongeldige-invoer",
          `ontvangen: ${formatDutch(z.ontvangen)} ligt vóór het voornemen ${voornemen.brief.kenmerk} (${formatDutch(voornemen.brief.datum)})`,
        );
      }
      const id = await insertZienswijze(tx, {
        handhavingId: zaakId,
        briefId,
        ontvangen: z.ontvangen,
        samenvatting: z.samenvatting,
        weging: z.weging,
      });
      await updateBesluitVanaf(tx, zaakId, z.ontvangen);
      rows.push((await listZienswijzen(tx.sql, { id }))[0]!);
    }
    return rows;
  });
}

/** `zienswijze wegen`: how it was weighed, while the besluit (that names it) is still to be made. */
export function weighZienswijze(store: Store, id: number, weging: string): Promise<ZienswijzeRij> {
  return store.change(async (tx) => {
    const [z] = await listZienswijzen(tx.sql, { id });
    if (!z) throw notFound("Zienswijze", id);
    if (!(await besluitOpen(tx.sql, z.handhaving_id)))
      throw new UserError("al-gesloten", `Het besluit van handhavingszaak ${z.handhaving_id} is al genomen; de weging staat daarin`);
    await updateWeging(tx, id, weging);
    return (await listZienswijzen(tx.sql, { id }))[0]!;
  });
}

/** `zienswijze lijst`: all, or those of one zaak (an unknown zaak is the user's error). */
export function showZienswijzen(store: Store, f: { handhaving?: number }): Promise<ZienswijzeRij[]> {
  return store.read(async (sql) => listZienswijzen(sql, { handhavingId: (await resolveFilter(sql, f)).handhavingId }));
}

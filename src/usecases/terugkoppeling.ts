import type { Store } from "../db/store.js";
import { requirePartner } from "../db/referentie.js";
import { listBesluitenOver, listBezoekenAan, listPartnerSignalen, listTerugkoppeling } from "../db/terugkoppeling.js";
import { metAdres } from "../domain/adres.js";
import { opvolgingView } from "../domain/opvolging.js";
import { bevindingVoorPartner, signaalTotalen, signaalUitkomst, totalen, type TerugkoppelingData } from "../domain/terugkoppeling.js";

/**
 * `rapport terugkoppeling`: for one partner, what became of every signal it brought in and of the
 * findings it is involved in — shared only as far as the partner needs (domain/terugkoppeling.ts).
 */
export function showTerugkoppeling(store: Store, partnerNaam: string, vandaag: string): Promise<TerugkoppelingData> {
  return store.read(async (sql) => {
    const partner = await requirePartner(sql, partnerNaam);
    const signalen = [];
    for (const s of await listPartnerSignalen(sql, partner.id)) {
      signalen.push({
        ...metAdres(s),
        ...signaalUitkomst(s.datum, await listBesluitenOver(sql, s.adres_id), await listBezoekenAan(sql, s.adres_id), vandaag),
      });
    }
    const rows = (await listTerugkoppeling(sql, partner.id, vandaag)).map((r) => ({
      bevinding: metAdres(r.bevinding),
      opvolgingen: r.opvolgingen.map((o) => opvolgingView(o, vandaag)),
    }));
    return {
      partner: partner.naam,
      datum: vandaag,
      totalen: totalen(rows),
      signaaltotalen: signaalTotalen(signalen),
      signalen,
      bevindingen: rows.map((r) => bevindingVoorPartner(r.bevinding, r.opvolgingen, partner.naam)),
    };
  });
}

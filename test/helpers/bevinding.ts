import { addAdres, cli, initDb, ok } from "./cli.js";
import { insertAvond } from "./fixtures.js";

/** A KIT database with three addresses; an evening on 19 November 2026 visiting the first two. */
export function avondMetAdressen() {
  const db = initDb();
  const kerkstraat = addAdres(db);
  const industrieweg = addAdres(db, {
    postcode: "5531NK",
    huisnummer: "7",
    straat: "Industrieweg",
    plaats: "Bladel",
    gemeente: "Bladel",
    type: "loods",
  });
  const markt = addAdres(db, {
    postcode: "5521AJ",
    huisnummer: "3",
    straat: "Markt",
    plaats: "Eersel",
    gemeente: "Eersel",
    type: "horeca",
  });
  const avond = insertAvond(db, { datum: "2026-11-19", adressen: [kerkstraat, industrieweg] });
  return { db, avond, kerkstraat, industrieweg, markt };
}

export function voegToe(db: string, avond: number, adres: number, categorie: string, extra: string[] = []): any {
  return ok(
    cli(db, [
      "--json",
      "bevinding",
      "toevoegen",
      "--avond",
      String(avond),
      "--adres",
      String(adres),
      "--categorie",
      categorie,
      "--omschrijving",
      `Aangetroffen: ${categorie}`,
      ...extra,
    ]),
  ).json();
}

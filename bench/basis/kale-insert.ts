/**
 * Baseline for `bevinding importeren`: the least a hand-written script must do to insert the
 * same CSV rows. Reads the file whole, splits on commas (the generated texts contain no commas,
 * so the file has no quoted fields; checked),
 * resolves address and category ids from two maps, and inserts every row with one prepared
 * statement in one transaction. No validation, no follow-up actions, no audit log.
 *
 *   node kale-insert.cjs <database> <bestand.csv> <avond-id>
 */
import Database from "better-sqlite3";
import fs from "node:fs";

const [dbPad, csvPad, avondArg] = process.argv.slice(2);
const db = new Database(dbPad!);
const avond = Number(avondArg);
const adres = new Map<string, number>();
for (const a of db.prepare("SELECT id, postcode, huisnummer, toevoeging FROM adres").all() as {
  id: number;
  postcode: string;
  huisnummer: number;
  toevoeging: string;
}[]) {
  adres.set(`${a.postcode}|${a.huisnummer}|${a.toevoeging}`, a.id);
}
const categorie = new Map<string, { id: number; partner: number }>();
for (const c of db.prepare("SELECT id, code, partner_id FROM categorie").all() as { id: number; code: string; partner_id: number }[]) {
  categorie.set(c.code, { id: c.id, partner: c.partner_id });
}
const insert = db.prepare(
  "INSERT INTO bevinding (avond_id, adres_id, categorie_id, partner_id, omschrijving, maatregel, personen, aangemaakt) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
);
const nu = new Date().toISOString();
const tekst = fs.readFileSync(csvPad!, "utf8");
if (tekst.includes('"')) throw new Error("kale-insert verwacht een CSV zonder aanhalingstekens");
const regels = tekst
  .split("\n")
  .slice(1)
  .filter((r) => r !== "");
db.transaction(() => {
  for (const r of regels) {
    const [postcode, huisnummer, toevoeging, code, omschrijving, , maatregel, personen] = r.split(",");
    const c = categorie.get(code!)!;
    insert.run(
      avond,
      adres.get(`${postcode}|${huisnummer}|${toevoeging}`),
      c.id,
      c.partner,
      omschrijving,
      maatregel || null,
      personen ? Number(personen) : null,
      nu,
    );
  }
})();
db.close();
process.stdout.write(`${regels.length}\n`);

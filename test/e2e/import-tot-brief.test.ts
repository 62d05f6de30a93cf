import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cli, ok, tempDir } from "../helpers/cli.js";
import { avondMetAdressen } from "../helpers/bevinding.js";
import { pdfTekst } from "../helpers/ladder.js";

/**
 * The whole chain through the CLI only, no rows inserted by SQL: a CSV of findings, the default
 * follow-ups its categories prescribe (reference data), and the letter one of them asks for.
 */
describe("CSV-import → standaard-opvolging → brief", () => {
  it("een overbewoning uit een CSV krijgt het informatiebericht aan de Arbeidsinspectie, en die brief noemt adres en bevinding", async () => {
    const { db, avond } = avondMetAdressen();
    const dir = tempDir();
    const csv = path.join(dir, "avond.csv");
    fs.writeFileSync(
      csv,
      "postcode;huisnummer;toevoeging;categorie;omschrijving;partner;maatregel;personen\n" +
        "5504 AB;12;;overbewoning;14 personen op 4 slaapkamers;;;14\n",
    );
    const imp = ok(cli(db, ["--json", "--vandaag", "2026-11-20", "bevinding", "importeren", csv, "--avond", String(avond)])).json();
    expect(imp).toMatchObject({ geimporteerd: 1, waarschuwingen: [] });
    // The category's own rule and the first step of its ladder (the gemeente enforces overbewoning).
    expect(imp.opvolgingen).toBe(2);

    const opvolgingen = ok(cli(db, ["--json", "--vandaag", "2026-11-20", "opvolging", "lijst", "--avond", String(avond)])).json() as {
      id: number;
      actie: string;
      partner: string;
      sjabloon: string | null;
      adres: string;
    }[];
    const bericht = opvolgingen.find((o) => o.actie === "partner informeren");
    expect(bericht).toMatchObject({ partner: "Nederlandse Arbeidsinspectie", sjabloon: "informatiebericht-partner" });
    expect(bericht!.adres).toBe("Kerkstraat 12, 5504 AB Veldhoven");

    const uit = path.join(dir, "brieven");
    const brief = ok(
      cli(db, ["--json", "--vandaag", "2026-11-20", "brief", "maak", "--opvolging", String(bericht!.id), "--uit", uit]),
    ).json();
    const tekst = await pdfTekst(brief.bestand);
    expect(tekst).toContain("Arbeidsinspectie");
    expect(tekst).toContain("Kerkstraat 12");
    expect(tekst).toMatch(/[Oo]verbewoning/);
  });
});

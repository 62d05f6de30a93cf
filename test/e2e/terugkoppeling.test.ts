import fs from "node:fs";
import path from "node:path";
import { PDFParse } from "pdf-parse";
import { beforeAll, describe, expect, it } from "vitest";
import { addAdres, cli, initDb, ok, signaalArgs, tempDir, TESTADRESSEN } from "../helpers/cli.js";
import { insertBevinding, insertOpvolging } from "../helpers/fixtures.js";

/**
 * UWV brings in four signals. One is turned down at the casustafel, one is visited and
 * nothing is found, one leads to a finding of the Gemeente and one of UWV itself, one
 * came in after the casustafel and waits. What does UWV get to read?
 */
let db: string;
const a: Record<string, number> = {};
beforeAll(() => {
  db = initDb();
  a.afgewezen = addAdres(db, TESTADRESSEN.dorpstraat);
  a.niets = addAdres(db, TESTADRESSEN.markt);
  a.gevonden = addAdres(db, TESTADRESSEN.kerkstraat);
  a.later = addAdres(db, TESTADRESSEN.industrieweg);
  const signaal = (adres: number, datum: string, omschrijving: string, partner = "UWV") =>
    ok(cli(db, signaalArgs(adres, omschrijving, datum, partner)));
  signaal(a.afgewezen!, "2026-10-01", "Uitkering op een adres met veel bewoners");
  signaal(a.niets!, "2026-10-02", "Werknemers met uitkering in de keuken");
  signaal(a.gevonden!, "2026-10-03", "Meerdere uitkeringen op één adres");
  signaal(a.gevonden!, "2026-10-04", "Overlast", "Politie");
  signaal(a.later!, "2026-11-10", "Nieuwe melding na de casustafel");
  const cid = String(
    ok(cli(db, ["--json", "casustafel", "nieuw", "--datum", "2026-10-28", "--gemeenten", "Bladel,Eersel,Veldhoven"])).json().id,
  );
  const besluit = (adres: number, ...rest: string[]) => ok(cli(db, ["casustafel", "besluit", cid, "--adres", String(adres), ...rest]));
  besluit(a.afgewezen!, "--besluit", "afgewezen", "--toelichting", "Geen aanwijzingen voor bewoning");
  besluit(a.niets!, "--besluit", "controle", "--partners", "UWV");
  besluit(a.gevonden!, "--besluit", "controle", "--partners", "UWV,Politie");
  const avond = ok(cli(db, ["--json", "avond", "nieuw", "--casustafel", cid, "--datum", "2026-11-05", "--doel", "Controle"])).json().id;
  const gemeente = insertBevinding(db, {
    avond,
    adres: a.gevonden!,
    categorie: "overbewoning",
    omschrijving: "Twaalf bewoners, namen bekend",
  });
  insertOpvolging(db, {
    bevinding: gemeente,
    actie: "voornemen last onder dwangsom",
    partner: "Gemeente",
    deadline: "2026-11-20",
    status: "afgerond",
    resultaat: "Eigenaar X gaf toe",
  });
  const uwv = insertBevinding(db, {
    avond,
    adres: a.gevonden!,
    categorie: "sociale-zekerheidsfraude",
    omschrijving: "Drie uitkeringen op het adres",
  });
  insertOpvolging(db, { bevinding: uwv, actie: "onderzoek uitkeringsrecht", partner: "UWV", deadline: "2026-12-15", resultaat: "Loopt" });
  insertOpvolging(db, { bevinding: uwv, actie: "partner informeren", partner: "Gemeente", deadline: "2026-11-19" });
}, 60_000);

const terugkoppeling = (...extra: string[]) =>
  cli(db, ["--vandaag", "2026-11-23", "rapport", "terugkoppeling", "--partner", "UWV", ...extra]);

describe("rapport terugkoppeling --partner UWV", () => {
  it("zegt bij elk signaal wat ermee gebeurde: niet gekozen (met besluit en toelichting), niets gevonden, bevindingen, nog niet besproken", () => {
    const r = ok(terugkoppeling("--json")).json();
    const per = Object.fromEntries(r.signalen.map((x: any) => [x.omschrijving, x]));
    expect(per["Uitkering op een adres met veel bewoners"]).toMatchObject({
      uitkomst: "niet-gekozen",
      besluit: { besluit: "afgewezen", toelichting: "Geen aanwijzingen voor bewoning" },
      bezoek: null,
      tekst: "casustafel 1 (28 oktober 2026): niet gekozen voor een controle: afgewezen — Geen aanwijzingen voor bewoning",
    });
    expect(per["Werknemers met uitkering in de keuken"]).toMatchObject({
      uitkomst: "niets-gevonden",
      tekst: "bezocht op controleavond 1 (5 november 2026): niets gevonden",
    });
    expect(per["Meerdere uitkeringen op één adres"]).toMatchObject({ uitkomst: "bevindingen" });
    expect(per["Nieuwe melding na de casustafel"]).toMatchObject({ uitkomst: "nog-niet-besproken" });
    expect(r.signalen).toHaveLength(4); // only UWV's own signals, not the Politie's
    expect(r.signaaltotalen).toEqual({
      signalen: 4,
      "nog-niet-besproken": 1,
      "niet-gekozen": 1,
      "gekozen-nog-niet-bezocht": 0,
      "niets-gevonden": 1,
      bevindingen: 1,
    });
  });

  it("deelt alleen wat UWV nodig heeft: eigen bevinding volledig, die van de Gemeente zonder inhoud, andermans opvolging als status", () => {
    const r = ok(terugkoppeling("--json")).json();
    const gemeente = r.bevindingen.find((b: any) => b.categorie === "overbewoning");
    expect(gemeente).toMatchObject({ eigenaar: "Gemeente", betrokkenheid: ["signaal"], omschrijving: null });
    expect(gemeente.opvolgingen).toEqual([{ eigen: false, partner: "Gemeente", status: "afgerond", verlopen: false }]);
    const eigen = r.bevindingen.find((b: any) => b.categorie === "sociale-zekerheidsfraude");
    expect(eigen).toMatchObject({ eigenaar: "UWV", omschrijving: "Drie uitkeringen op het adres" });
    expect(eigen.opvolgingen).toEqual([
      { eigen: false, partner: "Gemeente", status: "open", verlopen: true },
      expect.objectContaining({ eigen: true, actie: "onderzoek uitkeringsrecht", resultaat: "Loopt" }),
    ]);
    const alles = JSON.stringify(r);
    for (const geheim of ["Eigenaar X gaf toe", "Twaalf bewoners", "voornemen last onder dwangsom", "Overlast"])
      expect(alles).not.toContain(geheim);
  });

  it("in de terminal en als PDF: dezelfde uitkomsten, datums voluit, niets van andermans handhaving", async () => {
    const human = ok(terugkoppeling()).stdout.replace(/\s+/g, " ");
    expect(human).toContain("4 signalen: 1 nog niet besproken, 1 niet gekozen, 1 bezocht, niets gevonden, 1 met bevindingen");
    expect(human).toContain(
      "Uitkomst: casustafel 1 (28 oktober 2026): niet gekozen voor een controle: afgewezen — Geen aanwijzingen voor bewoning",
    );
    expect(human).toContain("opvolging door Gemeente: 1 afgerond");
    expect(human).not.toContain("Eigenaar X gaf toe");
    const pdf = path.join(tempDir(), "uwv.pdf");
    ok(terugkoppeling("--pdf", pdf));
    const tekst = (await new PDFParse({ data: fs.readFileSync(pdf) }).getText()).text.replace(/\s+/g, " ");
    expect(tekst).toContain("Signalen van UWV");
    expect(tekst).toContain("Geen aanwijzingen voor bewoning");
    expect(tekst).toContain("niets gevonden");
    expect(tekst).toContain("15 december 2026");
    expect(tekst).not.toMatch(/\d{2}-\d{2}-\d{4}/);
    expect(tekst).not.toContain("Eigenaar X gaf toe");
  });

  it("signaal lijst --partner toont alleen die partner", () => {
    const uwv = ok(cli(db, ["--json", "signaal", "lijst", "--partner", "uwv"])).json();
    expect(uwv).toHaveLength(4);
    expect(new Set(uwv.map((x: any) => x.partner))).toEqual(new Set(["UWV"]));
    expect(cli(db, ["signaal", "lijst", "--partner", "Niemand"]).code).toBe(2);
  });
});

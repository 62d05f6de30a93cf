import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { addAdres, cli, cliInProcess, dump, initDb, ok, tempDir, TESTADRESSEN, type CliResult } from "../helpers/cli.js";
import { gereedMaken } from "../helpers/casustafel.js";
import { insertAvond } from "../helpers/fixtures.js";
import { exec, rijen } from "../helpers/rijen.js";
import { ladderScenario, pdfTekst, type LadderScenario, hercontroleNee } from "../helpers/ladder.js";

/**
 * Issue 12, as a jurist handhaving runs it: an evening with an Omgevingswet case, a 13b case, a
 * lighter case, an acute one and a partner's own law; the letters come one step at a time, each
 * when its term has run, from the bestuursorgaan that decides, to the overtreder. The tests in the
 * first describe are one story and run in order on one database.
 */

const rij = rijen;

const op = (datum: string) => ["--vandaag", datum];

// The story's besluiten rest on signed rapporten van bevindingen, whose PDFs the evidence store keeps
// (files beside SQLite, the table bestand_inhoud on PostgreSQL): the same story on both stores.
describe("de handhavingsladder, van controleavond tot invordering", () => {
  let s: LadderScenario;
  let uit: string;
  const batch = (datum: string): any =>
    ok(cli(s.db, ["--json", ...op(datum), "brief", "batch", "--avond", String(s.avond), "--uit", uit])).json();
  const brief = (b: any, sjabloon: string) => b.brieven.find((x: any) => x.sjabloon === sjabloon);
  let voornemen: any;

  beforeAll(async () => {
    s = await ladderScenario();
    uit = tempDir();
  }, 60_000);

  it("een batch op de avond zelf: waarschuwingen en partnerbrieven, geen voornemen zonder overtreder en nooit een besluit", async () => {
    const b = batch("2026-11-05");
    expect(b.brieven.map((x: any) => x.sjabloon).sort()).toEqual([
      "informatiebericht-partner",
      "informatiebericht-partner",
      "waarschuwing",
      "waarschuwing",
    ]);
    expect(b.brieven.some((x: any) => /last-onder|besluit|voornemen/.test(x.sjabloon))).toBe(false);
    expect(b.tegengehouden).toEqual(
      expect.arrayContaining([
        {
          opvolging: s.opvolging(s.bevinding.overbewoning, "voornemen"),
          stap: "voornemen",
          reden: `wijs eerst de overtreder aan: interventie handhaving zet ${s.zaak(s.bevinding.overbewoning)} --overtreder <betrokkene-id> --hoedanigheid <tekst>`,
          tot: null,
        },
      ]),
    );
    // The afval finding at Dorpstraat has no eigenaar and no overtreder: skipped, named.
    expect(b.overgeslagen.find((o: any) => o.opvolging === s.opvolging(s.bevinding.afval, "waarschuwing")).reden).toContain(
      "geen eigenaar of andere betrokkene bekend",
    );
    // The Wav belongs to the Arbeidsinspectie: its follow-ups ask no letter of the gemeente.
    expect(b.overgeslagen.filter((o: any) => o.reden === 'actie "boeterapport" vraagt geen brief')).toHaveLength(1);

    const alcohol = b.brieven.find((x: any) => x.sjabloon === "waarschuwing" && x.ontvanger === "Café De Markt V.O.F.");
    const t = await pdfTekst(alcohol.bestand);
    for (const deel of [
      "Gemeente Eersel",
      "geeft de burgemeester van Eersel u daarom een waarschuwing",
      "artikel 3 Alcoholwet (verbod om zonder vergunning",
      "uiterlijk op 12 november 2026 (één week na de datum van deze brief)",
      "namens de burgemeester van Eersel,",
      "Ondertekend krachtens mandaat",
    ])
      expect(t, deel).toContain(deel);
    expect(t).not.toContain("college van burgemeester en wethouders");

    const nla = b.brieven.find((x: any) => x.sjabloon === "informatiebericht-partner" && x.ontvanger === "Nederlandse Arbeidsinspectie");
    const p = await pdfTekst(nla.bestand);
    expect(p).toContain("informeren wij de Nederlandse Arbeidsinspectie");
    expect(p).toContain("Postbus 90801 2509 LV Den Haag");
    const enexis = b.brieven.find((x: any) => x.ontvanger === "Enexis");
    expect(await pdfTekst(enexis.bestand)).toContain("informeren wij Enexis over");
  });

  it("de overtreder aanwijzen (vlag of zaak), dan het voornemen; het besluit wacht op de zienswijzetermijn (exit 2, één regel)", async () => {
    const zaak = s.zaak(s.bevinding.overbewoning);
    const before = dump(s.db);
    const fout = cli(s.db, ["handhaving", "zet", String(zaak), "--overtreder", String(s.betrokkene.popescu)]);
    expect(fout.code).toBe(2);
    expect(fout.stderr).toContain(`heeft geen rol bij Kerkstraat 12`);
    expect(dump(s.db)).toBe(before);
    ok(
      cli(s.db, [
        "handhaving",
        "zet",
        String(zaak),
        "--overtreder",
        String(s.betrokkene.flex),
        "--hoedanigheid",
        "verhuurder van de woning",
      ]),
    );
    const brand = ok(
      cli(s.db, [
        "--json",
        ...op("2026-11-05"),
        "brief",
        "maak",
        "--opvolging",
        String(s.opvolging(s.bevinding.brandgevaar, "voornemen")),
        "--overtreder",
        String(s.betrokkene.flex),
        "--uit",
        uit,
      ]),
    ).json();
    expect(brand).toMatchObject({ sjabloon: "voornemen-bestuursdwang", ontvanger: "Kempen Flex Huisvesting B.V." });
    // Three werkdagen for the zienswijze on an acute danger: Friday, Monday, Tuesday.
    expect(brand.vervolg).toEqual([{ opvolging: expect.any(Number), actie: "besluit last onder bestuursdwang", niet_voor: "2026-11-11" }]);

    const b = batch("2026-11-05");
    voornemen = brief(b, "voornemen-last-onder-dwangsom");
    expect(voornemen).toMatchObject({ ontvanger: "Kempen Flex Huisvesting B.V.", betrokkene_id: s.betrokkene.flex, datum: "2026-11-05" });
    expect(voornemen.vervolg).toEqual([{ opvolging: expect.any(Number), actie: "besluit last onder dwangsom", niet_voor: "2026-11-20" }]);
    const t = await pdfTekst(voornemen.bestand);
    for (const deel of [
      "het college van burgemeester en wethouders van Veldhoven van plan is u een last onder dwangsom op te leggen",
      "U bent overtreder in de zin van artikel 5:1 Algemene wet bestuursrecht, als verhuurder van de woning.",
      "Het omgevingsplan (regel over overbewoning",
      "artikel 125, eerste en tweede lid, Gemeentewet en artikel 5:32, eerste lid",
      "binnen vier weken na de verzenddatum van het besluit (de begunstigingstermijn)",
      "€ 2.500 voor iedere keer dat wordt geconstateerd dat niet aan de last is voldaan, met een maximum van € 25.000 (artikel 5:32b",
      "uiterlijk op 19 november 2026 (artikel 4:8",
      "namens het college van burgemeester en wethouders van Veldhoven,",
    ])
      expect(t, deel).toContain(deel);
    expect(t).not.toContain("Łukasz"); // the eigenaar is not addressed merely for being eigenaar

    const besluit = s.opvolging(s.bevinding.overbewoning, "besluit");
    const voor = dump(s.db);
    const r = cli(s.db, [...op("2026-11-19"), "brief", "maak", "--opvolging", String(besluit), "--uit", uit]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `fout: Het besluit kan pas vanaf 20 november 2026: de zienswijzetermijn van het voornemen ${voornemen.kenmerk} loopt tot en met 19 november 2026\n`,
    );
    expect(dump(s.db)).toBe(voor);
    const wacht = batch("2026-11-10");
    expect(wacht.brieven).toEqual([]);
    expect(wacht.tegengehouden.find((x: any) => x.opvolging === besluit)).toMatchObject({ stap: "besluit", tot: "2026-11-20" });
    expect(wacht.tegengehouden.find((x: any) => x.stap === "besluit" && x.opvolging !== besluit)).toMatchObject({ tot: "2026-11-11" });
  });

  it("een besluit zonder ondertekend rapport van bevindingen wordt geweigerd; het besluit rust op het ondertekende rapport", async () => {
    const besluit = s.opvolging(s.bevinding.overbewoning, "besluit");
    const voor = dump(s.db);
    const r = cli(s.db, [...op("2026-11-20"), "brief", "maak", "--opvolging", String(besluit), "--uit", uit]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stderr).toContain(`Het besluit rust op een ondertekend rapport van bevindingen en bevinding ${s.bevinding.overbewoning}`);
    expect(r.stderr).toContain(`interventie rapport bevindingen --avond ${s.avond} --adres ${s.adres.kerkstraat}`);
    expect(dump(s.db)).toBe(voor);
    const b = batch("2026-11-20");
    expect(b.brieven.filter((x: any) => /^(last-|besluit-)/.test(x.sjabloon))).toEqual([]);
    expect(b.tegengehouden.find((x: any) => x.opvolging === besluit)).toMatchObject({
      stap: "besluit",
      reden: expect.stringContaining("ondertekend rapport"),
      tot: null,
    });
    // The handhaver completes and signs the reports; the batch above made nothing, so the store is unchanged.
    await s.onderteken(s.adres.kerkstraat, [s.bevinding.overbewoning, s.bevinding.brandveiligheid]);
    await s.onderteken(s.adres.industrieweg, [s.bevinding.brandgevaar, s.bevinding.wav]);
    await s.onderteken(s.adres.heuvel, [s.bevinding.hennep]);
  });

  it("na de zienswijzetermijn: de besluiten, met een begunstigingstermijn als datum na hun eigen datum en bezwaar volgens de Atw", async () => {
    const b = batch("2026-11-20");
    const lod = brief(b, "last-onder-dwangsom");
    const lob = brief(b, "last-onder-bestuursdwang");
    expect(lod).toMatchObject({ datum: "2026-11-20", ontvanger: "Kempen Flex Huisvesting B.V." });
    const t = await pdfTekst(lod.bestand);
    for (const deel of [
      `Bij brief van 5 november 2026 (kenmerk ${voornemen.kenmerk})`,
      "U heeft van de gelegenheid om uw zienswijze te geven geen gebruik gemaakt.",
      "besluit u een last onder dwangsom op te leggen",
      "uiterlijk op 18 december 2026 (vier weken na de verzenddatum van dit besluit)",
      "€ 2.500 voor iedere keer dat wordt geconstateerd dat niet aan de last is voldaan, met een maximum van € 25.000",
      // Six weeks from 20 November end on Nieuwjaarsdag: the bezwaar term runs to Monday 4 January.
      "dus uiterlijk op 4 januari 2027",
      "Stuur uw bezwaarschrift aan het college van burgemeester en wethouders van Veldhoven",
      // 5:9 Awb: place and time of the violation; the signed record it rests on (ECLI:NL:RVS:2017:1179).
      "Waargenomen op 5 november 2026 om 19:40 uur.",
      "vastgelegd in het rapport van bevindingen RVB-2026-",
    ])
      expect(t, deel).toContain(deel);
    const tb = await pdfTekst(lob.bestand);
    expect(tb).toContain("uiterlijk op 25 november 2026 (drie werkdagen na de verzenddatum van dit besluit)");
    expect(tb).toContain("De kosten daarvan komen voor uw rekening (artikel 5:25");
    expect(tb).not.toContain("5:31"); // no spoed claimed
  });

  it("13b Opiumwet: bestuurlijke rapportage, voornemen en besluit sluiting van de burgemeester, met afschrift aan de eigenaar", async () => {
    const rapportage = s.opvolging(s.bevinding.hennep, "bestuurlijke-rapportage");
    const r = ok(
      cli(s.db, [
        "--json",
        ...op("2026-11-20"),
        "opvolging",
        "bijwerken",
        String(rapportage),
        "--status",
        "afgerond",
        "--datum",
        "2026-11-12",
        "--resultaat",
        "Bestuurlijke rapportage politie ontvangen",
      ]),
    ).json();
    expect(r.voorstel).toMatchObject({ stap: "voornemen", actie: "voornemen sluiting", niet_voor: "2026-11-12" });
    ok(
      cli(s.db, [
        "handhaving",
        "zet",
        String(s.zaak(s.bevinding.hennep)),
        "--overtreder",
        String(s.betrokkene.popescu),
        "--hoedanigheid",
        "huurder en bewoner van de woning",
      ]),
    );
    const v = brief(batch("2026-11-20"), "voornemen-sluiting");
    const t = await pdfTekst(v.bestand);
    for (const deel of [
      "Op 12 november 2026 heeft de politie een bestuurlijke rapportage uitgebracht",
      "dat de burgemeester van Veldhoven van plan is het pand te sluiten",
      "artikel 13b, eerste lid, aanhef en onder a, Opiumwet",
      "voor de duur van drie maanden",
      "Woonstichting De Kempen (eigenaar)",
      "namens de burgemeester van Veldhoven,",
    ])
      expect(t, deel).toContain(deel);

    const zw = ok(
      cli(s.db, [
        "--json",
        ...op("2026-11-24"),
        "zienswijze",
        "toevoegen",
        "--brief",
        v.kenmerk,
        "--ontvangen",
        "2026-11-24",
        "--samenvatting",
        "De bewoner stelt dat zijn kinderen dakloos worden.",
        "--weging",
        "De kinderen kunnen bij hun moeder in Eindhoven wonen; het belang van sluiting weegt zwaarder.",
      ]),
    ).json();
    expect(zw).toMatchObject({ handhaving_id: s.zaak(s.bevinding.hennep), kenmerk: v.kenmerk });
    // A zienswijze received makes the besluit due at once, long before the term ends.
    const besluit = brief(batch("2026-11-24"), "besluit-sluiting");
    const tb = await pdfTekst(besluit.bestand);
    for (const deel of [
      "Op 24 november 2026 heeft u uw zienswijze naar voren gebracht. Samengevat: De bewoner stelt dat zijn kinderen dakloos worden.",
      "het belang van sluiting weegt zwaarder",
      "besluit het pand De Heuvel 3, 5504 CD Veldhoven te sluiten voor de duur van drie maanden",
      "uiterlijk op 1 december 2026",
      "Stuur uw bezwaarschrift aan de burgemeester van Veldhoven",
      "namens de burgemeester van Veldhoven,",
      "Woonstichting De Kempen (eigenaar)",
    ])
      expect(tb, deel).toContain(deel);
    expect(tb).not.toContain("college");
  });

  it("een hercontrole vóór het einde van de begunstigingstermijn kan nooit tot invordering leiden; erna wel", async () => {
    const her = s.opvolging(s.bevinding.overbewoning, "hercontrole");
    expect(rij(s.db, "SELECT niet_voor FROM opvolging WHERE id = ?", her)[0].niet_voor).toBe("2026-12-19");
    const before = dump(s.db);
    const vroeg = cli(s.db, [...op("2026-12-18"), ...hercontroleNee(her, "2026-12-18")]);
    expect(vroeg.code).toBe(2);
    expect(vroeg.stderr.trim().split("\n")).toHaveLength(1);
    expect(vroeg.stderr).toMatch(
      /De begunstigingstermijn van last INT-2026-\d{6} loopt tot en met 18 december 2026: een hercontrole op 18 december 2026 kan niet tot invordering leiden/,
    );
    expect(dump(s.db)).toBe(before);

    const r = ok(cli(s.db, ["--json", ...op("2026-12-21"), ...hercontroleNee(her, "2026-12-21")])).json();
    expect(r.voorstel).toMatchObject({ stap: "invordering", actie: "invordering verbeurde dwangsom", niet_voor: "2026-12-21" });

    // The invordering rests on the signed record of the failed hercontrole: held back until it is signed.
    const invordering = r.voorstel.id;
    const wacht = batch("2026-12-21");
    expect(brief(wacht, "invorderingsbeschikking")).toBeUndefined();
    const reden = `de invorderingsbeschikking rust op een ondertekend rapport van bevindingen van de hercontrole van 21 december 2026 (opvolging ${her}), dat er nog niet is: interventie rapport hercontrole --opvolging ${her} --pdf <bestand> --onderteken`;
    expect(wacht.tegengehouden).toContainEqual(expect.objectContaining({ opvolging: invordering, reden }));
    const maak = cli(s.db, [...op("2026-12-21"), "brief", "maak", "--opvolging", String(invordering), "--uit", uit]);
    expect(maak.code).toBe(2);
    expect(maak.stderr.trim()).toBe(`fout: ${reden.charAt(0).toUpperCase()}${reden.slice(1)}`);

    const pdf = `${tempDir()}/hercontrole.pdf`;
    const getekend = ok(
      cli(s.db, ["--json", ...op("2026-12-21"), "rapport", "hercontrole", "--opvolging", String(her), "--pdf", pdf, "--onderteken"]),
    ).json();
    expect(getekend).toMatchObject({
      opvolging_id: her,
      status: "ondertekend",
      versie: 1,
      kenmerk: expect.stringMatching(/^RVB-2026-\d{6}$/),
    });
    const rt = await pdfTekst(pdf);
    for (const deel of [
      `Kenmerk ${getekend.kenmerk}, versie 1`,
      "Hercontrole 21 december 2026 om 10:15 uur",
      "Opgemaakt door toezichthouder nr. TH-4711, toezichthouder Wonen (Veldhoven)",
      "Gecontroleerd Last onder dwangsom INT-2026-",
      "Begunstigingstermijn tot en met 18 december 2026",
      "Methode Visuele waarneming in de woning met toestemming van de bewoners.",
      "Waargenomen Nog twaalf bewoners aangetroffen; op de zolder vijf matrassen",
      "Conclusie De overtreding is niet beëindigd: aan de last onder dwangsom is niet voldaan.",
      "Aldus naar waarheid opgemaakt op ambtseed en ondertekend door toezichthouder nr. TH-4711",
      "Elektronisch ondertekend",
    ])
      expect(rt, deel).toContain(deel);

    const inv = brief(batch("2026-12-21"), "invorderingsbeschikking");
    const t = await pdfTekst(inv.bestand);
    for (const deel of [
      `21 december 2026 om 10:15 uur: Nog twaalf bewoners aangetroffen; op de zolder vijf matrassen (rapport van bevindingen ${getekend.kenmerk}, versie 1, van 21 december 2026)`,
      "Daarmee heeft u in totaal € 2.500 aan dwangsommen verbeurd.",
      "verbeurde dwangsom van € 2.500 bij u in te vorderen (artikel 5:37",
    ])
      expect(t, deel).toContain(deel);
  });

  it("escalatie volgt de laatst voltooide stap: na een waarschuwing komt het voornemen, niet het besluit; beëindigd sluit de zaak", () => {
    const her = s.opvolging(s.bevinding.alcoholwet, "hercontrole");
    const r = ok(cli(s.db, ["--json", ...op("2026-11-13"), ...hercontroleNee(her)])).json();
    expect(r.voorstel).toMatchObject({ stap: "voornemen", actie: "voornemen last onder dwangsom" });
    const brandv = s.opvolging(s.bevinding.brandveiligheid, "hercontrole");
    ok(cli(s.db, [...op("2026-11-20"), "opvolging", "bijwerken", String(brandv), "--beeindigd", "ja"]));
    expect(rij(s.db, "SELECT status FROM handhaving WHERE id = ?", s.zaak(s.bevinding.brandveiligheid))[0].status).toBe("afgerond");
  });

  it("de Wav is van de Arbeidsinspectie: geen gemeentelijke handhavingsbrief, exit 2 en niets gewijzigd", () => {
    const boete = s.opvolging(s.bevinding.wav, "boeterapport");
    const before = dump(s.db);
    const r = cli(s.db, ["brief", "maak", "--opvolging", String(boete), "--sjabloon", "voornemen-last-onder-dwangsom", "--uit", uit]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `fout: Wet arbeid vreemdelingen (bevinding ${s.bevinding.wav}) valt niet onder de handhaving van de gemeente maar onder die van Nederlandse Arbeidsinspectie: geen gemeentelijke handhavingsbrief (voornemen-last-onder-dwangsom)\n`,
    );
    expect(dump(s.db)).toBe(before);
  });

  it("opnieuw afdrukken houdt kenmerk en datum van het origineel; het register houdt één regel per brief", async () => {
    const origineel = rij(s.db, "SELECT * FROM brief WHERE kenmerk = ?", voornemen.kenmerk)[0];
    const stap = rij(s.db, "SELECT opvolging_id FROM brief_opvolging WHERE brief_id = ?", origineel.id)[0].opvolging_id;
    const ander = tempDir();
    const r = ok(
      cli(s.db, ["--json", ...op("2026-12-30"), "brief", "maak", "--opvolging", String(stap), "--opnieuw", "--uit", ander]),
    ).json();
    expect(r).toMatchObject({ kenmerk: voornemen.kenmerk, datum: "2026-11-05", herdrukt: true });
    expect(path.basename(r.bestand)).toBe(path.basename(voornemen.bestand));
    expect(await pdfTekst(r.bestand)).toContain("5 november 2026");
    const lijst = ok(cli(s.db, ["--json", "brief", "lijst"])).json();
    expect(lijst.filter((b: any) => b.kenmerk === voornemen.kenmerk)).toHaveLength(1);
    expect(
      rij(s.db, "SELECT actie FROM audit_log WHERE tabel = 'brief' AND rij_id = ? ORDER BY id", origineel.id).map((a) => a.actie),
    ).toEqual(["toegevoegd", "herdrukt"]);
    const zonder = cli(s.db, ["brief", "maak", "--opvolging", String(stap), "--uit", ander]);
    expect(zonder.code).toBe(2);
    expect(zonder.stderr).toContain(`heeft al brief ${voornemen.kenmerk}; gebruik --opnieuw`);
  });

  it("capaciteit: een waarschuwing vóór de avond (geen exit 2 op zich) en de werkvoorraad in rapport opvolging", () => {
    ok(cli(s.db, ["gemeente", "capaciteit", "--gemeente", "Veldhoven", "--zaken", "2"]));
    const voorraad = ok(cli(s.db, ["--json", "rapport", "opvolging"])).json().werkvoorraad;
    expect(voorraad.find((w: any) => w.gemeente === "Veldhoven")).toEqual({ gemeente: "Veldhoven", open_zaken: 2, capaciteit: 2 });
    const avond = insertAvond(s.db, { datum: "2026-12-10", adressen: [s.adres.kerkstraat, s.adres.heuvel] });
    const run = (args: string[]): CliResult => cli(s.db, args);
    gereedMaken(run, avond, [s.adres.kerkstraat, s.adres.heuvel]);
    const r = cli(s.db, ["--json", "avond", "controleer", String(avond)]);
    expect(r.code).toBe(0);
    expect(r.json()).toMatchObject({ gereed: true, capaciteit: [{ gemeente: "Veldhoven", open_zaken: 2, adressen: 2, capaciteit: 2 }] });
    expect(r.stderr).toContain("Let op: Veldhoven heeft 2 open handhavingszaken bij een capaciteit van 2");
    const human = ok(cli(s.db, ["rapport", "opvolging"])).stdout;
    expect(human).toContain("Werkvoorraad handhaving per gemeente");
  });
});

describe("begeleid aan een terminal", () => {
  it("brief maak vraagt wie de overtreder is en in welke hoedanigheid, en legt dat met de brief vast", async () => {
    const s = await ladderScenario();
    const uit = tempDir();
    const id = String(s.opvolging(s.bevinding.overbewoning, "voornemen"));
    const r = ok(
      await cliInProcess(s.db, ["--json", "--vandaag", "2026-11-06", "brief", "maak", "--opvolging", id, "--uit", uit], {
        answers: ["Kempen Flex Huisvesting B.V. (verhuurder)", ""], // the hoedanigheid: the proposed default
      }),
    ).json();
    expect(r).toMatchObject({ sjabloon: "voornemen-last-onder-dwangsom", ontvanger: "Kempen Flex Huisvesting B.V." });
    const zaak = ok(cli(s.db, ["--json", "handhaving", "toon", String(s.zaak(s.bevinding.overbewoning))])).json();
    expect(zaak).toMatchObject({
      overtreder_id: s.betrokkene.flex,
      hoedanigheid: "verhuurder van Kerkstraat 12, 5504 AB Veldhoven",
      vastgelegd: r.kenmerk,
    });
    expect(await pdfTekst(r.bestand)).toContain(
      "U bent overtreder in de zin van artikel 5:1 Algemene wet bestuursrecht, als verhuurder van Kerkstraat 12, 5504 AB Veldhoven.",
    );
  }, 60_000);

  it("handhaving zet zonder opties vraagt elke waarde, met de huidige als standaard", async () => {
    const s = await ladderScenario();
    const zaak = String(s.zaak(s.bevinding.brandgevaar));
    // overtreder, hoedanigheid, voorschrift, herstelmaatregel, zienswijzetermijn, begunstigingstermijn (bestuursdwang: no dwangsom)
    const r = ok(
      await cliInProcess(s.db, ["--json", "handhaving", "zet", zaak], {
        answers: [String(s.betrokkene.flex), "", "", "", "2 werkdagen", ""],
      }),
    ).json();
    expect(r.gewijzigd).toEqual(expect.arrayContaining(["overtreder_id", "hoedanigheid", "zienswijzetermijn"]));
    expect(r.profiel.zienswijzetermijn).toBe("2 werkdagen");
  }, 60_000);
});

describe("tegelijk werken (issue 17, punt 2)", () => {
  it("twee batches tegelijk: elke brief één keer, unieke kenmerken, alle bestanden aanwezig, geen tijdelijke bestanden", async () => {
    const s = await ladderScenario();
    const uit = tempDir();
    const [a, b] = await Promise.all(
      [0, 1].map(() =>
        import("../helpers/cli.js").then(({ cliAsync }) =>
          cliAsync(s.db, ["--json", "--vandaag", "2026-11-05", "brief", "batch", "--avond", String(s.avond), "--uit", uit]),
        ),
      ),
    );
    expect([a!.code, b!.code], `${a!.stderr}\n${b!.stderr}`).toEqual([0, 0]);
    const brieven = rij(s.db, "SELECT kenmerk, bestand FROM brief ORDER BY kenmerk");
    expect(brieven).toHaveLength(4);
    expect(new Set(brieven.map((x) => x.kenmerk)).size).toBe(4);
    expect(a!.json().aantal + b!.json().aantal).toBe(4);
    for (const x of brieven) expect(fs.existsSync(x.bestand), x.bestand).toBe(true);
    expect(fs.readdirSync(uit).sort()).toEqual(brieven.map((x) => path.basename(x.bestand)).sort());
    expect(rij(s.db, "SELECT count(*) AS n FROM brief_opvolging")[0].n).toBe(4);
  }, 60_000);

  it("twee mensen sluiten dezelfde hercontrole tegelijk met 'niet beëindigd': één escalatie, de tweede krijgt 'al gesloten'", async () => {
    const s = await ladderScenario();
    ok(cli(s.db, ["--vandaag", "2026-11-05", "brief", "batch", "--avond", String(s.avond), "--uit", tempDir()]));
    const her = s.opvolging(s.bevinding.alcoholwet, "hercontrole");
    await s.toezichthouder();
    const { cliAsync } = await import("../helpers/cli.js");
    const rs = await Promise.all([0, 1].map(() => cliAsync(s.db, ["--json", "--vandaag", "2026-11-13", ...hercontroleNee(her)])));
    expect(rs.map((r) => r.code).sort()).toEqual([0, 2]);
    expect(rs.find((r) => r.code === 2)!.json().fout.code).toBe("al-gesloten");
    expect(
      rij(s.db, "SELECT count(*) AS n FROM opvolging WHERE bevinding_id = ? AND stap = 'voornemen'", s.bevinding.alcoholwet)[0].n,
    ).toBe(1);
  }, 60_000);

  it("kenmerken komen uit een teller: na opschonen van een jaar worden ze niet opnieuw uitgedeeld", () => {
    const db = initDb();
    const adres = addAdres(db);
    const ander = addAdres(db, TESTADRESSEN.dorpstraat);
    const avond = (datum: string, a: number) => {
      const id = insertAvond(db, { datum, adressen: [a] });
      const b = ok(
        cli(db, [
          "--json",
          "bevinding",
          "toevoegen",
          "--avond",
          String(id),
          "--adres",
          String(a),
          "--categorie",
          "adresfraude",
          "--omschrijving",
          "Acht personen ingeschreven, twee wonen er",
        ]),
      ).json();
      return { id, b };
    };
    // 2024: a letter to the Belastingdienst, the onderzoek closed; in 2026 the case is past its retention.
    const eerste = avond("2024-02-01", adres);
    const b1 = ok(
      cli(db, ["--json", "--vandaag", "2024-02-02", "brief", "batch", "--avond", String(eerste.id), "--uit", tempDir()]),
    ).json();
    expect(b1.brieven.map((x: any) => x.kenmerk)).toEqual(["INT-2024-000001"]);
    const onderzoek = eerste.b.opvolgingen.find((o: any) => o.actie === "onderzoek BRP-inschrijving").id;
    ok(cli(db, ["--vandaag", "2024-02-05", "opvolging", "bijwerken", String(onderzoek), "--status", "afgerond"]));
    exec(db, "UPDATE opvolging SET gewijzigd = '2024-02-05T10:00:00.000Z'"); // the clock of those changes: February 2024
    const weg = ok(cli(db, ["--json", "--vandaag", "2026-11-23", "opschonen", "--ouder-dan", "12", "--ja"])).json();
    expect(weg.verwijderd).toMatchObject({ brief: 1 });
    expect(rij(db, "SELECT count(*) AS n FROM brief")[0].n).toBe(0);
    // A later letter of 2024 (made late) gets the next number, never the one that was handed out before.
    const tweede = avond("2024-03-01", ander);
    const b2 = ok(
      cli(db, ["--json", "--vandaag", "2024-03-04", "brief", "batch", "--avond", String(tweede.id), "--uit", tempDir()]),
    ).json();
    expect(b2.brieven.map((x: any) => x.kenmerk)).toEqual(["INT-2024-000002"]);
  }, 60_000);
});

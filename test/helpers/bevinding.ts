import { addAdres, cli, ok, TESTADRESSEN } from "./cli.js";
import { seeded } from "./seed.js";

/**
 * A KIT database with three addresses; an evening on 19 November 2026 (from a casustafel of
 * 12 November) visiting the first two. Made once per test run through the CLI, copied per test.
 */
export function avondMetAdressen() {
  return seeded("avond-met-adressen", (db) => {
    ok(cli(db, ["init", "--team", "KIT"]));
    const kerkstraat = addAdres(db);
    const industrieweg = addAdres(db, TESTADRESSEN.industrieweg);
    const markt = addAdres(db, TESTADRESSEN.markt);
    ok(cli(db, ["casustafel", "nieuw", "--datum", "2026-11-12", "--gemeenten", "Veldhoven,Bladel"]));
    const avond = ok(
      cli(
        db,
        [
          "--json",
          "avond",
          "nieuw",
          "--casustafel",
          "1",
          "--datum",
          "2026-11-19",
          "--doel",
          "Controle huisvesting arbeidsmigranten",
        ].concat(["--extra-adres", String(kerkstraat), "--extra-adres", String(industrieweg)]),
      ),
    ).json().id as number;
    return { avond, kerkstraat, industrieweg, markt };
  });
}

/** The arguments of `bevinding toevoegen` for one finding; `extra` flags are appended. */
export function toevoegArgs(
  avond: number,
  adres: number,
  categorie: string,
  omschrijving = `Aangetroffen: ${categorie}`,
  extra: string[] = [],
): string[] {
  return [
    "bevinding",
    "toevoegen",
    "--avond",
    String(avond),
    "--adres",
    String(adres),
    "--categorie",
    categorie,
    "--omschrijving",
    omschrijving,
    ...extra,
  ];
}

export function voegToe(db: string, avond: number, adres: number, categorie: string, extra: string[] = []): any {
  return ok(cli(db, ["--json", ...toevoegArgs(avond, adres, categorie, undefined, extra)])).json();
}

/** --tijdstip, --toezichthouder and --methode of a finding (issue 13). */
export function waarneming(tijdstip: string, toezichthouder: string, methode: string): string[] {
  return ["--tijdstip", tijdstip, "--toezichthouder", toezichthouder, "--methode", methode];
}

/** `rapport bevindingen` for one address, as JSON, on 23 November 2026. */
export function rapportArgs(avond: number, adres: number, pdf: string, extra: string[] = []): string[] {
  return [
    "--json",
    "--vandaag",
    "2026-11-23",
    "rapport",
    "bevindingen",
    "--avond",
    String(avond),
    "--adres",
    String(adres),
    "--pdf",
    pdf,
    ...extra,
  ];
}

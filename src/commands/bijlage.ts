import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import type { Ctx } from "../context.js";
import { bijlagenVan, koppelBijlage, onbekendeHashes, opgeslagenHashes } from "../db/bijlage.js";
import { requireBevinding } from "../db/bevinding.js";
import { formatGrootte, parseBijschrift, SOORT_NAAM } from "../domain/bijlage.js";
import { parseId } from "../domain/invoer.js";
import { UserError } from "../errors.js";
import {
  bijlagenMap,
  controleerBestand,
  controleerKandidaat,
  kopieerNaarTijdelijk,
  losseBestanden,
  maakMap,
  opruimen,
  opslagPad,
  plaats,
  verwijder,
} from "../io/bijlagen.js";
import { renderTable } from "../render/table.js";
import fs from "node:fs";
import { aantal } from "../domain/tekst.js";

/** `bevinding bijlage toevoegen|lijst|controleer`: photos and documents as evidence of a finding. */
export function registerBijlage(bevinding: Command, rt: Runtime): void {
  const bijlage = bevinding.command("bijlage").description("foto's en documenten bij een bevinding, opgeslagen op SHA-256");

  bijlage
    .command("toevoegen <bevinding-id> <bestand>")
    .description("voeg een foto (JPEG, PNG) of PDF toe, hoogstens 25 MB")
    .option("--bijschrift <tekst>", 'wat de foto laat zien, bijv. "zolder: vier matrassen"')
    .action(action<{ bijschrift?: string }>(rt, (ctx, opts, id, bestand) => toevoegen(ctx, String(id), String(bestand), opts.bijschrift)));

  bijlage
    .command("lijst <bevinding-id>")
    .description("de bijlagen van een bevinding met hun SHA-256")
    .action(
      action(rt, (ctx, _opts, id) => {
        const db = ctx.db();
        const b = requireBevinding(db, parseId("bevinding", id as string));
        const map = bijlagenMap(ctx.dbPath);
        const rows = bijlagenVan(db, b.id).map((j, i) => ({
          ...j,
          volgnummer: i + 1,
          aanwezig: fs.existsSync(opslagPad(map, j.sha256)),
        }));
        if (!ctx.json && rows.length === 0) {
          ctx.out(`Bevinding ${b.id} heeft geen bijlagen.`);
          return;
        }
        ctx.emit({ bevinding_id: b.id, bijlagen: rows }, () =>
          [
            `Bijlagen van bevinding ${b.id} (${b.categorie_naam}, ${b.adres}):`,
            renderTable(
              rows,
              [
                { header: "nr", value: (r) => r.volgnummer, align: "right", priority: 1 },
                { header: "soort", value: (r) => SOORT_NAAM[r.soort], priority: 3 },
                { header: "grootte", value: (r) => formatGrootte(r.grootte), align: "right", priority: 6 },
                { header: "bijschrift", value: (r) => r.bijschrift ?? "", priority: 2 },
                // A hash is not text to wrap: shortened in a narrow window (like git's short ids), whole in --json.
                {
                  header: "SHA-256",
                  value: (r) => (r.aanwezig ? r.sha256 : `(ONTBREEKT) ${r.sha256}`),
                  overflow: "shorten",
                  min: 12,
                  priority: 7,
                },
              ],
              ctx.color,
            ),
          ].join("\n"),
        );
      }),
    );

  bijlage
    .command("controleer")
    .description("controleer alle bewaarde bestanden op hun SHA-256 (exit 2 bij ontbreken of wijziging)")
    .action(action(rt, (ctx) => controleer(ctx)));
}

async function toevoegen(ctx: Ctx, idRaw: string, bestand: string, bijschriftRaw: string | undefined): Promise<void> {
  const db = ctx.db();
  // Everything the user can get wrong is checked before the store folder is touched.
  const b = requireBevinding(db, parseId("bevinding", idRaw));
  const bijschrift = parseBijschrift(bijschriftRaw);
  const kandidaat = controleerKandidaat(bestand);
  if (kandidaat.soort !== "pdf") await controleerAfbeelding(kandidaat.bestand, bestand);
  const map = bijlagenMap(ctx.dbPath);
  maakMap(map);
  const kopie = kopieerNaarTijdelijk(kandidaat, map);
  let geplaatst = false;
  try {
    const r = ctx.change((tx) => {
      // The file is put in place under the write lock, so a retention run cannot remove it meanwhile.
      geplaatst = plaats(map, kopie.tmp, kopie.sha256);
      return koppelBijlage(tx, {
        bevindingId: b.id,
        sha256: kopie.sha256,
        soort: kandidaat.soort,
        grootte: kopie.grootte,
        bijschrift,
        bestandsnaam: kandidaat.naam,
      });
    });
    const json = {
      id: r.id,
      bevinding_id: b.id,
      sha256: kopie.sha256,
      soort: kandidaat.soort,
      grootte: kopie.grootte,
      bijschrift,
      nieuw: r.nieuweKoppeling,
    };
    ctx.emit(json, () =>
      r.nieuweKoppeling
        ? `${capitalise(SOORT_NAAM[kandidaat.soort])} toegevoegd aan bevinding ${b.id} (${formatGrootte(kopie.grootte)}).\nSHA-256: ${kopie.sha256}${r.nieuweInhoud ? "" : "\n(Dezelfde inhoud was al opgeslagen; er is geen tweede kopie gemaakt.)"}`
        : `Deze inhoud is al bijgevoegd bij bevinding ${b.id}; er is niets gewijzigd.\nSHA-256: ${kopie.sha256}`,
    );
  } catch (err) {
    opruimen(kopie.tmp);
    if (geplaatst) verwijder(map, kopie.sha256);
    throw err;
  }
}

/** A JPEG or PNG that pdfkit cannot read would break every report it appears in: refuse it now. */
async function controleerAfbeelding(file: string, raw: string): Promise<void> {
  const { leesAfbeelding } = await import("../render/pdf/afbeelding.js");
  if (!leesAfbeelding(fs.readFileSync(file))) {
    throw new UserError("ongeldig-bestand", `bestand: ${raw} is een beschadigde of onbruikbare afbeelding`);
  }
}

function controleer(ctx: Ctx): void {
  const db = ctx.db();
  const map = bijlagenMap(ctx.dbPath);
  const verwacht = opgeslagenHashes(db);
  const problemen: { wat: string; sha256: string; toestand: string }[] = [];
  for (const v of verwacht) {
    const toestand = controleerBestand(map, v.sha256);
    if (toestand !== "in-orde") problemen.push({ ...v, toestand });
  }
  const los = losseBestanden(map, new Set(verwacht.map((v) => v.sha256)));
  const regels = problemen.map(
    (p) => `${p.wat}: ${p.toestand === "ontbreekt" ? "bestand ontbreekt" : "bestand is gewijzigd"} (${p.sha256})`,
  );
  if (problemen.length) {
    if (!ctx.json) for (const r of regels) ctx.out(r);
    throw new UserError(
      "bijlagen-niet-in-orde",
      `${problemen.length} van ${aantal(verwacht.length, "opgeslagen bestand", "opgeslagen bestanden")} ${problemen.length === 1 ? "ontbreekt of is" : "ontbreken of zijn"} gewijzigd in ${map}`,
      ctx.json ? regels : [],
    );
  }
  for (const f of los) ctx.warn(`waarschuwing: ${f} in ${map} hoort bij geen bijlage of rapport`);
  ctx.emit(
    { map, gecontroleerd: verwacht.length, in_orde: true, los },
    () =>
      `${aantal(verwacht.length, "opgeslagen bestand", "opgeslagen bestanden")} gecontroleerd in ${map}: ${verwacht.length === 1 ? "aanwezig" : "alle aanwezig"} en ongewijzigd.`,
  );
}

/** After a retention run: remove the stored files nothing refers to any more, under the write lock. */
export function verwijderOpgeslagen(ctx: Ctx, hashes: string[]): void {
  const map = bijlagenMap(ctx.dbPath);
  ctx.change((tx) => {
    for (const h of onbekendeHashes(tx.db, [...new Set(hashes)])) verwijder(map, h);
  });
}

function capitalise(t: string): string {
  return t.charAt(0).toUpperCase() + t.slice(1);
}

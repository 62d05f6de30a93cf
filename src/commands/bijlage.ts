import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import type { Ctx } from "../context.js";
import { requireBevinding } from "../db/bevinding.js";
import { formatGrootte, parseBijschrift, SOORT_NAAM } from "../domain/bijlage.js";
import { parseId } from "../domain/invoer.js";
import { UserError } from "../errors.js";
import { checkKandidaat } from "../io/bijlagen.js";
import { renderBijlagen } from "../render/bijlage.js";
import { addBijlage, checkBijlagen, showBijlagen } from "../usecases/bijlage.js";
import type { BijlageDoel } from "../db/bijlage.js";
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
      action(rt, async (ctx, _opts, id) => {
        const { bevinding, bijlagen } = await showBijlagen(ctx.store(), parseId("bevinding", id as string), ctx.bewijs());
        const rows = bijlagen.map((j, i) => ({ ...j, volgnummer: i + 1 }));
        ctx.emit({ bevinding_id: bevinding.id, bijlagen: rows }, () => renderBijlagen(bevinding, rows, ctx.color));
      }),
    );

  bijlage
    .command("controleer")
    .description("controleer alle bewaarde bestanden op hun SHA-256 (exit 2 bij ontbreken of wijziging)")
    .action(action(rt, (ctx) => controleer(ctx)));
}

async function toevoegen(ctx: Ctx, idRaw: string, bestand: string, bijschriftRaw: string | undefined): Promise<void> {
  const bevindingId = parseId("bevinding", idRaw);
  await ctx.read((sql) => requireBevinding(sql, bevindingId));
  await addBijlageTo(ctx, { soort: "bevinding", id: bevindingId }, bestand, bijschriftRaw);
}

/** Stores a file as evidence of an existing finding or hercontrole (the caller checked it exists). */
export async function addBijlageTo(ctx: Ctx, doel: BijlageDoel, bestand: string, bijschriftRaw: string | undefined): Promise<void> {
  // Everything the user can get wrong is checked before the store folder is touched.
  const bijschrift = parseBijschrift(bijschriftRaw);
  const kandidaat = checkKandidaat(bestand);
  if (kandidaat.soort !== "pdf") await controleerAfbeelding(kandidaat.bestand, bestand);
  const kopie = ctx.bewijs().neemBestand(kandidaat);
  const r = await addBijlage(ctx.store(), { doel, plaatsing: kopie, soort: kandidaat.soort, naam: kandidaat.naam, bijschrift });
  const wat = `${doel.soort} ${doel.id}`;
  const json = {
    id: r.id,
    [doel.soort === "bevinding" ? "bevinding_id" : "opvolging_id"]: doel.id,
    sha256: kopie.sha256,
    soort: kandidaat.soort,
    grootte: kopie.grootte,
    bijschrift,
    nieuw: r.nieuweKoppeling,
  };
  ctx.emit(json, () =>
    r.nieuweKoppeling
      ? `${capitalise(SOORT_NAAM[kandidaat.soort])} toegevoegd aan ${wat} (${formatGrootte(kopie.grootte)}).\nSHA-256: ${kopie.sha256}${r.nieuweInhoud ? "" : "\n(Dezelfde inhoud was al opgeslagen; er is geen tweede kopie gemaakt.)"}`
      : `Deze inhoud is al bijgevoegd bij ${wat}; er is niets gewijzigd.\nSHA-256: ${kopie.sha256}`,
  );
}

/** A JPEG or PNG that pdfkit cannot read would break every report it appears in: refuse it now. */
async function controleerAfbeelding(file: string, raw: string): Promise<void> {
  const { readAfbeelding } = await import("../render/pdf/afbeelding.js");
  if (!readAfbeelding(fs.readFileSync(file))) {
    throw new UserError("ongeldig-bestand", `bestand: ${raw} is een beschadigde of onbruikbare afbeelding`);
  }
}

async function controleer(ctx: Ctx): Promise<void> {
  const bewijs = ctx.bewijs();
  const map = bewijs.plek;
  const { verwacht, problemen, los } = await checkBijlagen(ctx.store(), bewijs);
  const regels = problemen.map(
    (p) => `${p.wat}: ${p.toestand === "ontbreekt" ? "bestand ontbreekt" : "bestand is gewijzigd"} (${p.sha256})`,
  );
  if (problemen.length) {
    if (!ctx.json) for (const r of regels) ctx.out(r);
    throw new UserError(
      "bijlagen-niet-in-orde",
      `${problemen.length} van ${aantal(verwacht, "opgeslagen bestand", "opgeslagen bestanden")} ${problemen.length === 1 ? "ontbreekt of is" : "ontbreken of zijn"} gewijzigd in ${map}`,
      ctx.json ? regels : [],
    );
  }
  for (const f of los) ctx.warn(`waarschuwing: ${f} in ${map} hoort bij geen bijlage of rapport`);
  ctx.emit(
    { map, gecontroleerd: verwacht, in_orde: true, los },
    () =>
      `${aantal(verwacht, "opgeslagen bestand", "opgeslagen bestanden")} gecontroleerd in ${map}: ${verwacht === 1 ? "aanwezig" : "alle aanwezig"} en ongewijzigd.`,
  );
}

function capitalise(t: string): string {
  return t.charAt(0).toUpperCase() + t.slice(1);
}

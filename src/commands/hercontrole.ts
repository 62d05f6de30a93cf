import { ondertekenOpdracht } from "../domain/onderteken-opdracht.js";
import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import type { Ctx } from "../context.js";
import { requireAfgeslotenHercontrole } from "../db/hercontrole.js";
import { formatAdres } from "../domain/adres.js";
import { formatDutch } from "../domain/dates.js";
import { HERCONTROLE_ONTBREKEND_TEKST, isLeeg, parseHercontrole, type HercontroleFlags } from "../domain/hercontrole.js";
import { parseId } from "../domain/invoer.js";
import { UserError } from "../errors.js";
import { renderBijlagenVan } from "../render/bijlage.js";
import { changeHercontrole, showHercontroleBijlagen, type HercontroleOverzicht } from "../usecases/hercontrole.js";
import { addBijlageTo } from "./bijlage.js";
import { askHercontrole } from "./hercontrole-vragen.js";

/**
 * `hercontrole wijzig|bijlage`: the record of a closed hercontrole (time, toezichthouder numbers,
 * method, observation) and its evidence; `rapport hercontrole` prints and signs it.
 */
export function register(program: Command, rt: Runtime): void {
  const hercontrole = program
    .command("hercontrole")
    .description("de waarneming bij een afgesloten hercontrole: tijdstip, toezichthouder, methode, wat is waargenomen, foto's");

  hercontrole
    .command("wijzig <opvolging-id>")
    .description(
      "leg de waarneming van een afgesloten hercontrole vast of vul haar aan; een ondertekend rapport blijft, het volgende wordt een nieuwe versie",
    )
    .option("--tijdstip <UU:MM>", "tijdstip van de waarneming")
    .option("--toezichthouder <nummer>", "nummer(s) van de toezichthouder(s), bijv. 4711,2314")
    .option("--methode <tekst>", "hoe is waargenomen")
    .option("--waarneming <tekst>", "wat is waargenomen")
    .action(action<HercontroleFlags>(rt, (ctx, opts, id) => wijzig(ctx, opts, String(id))));

  const bijlage = hercontrole.command("bijlage").description("foto's en documenten bij een hercontrole, opgeslagen op SHA-256");
  bijlage
    .command("toevoegen <opvolging-id> <bestand>")
    .description("voeg een foto (JPEG, PNG) of PDF toe aan een afgesloten hercontrole, hoogstens 25 MB")
    .option("--bijschrift <tekst>", 'wat de foto laat zien, bijv. "zolder: nog vijf matrassen"')
    .action(
      action<{ bijschrift?: string }>(rt, async (ctx, opts, idRaw, bestand) => {
        const id = parseId("opvolging", idRaw as string);
        await ctx.read((sql) => requireAfgeslotenHercontrole(sql, id));
        await addBijlageTo(ctx, { soort: "hercontrole", id }, String(bestand), opts.bijschrift);
      }),
    );
  bijlage
    .command("lijst <opvolging-id>")
    .description("de bijlagen van een hercontrole met hun SHA-256")
    .action(
      action(rt, async (ctx, _opts, idRaw) => {
        const { opvolging: o, bijlagen } = await showHercontroleBijlagen(ctx.store(), parseId("opvolging", idRaw as string), ctx.bewijs());
        const rows = bijlagen.map((j, i) => ({ ...j, volgnummer: i + 1 }));
        ctx.emit({ opvolging_id: o.id, bijlagen: rows }, () =>
          renderBijlagenVan(`hercontrole ${o.id}`, `${formatDutch(o.gesloten_op!)}, ${formatAdres(o)}`, rows, ctx.color),
        );
      }),
    );
}

async function wijzig(ctx: Ctx, flags: HercontroleFlags, idRaw: string): Promise<void> {
  const id = parseId("opvolging", idRaw);
  const o = await ctx.read((sql) => requireAfgeslotenHercontrole(sql, id)); // an unknown or open one before anything is asked
  let h = parseHercontrole(flags);
  if (isLeeg(h)) {
    if (!ctx.interactive)
      throw new UserError("niets-te-wijzigen", "Geef minstens één van --tijdstip, --toezichthouder, --methode of --waarneming");
    h = parseHercontrole(await askHercontrole(ctx, o.beeindigd === 1));
  }
  const r = await changeHercontrole(ctx.store(), id, h);
  ctx.emit(hercontroleJson(r), () => describeWijziging(r));
}

function hercontroleJson(r: HercontroleOverzicht & { velden: string[] }) {
  return {
    opvolging_id: r.opvolging.id,
    datum: r.opvolging.gesloten_op,
    beeindigd: r.opvolging.beeindigd === 1,
    tijdstip: r.record?.tijdstip ?? null,
    toezichthouders: r.record?.toezichthouders.map((t) => t.nummer) ?? [],
    methode: r.record?.methode ?? null,
    waarneming: r.record?.waarneming ?? null,
    kenmerk: r.record?.kenmerk ?? null,
    ontbrekend: r.ontbrekend,
    gewijzigd: r.velden,
  };
}

function describeWijziging(r: HercontroleOverzicht & { velden: string[] }): string {
  const o = r.opvolging;
  return [
    r.velden.length
      ? `Hercontrole ${o.id} (${formatDutch(o.gesloten_op!)}, ${formatAdres(o)}) bijgewerkt: ${r.velden.join(", ")}.`
      : `Hercontrole ${o.id}: er is niets gewijzigd.`,
    r.ontbrekend.length
      ? `Nog onvolledig: ${r.ontbrekend.map((v) => HERCONTROLE_ONTBREKEND_TEKST[v]).join("; ")}.`
      : `Volledig; onderteken het rapport met: ${ondertekenOpdracht.hercontrole(o.id)}`,
  ].join("\n");
}

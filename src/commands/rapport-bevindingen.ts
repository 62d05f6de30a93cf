import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import { verplicht } from "./hulp.js";
import type { Ctx } from "../context.js";
import { chooseAvond } from "./avond-keuze.js";
import { formatAdres } from "../domain/adres.js";
import { parseId } from "../domain/invoer.js";
import { UserError } from "../errors.js";
import { renderRapportUitkomst } from "../render/rapport-bevindingen.js";
import { listRapportAdressen, makeAdresRapport, makeAvondRapporten, type RapportOmgeving } from "../usecases/rapport-bevindingen.js";

interface Opts {
  avond?: string;
  adres?: string;
  pdf?: string;
  uit?: string;
  onderteken?: boolean;
  ondertekenaar?: string;
  versie?: string;
  overschrijven?: boolean;
}

/** `rapport bevindingen`: the rapport van bevindingen of one address (or every address of an evening). */
export function registerBevindingen(rapport: Command, rt: Runtime): void {
  const cmd = rapport
    .command("bevindingen")
    .description(
      "rapport van bevindingen per adres (RvS-minimum); met --onderteken onveranderlijk vastgelegd, een wijziging maakt een nieuwe versie",
    )
    .addOption(verplicht("--avond <id>", "controleavond"))
    .addOption(verplicht("--adres <id>", "adres; of zonder --adres met --uit: één PDF per adres met bevindingen"))
    .option("--pdf <bestand>", "PDF-bestand (bij --adres)")
    .option("--uit <map>", "map voor één PDF per adres (zonder --adres)");
  ondertekenOpties(cmd).action(action<Opts>(rt, bevindingenRapport));
}

/** The options every signed report has: sign, by whom, reprint a version, replace a file. */
export function ondertekenOpties(cmd: Command): Command {
  return cmd
    .option("--onderteken", "onderteken: de versie wordt onveranderlijk vastgelegd (snapshot en SHA-256)")
    .option("--ondertekenaar <nummer>", "toezichthouder die ondertekent (standaard: de enige opsteller)")
    .option("--versie <n>", "herdruk een eerder ondertekende versie, ongewijzigd")
    .option("--overschrijven", "vervang een bestaand PDF-bestand");
}

/** --versie parsed, and the combinations of the signing options that make no sense refused. */
export function parseOndertekenOpties(opts: { onderteken?: boolean; ondertekenaar?: string; versie?: string }): number | undefined {
  const versie = opts.versie === undefined ? undefined : parseId("versie", opts.versie);
  if (opts.ondertekenaar !== undefined && !opts.onderteken) throw new UserError("gebruik", "--ondertekenaar hoort bij --onderteken");
  if (versie !== undefined && opts.onderteken)
    throw new UserError("gebruik", "--versie herdrukt een ondertekende versie; gebruik het niet met --onderteken");
  return versie;
}

/** The day, the signing moment, the user, where attachments live, and who signs when several could. */
export function omgeving(ctx: Ctx): RapportOmgeving {
  return {
    vandaag: ctx.today(),
    moment: () => ctx.moment(),
    gebruiker: ctx.user,
    bewijs: ctx.bewijs(),
    dbPath: ctx.opslag.soort === "sqlite" ? ctx.opslag.pad : undefined,
    ondertekenaar: ctx.interactive
      ? (auteurs) =>
          ctx.prompts.select({
            message: "Wie ondertekent (een van de opstellers)?",
            choices: auteurs.map((a) => ({ name: `${a.nummer} — ${a.functie} (${a.organisatie})`, value: a.nummer })),
          })
      : undefined,
  };
}

async function bevindingenRapport(ctx: Ctx, opts: Opts): Promise<void> {
  const avond = await chooseAvond(ctx, opts.avond);
  const versie = parseOndertekenOpties(opts);
  if (opts.adres === undefined && opts.uit === undefined && !ctx.interactive) {
    throw new UserError("ontbrekende-optie", "Ontbrekende optie --adres (of --uit <map> voor één PDF per adres met bevindingen)");
  }
  const keuze = { onderteken: opts.onderteken === true, ondertekenaar: opts.ondertekenaar, overschrijven: opts.overschrijven };

  if (opts.adres === undefined && opts.uit !== undefined) {
    if (opts.pdf !== undefined) throw new UserError("gebruik", "Gebruik --pdf met --adres, of --uit <map> zonder --adres");
    if (versie !== undefined) throw new UserError("gebruik", "--versie kan alleen met --adres");
    const uit = opts.uit;
    const rapporten = await makeAvondRapporten(
      ctx.store(),
      { ...keuze, avondId: avond.id, map: () => ctx.outputFolder(uit) },
      omgeving(ctx),
    );
    ctx.emit({ avond_id: avond.id, map: rapporten.map, rapporten: rapporten.uitkomsten }, () =>
      rapporten.uitkomsten.map(renderRapportUitkomst).join("\n"),
    );
    return;
  }

  const adresRaw = await ctx.needChoice("adres", opts.adres, "Adres", async () =>
    (await listRapportAdressen(ctx.store(), avond.id)).map((a) => ({ name: formatAdres(a), value: String(a.id) })),
  );
  const adresId = parseId("adres", adresRaw);
  const pdf = await ctx.needText("pdf", opts.pdf, "PDF-bestand");
  ctx.outputFile(pdf, "pdf", opts.overschrijven); // checked before any work: never the database, no silent overwrite
  const u = await makeAdresRapport(ctx.store(), { ...keuze, avondId: avond.id, adresId, pdf, versie }, omgeving(ctx));
  ctx.emit(u, () => renderRapportUitkomst(u));
}

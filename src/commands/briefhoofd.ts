import fs from "node:fs";
import path from "node:path";
import type { Command } from "commander";
import { action, type Runtime } from "./runtime.js";
import { requireGemeente } from "../db/referentie.js";
import type { BriefhoofdVelden } from "../domain/brief.js";
import { renderBriefhoofd } from "../render/briefhoofd.js";
import { requireText } from "../domain/invoer.js";
import { invalid } from "../errors.js";
import { setBriefhoofd, showBriefhoofd } from "../usecases/briefhoofd.js";

interface ZetOpts {
  gemeente?: string;
  afdeling?: string;
  postadres?: string;
  telefoon?: string;
  email?: string;
  logo?: string;
  ondertekenaar?: string;
  functie?: string;
  mandaat?: string;
  mandaatBurgemeester?: string;
  rekening?: string;
}

/** Letterhead per gemeente: what letters print at the top and under the signature. */
export function register(program: Command, rt: Runtime): void {
  const bh = program
    .command("briefhoofd")
    .description("briefhoofd per gemeente: afdeling, postadres, contact, logo, ondertekenaar, mandaat");

  bh.command("zet")
    .description("wijzig het briefhoofd van een gemeente (alleen de opgegeven velden; een lege waarde zet het veld terug op de standaard)")
    .option("--gemeente <naam>", "gemeente")
    .option("--afdeling <tekst>", 'afdeling, bijv. "afdeling Vergunningen, Toezicht en Handhaving"')
    .option("--postadres <tekst>", 'bijv. "Postbus 10101, 5500 GA Veldhoven"')
    .option("--telefoon <nummer>", "algemeen nummer, bijv. 14 040")
    .option("--email <adres>", "algemeen e-mailadres van de afdeling")
    .option("--logo <png>", "logo (PNG of JPEG)")
    .option("--ondertekenaar <naam>", "naam van de ondertekenaar")
    .option("--functie <tekst>", "functie van de ondertekenaar")
    .option("--mandaat <tekst>", 'het mandaatbesluit waaronder wordt ondertekend, bijv. "Mandaatbesluit Veldhoven 2026"')
    .option(
      "--mandaat-burgemeester <tekst>",
      "het mandaatbesluit van de burgemeester, als dat een ander besluit is dan dat van het college",
    )
    .option("--rekening <iban>", "rekeningnummer voor verbeurde dwangsommen en kosten van bestuursdwang")
    .action(
      action<ZetOpts>(rt, async (ctx, opts) => {
        const gemeente = await ctx.needText("gemeente", opts.gemeente, "Gemeente");
        await ctx.read((sql) => requireGemeente(sql, gemeente)); // an unknown gemeente before the fields are checked
        const velden: BriefhoofdVelden = {};
        const text = (field: string, raw: string | undefined, max = 200) =>
          raw === undefined ? undefined : raw.trim() === "" ? "" : requireText(field, raw, max);
        velden.afdeling = text("afdeling", opts.afdeling);
        velden.postadres = text("postadres", opts.postadres);
        velden.telefoon = text("telefoon", opts.telefoon, 40);
        velden.email = text("email", opts.email, 120);
        if (velden.email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(velden.email))
          throw invalid("email", `"${velden.email}" is geen e-mailadres`);
        velden.ondertekenaarNaam = text("ondertekenaar", opts.ondertekenaar, 120);
        velden.ondertekenaarFunctie = text("functie", opts.functie, 120);
        velden.mandaat = text("mandaat", opts.mandaat, 200);
        velden.mandaatBurgemeester = text("mandaat-burgemeester", opts.mandaatBurgemeester, 200);
        velden.rekening = text("rekening", opts.rekening, 40);
        if (opts.logo !== undefined) velden.logo = opts.logo.trim() === "" ? "" : checkLogo(opts.logo);
        const gezet = Object.values(velden).some((v) => v !== undefined);
        if (!gezet) throw invalid("briefhoofd", "geef minstens één veld, bijv. --afdeling of --telefoon");
        const h = await setBriefhoofd(ctx.store(), gemeente, velden);
        ctx.emit(h, () => `Briefhoofd van ${h.gemeente} bijgewerkt.\n${renderBriefhoofd(h)}`);
      }),
    );

  bh.command("toon")
    .description("toon het briefhoofd zoals brieven het gebruiken (eigen velden, anders de standaard)")
    .option("--gemeente <naam>", "gemeente")
    .action(
      action<{ gemeente?: string }>(rt, async (ctx, opts) => {
        const h = await showBriefhoofd(ctx.store(), await ctx.needText("gemeente", opts.gemeente, "Gemeente"));
        ctx.emit(h, () => renderBriefhoofd(h));
      }),
    );
}

function checkLogo(raw: string): string {
  const file = path.resolve(raw.trim());
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw invalid("logo", `bestand "${raw}" bestaat niet`);
  const head = Buffer.alloc(8);
  const fd = fs.openSync(file, "r");
  try {
    fs.readSync(fd, head, 0, 8, 0);
  } finally {
    fs.closeSync(fd);
  }
  const png = head.equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const jpeg = head[0] === 0xff && head[1] === 0xd8;
  if (!png && !jpeg) throw invalid("logo", `"${raw}" is geen PNG- of JPEG-afbeelding`);
  return file;
}

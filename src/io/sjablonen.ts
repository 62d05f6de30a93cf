import fs from "node:fs";
import path from "node:path";
import { parseSjabloon, SJABLOON_NAAM, type BriefhoofdVelden, type SjabloonBestand } from "../domain/brief.js";
import { sleutel } from "../domain/invoer.js";
import { UserError } from "../errors.js";
import { shipped } from "../paths.js";
import type { SjabloonHerkomst } from "../render/sjabloon.js";

/** The templates shipped with the tool; a user folder (--sjablonen or INTERVENTIE_SJABLONEN) comes first. */
export const INGEBOUWDE_SJABLONEN = shipped("templates");
const EXTENSIES = [".hbs", ".md"];

export function sjabloonMappen(eigen: string | undefined): string[] {
  return [...(eigen ? [path.resolve(eigen)] : []), INGEBOUWDE_SJABLONEN];
}

function refuse(naam: string): UserError {
  return new UserError("ongeldig-sjabloon", `Sjabloonnaam "${naam}" is niet toegestaan: alleen letters, cijfers en streepjes, geen pad`);
}

/**
 * Finds a template by name. Names are bare (no folders, no extension games);
 * the resolved file, after following symlinks, must still lie inside its folder.
 */
export function findSjabloon(naam: string, eigen: string | undefined): { bestand: string; bron: "eigen" | "standaard" } {
  if (!SJABLOON_NAAM.test(naam)) throw refuse(naam);
  const mappen = sjabloonMappen(eigen);
  for (const [i, map] of mappen.entries()) {
    for (const ext of EXTENSIES) {
      const kandidaat = path.join(map, naam + ext);
      if (!fs.existsSync(kandidaat)) continue;
      const echt = fs.realpathSync(kandidaat);
      const echteMap = fs.realpathSync(map);
      if (path.relative(echteMap, echt).startsWith("..") || path.isAbsolute(path.relative(echteMap, echt))) throw refuse(naam);
      if (!fs.statSync(echt).isFile()) throw refuse(naam);
      return { bestand: echt, bron: eigen && i === 0 ? "eigen" : "standaard" };
    }
  }
  throw new UserError("niet-gevonden", `Sjabloon "${naam}" bestaat niet; zie: interventie sjabloon lijst`);
}

export function loadSjabloon(
  naam: string,
  eigen: string | undefined,
): SjabloonBestand & SjabloonHerkomst & { bestand: string; bron: "eigen" | "standaard" } {
  const { bestand, bron } = findSjabloon(naam, eigen);
  const inhoud = fs.readFileSync(bestand, "utf8");
  const parsed = parseSjabloon(naam, inhoud);
  if (typeof parsed === "string") throw new UserError("ongeldig-sjabloon", `${parsed} (${bestand})`);
  return { ...parsed, bestand, bron, ...regels(inhoud, parsed.tekst) };
}

/** The lines on which the body and "onderwerp:" start, so fill errors can name them. */
function regels(inhoud: string, tekst: string): Pick<SjabloonHerkomst, "tekstRegel" | "onderwerpRegel"> {
  const text = inhoud.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const lijnen = text.split("\n");
  const onderwerp = lijnen.findIndex((l) => /^onderwerp\s*:/i.test(l));
  const voorTekst = text.endsWith(tekst) ? text.slice(0, text.length - tekst.length) : "";
  return { tekstRegel: voorTekst.split("\n").length, onderwerpRegel: onderwerp >= 0 ? onderwerp + 1 : undefined };
}

/** All templates by name (a user template hides a shipped one of the same name). */
export function listSjablonen(eigen: string | undefined): { naam: string; titel: string; bron: "eigen" | "standaard"; bestand: string }[] {
  const seen = new Map<string, { naam: string; titel: string; bron: "eigen" | "standaard"; bestand: string }>();
  for (const map of sjabloonMappen(eigen)) {
    if (!fs.existsSync(map)) continue;
    for (const f of fs.readdirSync(map).sort()) {
      const ext = path.extname(f);
      const naam = path.basename(f, ext);
      if (!EXTENSIES.includes(ext) || !SJABLOON_NAAM.test(naam) || seen.has(naam)) continue;
      try {
        const s = loadSjabloon(naam, eigen);
        seen.set(naam, { naam, titel: s.titel, bron: s.bron, bestand: s.bestand });
      } catch {
        // A broken or escaping file is not listed; using it by name reports why.
      }
    }
  }
  return [...seen.values()].sort((a, b) => a.naam.localeCompare(b.naam));
}

/** The user's template folder: --sjablonen wins over INTERVENTIE_SJABLONEN. */
export function eigenSjabloonMap(flag: string | undefined, env: NodeJS.ProcessEnv): string | undefined {
  const map = flag ?? env.INTERVENTIE_SJABLONEN;
  if (!map) return undefined;
  if (!fs.existsSync(map) || !fs.statSync(map).isDirectory()) {
    throw new UserError("ongeldige-invoer", `sjablonen: map "${map}" bestaat niet`);
  }
  return map;
}

interface BriefhoofdFile {
  gemeente: string;
  afdeling?: string;
  postadres?: string;
  telefoon?: string;
  email?: string;
  ondertekenaar_naam?: string;
  ondertekenaar_functie?: string;
}

let standaardCache: BriefhoofdFile[] | undefined;

/** Shipped letterhead defaults (data/briefhoofden.json), read only when a letter is made. */
export function standaardBriefhoofd(gemeente: string): BriefhoofdVelden | undefined {
  standaardCache ??= JSON.parse(fs.readFileSync(shipped("data/briefhoofden.json"), "utf8")).gemeenten as BriefhoofdFile[];
  const f = standaardCache.find((b) => sleutel(b.gemeente) === sleutel(gemeente));
  if (!f) return undefined;
  return {
    afdeling: f.afdeling,
    postadres: f.postadres,
    telefoon: f.telefoon,
    email: f.email,
    ondertekenaarNaam: f.ondertekenaar_naam,
    ondertekenaarFunctie: f.ondertekenaar_functie,
  };
}

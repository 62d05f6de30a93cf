import { Help, Option, type Command } from "commander";

/**
 * The --help texts: Dutch headings, the options a command needs marked as such, the
 * global options under every command, and an example to copy. Commander builds the
 * text; this module only adjusts it, so every command gets it without extra code.
 */

/** Heading of the options a command needs; a terminal asks for them when they are left out. */
export const VERPLICHT = "Verplicht (een terminal vraagt erom als je het weglaat):";

/** An option the command needs, but that is asked for at a terminal rather than refused (unlike requiredOption). */
export function verplicht(flags: string, description: string): Option {
  return new Option(flags, description).helpGroup(VERPLICHT);
}

const TITELS: Record<string, string> = {
  "Usage:": "Gebruik:",
  "Options:": "Opties:",
  "Commands:": "Opdrachten:",
  "Arguments:": "Argumenten:",
  "Global Options:": "Algemene opties (voor of na de opdracht):",
};

/** One example per command, by command path: what a new user copies first. */
const VOORBEELDEN: Record<string, string[]> = {
  "": ["interventie demo", "interventie help avond nieuw", "interventie adres lijst --gemeente Veldhoven"],
  init: ["interventie init --team KIT"],
  demo: ["interventie demo --uit interventie-demo"],
  "gemeente lijst": ["interventie gemeente lijst"],
  "gemeente toevoegen": ["interventie gemeente toevoegen --naam Oss --team MIT"],
  "partner lijst": ["interventie partner lijst"],
  "partner toevoegen": ["interventie partner toevoegen --naam Woonbedrijf --soort facultatief"],
  "categorie lijst": ["interventie categorie lijst --json"],
  "categorie toevoegen": ['interventie categorie toevoegen --code kamerverhuur --naam "Illegale kamerverhuur" --partner Gemeente'],
  "adres toevoegen": [
    "interventie adres toevoegen --postcode 5504AB --huisnummer 12 --straat Kerkstraat --plaats Veldhoven --gemeente Veldhoven --type woning",
  ],
  "adres importeren": ["interventie adres importeren adressen.csv --dry-run"],
  "adres lijst": ["interventie adres lijst --gemeente Veldhoven"],
  "adres toon": ["interventie adres toon 1"],
  "betrokkene toevoegen": ['interventie betrokkene toevoegen --naam "Kempen Flex B.V." --rol eigenaar --adres 1 --kvk 17012345'],
  "betrokkene koppel": ["interventie betrokkene koppel 1 --adres 3 --rol verhuurder"],
  "betrokkene lijst": ["interventie betrokkene lijst"],
  "betrokkene toon": ["interventie betrokkene toon 1"],
  "signaal toevoegen": [
    'interventie signaal toevoegen --adres 1 --partner Politie --omschrijving "Overlast, veel wisselende bewoners" --thema huisvesting',
  ],
  "signaal lijst": ["interventie signaal lijst --partner UWV"],
  "casustafel nieuw": ["interventie casustafel nieuw --datum 2026-11-25 --gemeenten Veldhoven,Bladel,Eersel"],
  "casustafel agenda": ["interventie casustafel agenda 1 --pdf agenda.pdf"],
  "casustafel besluit": ['interventie casustafel besluit 1 --adres 1 --besluit controle --partners Politie,Enexis --toelichting "…"'],
  "casustafel lijst": ["interventie casustafel lijst"],
  "avond nieuw": ['interventie avond nieuw --casustafel 1 --datum 2026-12-03 --start 19:00 --doel "Huisvesting arbeidsmigranten"'],
  "avond rol": ['interventie avond rol 1 --rol teamleider --naam "Anja de Vries" --partner Gemeente --telefoon 06-12345678'],
  "avond risico": ['interventie avond risico 1 --adres 1 --niveau hoog --toelichting "hond, twee uitgangen"'],
  "avond noodplan": ["interventie avond noodplan 1 --verzamelpunt Kerkplein --codewoord Regenboog --uitrusting hesjes,portofoons"],
  "avond controleer": ["interventie avond controleer 1"],
  "avond draaiboek": ["interventie avond draaiboek 1 --pdf draaiboek.pdf"],
  "avond lijst": ["interventie avond lijst"],
  "avond toon": ["interventie avond toon 1"],
  "bevinding toevoegen": [
    'interventie bevinding toevoegen --avond 1 --adres 1 --categorie overbewoning --omschrijving "14 personen op 4 kamers" --personen 14',
    "interventie bevinding toevoegen --avond 1   # terminal: adres voor adres",
  ],
  "bevinding importeren": ["interventie bevinding importeren formulieren.csv --avond 1"],
  "bevinding lijst": ["interventie bevinding lijst --avond 1"],
  "bevinding wijzig": ['interventie bevinding wijzig 3 --tijdstip 20:10 --toezichthouder 4711 --methode "…"'],
  "bevinding formulier": ["interventie bevinding formulier --avond 5 --uit formulier.csv"],
  "bevinding bijlage toevoegen": ['interventie bevinding bijlage toevoegen 3 zolder.jpg --bijschrift "Zolder: vier matrassen"'],
  "bevinding bijlage lijst": ["interventie bevinding bijlage lijst 3"],
  "bevinding bijlage controleer": ["interventie bevinding bijlage controleer"],
  "toezichthouder toevoegen": [
    'interventie toezichthouder toevoegen --nummer 4711 --functie "toezichthouder Wonen" --organisatie Veldhoven',
  ],
  "hercontrole wijzig": [
    'interventie hercontrole wijzig 14 --tijdstip 10:15 --toezichthouder 4711 --methode "visuele waarneming" --waarneming "…"',
  ],
  "hercontrole bijlage toevoegen": ['interventie hercontrole bijlage toevoegen 14 zolder.jpg --bijschrift "Zolder: nog vijf matrassen"'],
  "hercontrole bijlage lijst": ["interventie hercontrole bijlage lijst 14"],
  "rapport hercontrole": ["interventie rapport hercontrole --opvolging 14 --pdf hercontrole.pdf --onderteken"],
  "rapport bevindingen": ["interventie rapport bevindingen --avond 5 --adres 1 --pdf rapport.pdf --onderteken"],
  "opvolging lijst": ["interventie opvolging lijst --status verlopen --gemeente Veldhoven"],
  "opvolging toevoegen": ["interventie opvolging toevoegen --bevinding 3 --actie persbericht --partner Gemeente --deadline 2026-12-15"],
  "opvolging bijwerken": [
    'interventie opvolging bijwerken 12 --status doodgelopen --resultaat "Eigenaar onvindbaar"',
    'interventie opvolging bijwerken 14 --beeindigd nee --datum 2026-12-22 --tijdstip 10:15 --toezichthouder 4711 --methode "visuele waarneming" --waarneming "Nog 12 bewoners"',
    "interventie opvolging bijwerken   # terminal: kies opvolging en wijziging",
  ],
  "brief maak": [
    "interventie brief maak --opvolging 12 --uit brieven/",
    "interventie brief maak   # terminal: kies uit de brieven die aan de beurt zijn",
  ],
  "brief batch": ["interventie brief batch --avond 1 --uit brieven/"],
  "handhaving lijst": ["interventie handhaving lijst --status lopend --gemeente Veldhoven"],
  "handhaving toon": ["interventie handhaving toon 1"],
  "handhaving zet": ['interventie handhaving zet 1 --overtreder 2 --hoedanigheid "verhuurder van de woning"'],
  "handhaving sluit": ['interventie handhaving sluit 1 --status afgerond --resultaat "Overtreding beëindigd vóór het besluit"'],
  "zienswijze toevoegen": [
    'interventie zienswijze toevoegen --brief INT-2026-000003 --ontvangen 2026-11-20 --samenvatting "Vraagt uitstel" --weging "…"',
  ],
  "zienswijze wegen": ['interventie zienswijze wegen 1 --weging "Uitstel niet nodig: de bewoners kunnen elders terecht"'],
  "zienswijze lijst": ["interventie zienswijze lijst --handhaving 1"],
  "toezichthouder lijst": ["interventie toezichthouder lijst"],
  "brief lijst": ["interventie brief lijst --avond 1"],
  "brief voorbeeld": ["interventie brief voorbeeld --sjabloon last-onder-dwangsom --uit voorbeeld.pdf"],
  "sjabloon lijst": ["interventie sjabloon lijst"],
  "sjabloon toon": ["interventie sjabloon toon informatiebrief-eigenaar"],
  "briefhoofd zet": ['interventie briefhoofd zet --gemeente Veldhoven --ondertekenaar "mr. J. van den Heuvel"'],
  "briefhoofd toon": ["interventie briefhoofd toon --gemeente Veldhoven"],
  "rapport top": ["interventie rapport top --van 2026-01-01 --tot 2026-12-31 --pdf top10.pdf"],
  "rapport jaar": ["interventie rapport jaar 2026 --pdf jaarverslag-2026.pdf"],
  "rapport opvolging": ["interventie rapport opvolging --gemeente Bladel"],
  "rapport terugkoppeling": ["interventie rapport terugkoppeling --partner UWV --pdf terugkoppeling-uwv.pdf"],
  log: ["interventie log --sinds 01-11-2026 --tabel adres"],
  backup: ["interventie backup --uit kopie.db"],
  export: ["interventie export --uit deel.json --pseudoniem"],
  opschonen: ["interventie opschonen --ouder-dan 24 --dry-run"],
  "beheer gebruiker toevoegen": [
    "interventie --db postgres://teamserver/kit beheer gebruiker toevoegen --login j.devries --rol handhaver --organisatie Bladel",
  ],
  overzetten: ["interventie overzetten --van team.db --naar postgres://teamserver/kit"],
  "beheer gebruiker lijst": ["interventie --db postgres://teamserver/kit beheer gebruiker lijst"],
  "beheer gebruiker intrekken": ["interventie --db postgres://teamserver/kit beheer gebruiker intrekken --login j.devries"],
};

/** An example as the shell takes it, broken before an option (with " \\") where it is wider than the window. */
function voorbeeldRegels(example: string, width: number): string[] {
  const parts = example.split(/ (?=--)/);
  const lines: string[] = [];
  let line = `  ${parts[0]!}`;
  for (const part of parts.slice(1)) {
    if (line.length + 1 + part.length + 2 > width) {
      lines.push(`${line} \\`);
      line = `      ${part}`;
    } else line += ` ${part}`;
  }
  return [...lines, line];
}

/** "avond nieuw" for the command `interventie avond nieuw`. */
export function commandPath(cmd: Command): string {
  const names: string[] = [];
  for (let c: Command | null = cmd; c?.parent; c = c.parent) names.unshift(c.name());
  return names.join(" ");
}

function dutchUsage(text: string): string {
  return text
    .replace(/\[options\]/g, "[opties]")
    .replace(/\[command\]/g, "[opdracht]")
    .replace(/\(default: /g, "(standaard: ")
    .replace(/\(choices: /g, "(keuzes: ");
}

/** The overrides for commander's Help (configureHelp), applied to every command. */
export function dutchHelpConfiguration(): Partial<Help> {
  return {
    showGlobalOptions: true,
    styleTitle: (title: string) => TITELS[title] ?? title,
    commandUsage(cmd: Command) {
      return dutchUsage(Help.prototype.commandUsage.call(this, cmd));
    },
    subcommandTerm(cmd: Command) {
      return dutchUsage(Help.prototype.subcommandTerm.call(this, cmd));
    },
    optionDescription(option: Option) {
      return dutchUsage(Help.prototype.optionDescription.call(this, option));
    },
    // Mandatory options (requiredOption) join the marked ones; that group comes first.
    groupItems<T extends Command | Option>(unsorted: T[], visible: T[], getGroup: (item: T) => string): Map<string, T[]> {
      const group = (item: T) => (item instanceof Option && item.mandatory ? VERPLICHT : getGroup(item));
      const groups = Help.prototype.groupItems.call(this, unsorted, visible, group as (item: Command | Option) => string) as Map<
        string,
        T[]
      >;
      const verplicht = groups.get(VERPLICHT);
      if (!verplicht) return groups;
      groups.delete(VERPLICHT);
      return new Map([[VERPLICHT, verplicht], ...groups]);
    },
    // --version belongs to the program, not to every command.
    visibleGlobalOptions(cmd: Command) {
      return Help.prototype.visibleGlobalOptions.call(this, cmd).filter((o) => o.long !== "--version");
    },
    formatHelp(cmd: Command, helper: Help) {
      const text = Help.prototype.formatHelp.call(helper, cmd, helper);
      const examples = VOORBEELDEN[commandPath(cmd)];
      if (!examples) return text;
      const width = helper.helpWidth ?? 80;
      return `${text.trimEnd()}\n\n${helper.styleTitle(examples.length > 1 ? "Voorbeelden:" : "Voorbeeld:")}\n${examples.flatMap((e) => voorbeeldRegels(e, width)).join("\n")}\n`;
    },
  };
}

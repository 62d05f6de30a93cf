import { createRequire } from "node:module";
import type { BriefContext, SjabloonBestand } from "../domain/brief.js";
import { formatDutch } from "../domain/dates.js";
import { UserError } from "../errors.js";

const require = createRequire(import.meta.url);

type HB = typeof import("handlebars");
type Ast = hbs.AST.Program;

export interface GevuldSjabloon {
  onderwerp: string;
  titel: string;
  tekst: string;
}

/** Where a template came from, when io/sjablonen.ts loaded it: for messages with file and line. */
export interface SjabloonHerkomst {
  bestand?: string;
  /** Line in the file on which the body (tekst) starts, 1-based. */
  tekstRegel?: number;
  /** Line in the file of "onderwerp:". */
  onderwerpRegel?: number;
}

/**
 * A template is text the legal department edits, not code that may take the tool down. Bounds:
 * - no partials and no decorators ({{> …}}, {{#*inline}}): without them a template cannot
 *   recurse (an inline partial calling itself twice ran for over a minute);
 * - at most MAX_HERHALINGEN iterations of {{#each}} per fill, MAX_UITVOER characters of output
 *   and MAX_DIEPTE nested blocks (deep nesting made the parser run for seconds);
 * - no {{log}} (it wrote names to stdout, breaking the one-JSON-document rule) and a silent
 *   Handlebars logger; prototype access stays refused (allowProtoPropertiesByDefault false).
 * Syntax errors and unknown helpers are reported with file, line and a Dutch reason.
 */
export const MAX_BRON_TEKENS = 64 * 1024;
export const MAX_DIEPTE = 40;
export const MAX_HERHALINGEN = 20_000;
export const MAX_UITVOER = 1024 * 1024;
/** A last resort besides the counts above, checked at every iteration. */
const MAX_MS = 5_000;

/**
 * Fills a template with Handlebars (loaded only here, so only letter commands pay for it).
 * No HTML escaping: the output is PDF text. Helpers: datum, hoofdletter.
 */
export function fillSjabloon(s: SjabloonBestand, context: BriefContext): GevuldSjabloon {
  const hb = begrensdHandlebars();
  const herkomst = s as SjabloonBestand & SjabloonHerkomst;
  const fill = (source: string, deel: "onderwerp" | "tekst"): string => {
    const plek = (regel?: number): string => {
      const start = deel === "tekst" ? herkomst.tekstRegel : herkomst.onderwerpRegel;
      const r = regel !== undefined && start !== undefined ? start + (deel === "tekst" ? regel - 1 : 0) : undefined;
      return [herkomst.bestand, r !== undefined ? `regel ${r}` : undefined].filter(Boolean).join(", ");
    };
    const fout = (reden: string, regel?: number): UserError => {
      const waar = plek(regel);
      return new UserError("ongeldig-sjabloon", `Sjabloon ${s.naam} (${deel}) kan niet worden gevuld: ${waar ? `${waar}: ` : ""}${reden}`);
    };
    const ast = ontleed(hb, source, fout);
    const budget = hb.budget.nieuw();
    try {
      const out = hb.compile(ast, { strict: false, noEscape: true })(context, {
        allowProtoPropertiesByDefault: false,
        allowProtoMethodsByDefault: false,
      });
      budget.uitvoer(out.length);
      return out;
    } catch (err) {
      if (err instanceof UserError) throw fout(err.message);
      throw fout(translateFout(err instanceof Error ? err.message : String(err)));
    } finally {
      hb.budget.klaar();
    }
  };
  return { onderwerp: fill(s.onderwerp, "onderwerp").trim(), titel: s.titel, tekst: fill(s.tekst, "tekst") };
}

interface Budget {
  stap(): void;
  uitvoer(n: number): void;
}

type BegrensdHB = ReturnType<HB["create"]> & { budget: { nieuw(): Budget; klaar(): void } };

function begrensdHandlebars(): BegrensdHB {
  const Handlebars = require("handlebars") as HB;
  const hb = Handlebars.create() as BegrensdHB;
  // The logger is shared by every instance: {{log}} and Handlebars' own warnings wrote to stdout/stderr.
  (hb.logger as { level: number | string }).level = "silent";
  hb.unregisterHelper("log");
  hb.unregisterDecorator("inline");
  hb.registerHelper("datum", (iso: unknown) =>
    typeof iso === "string" && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatDutch(iso) : String(iso ?? ""),
  );
  hb.registerHelper("hoofdletter", (t: unknown) => {
    const s2 = String(t ?? "");
    return s2.charAt(0).toUpperCase() + s2.slice(1);
  });
  let huidig: Budget | undefined;
  hb.budget = {
    nieuw() {
      let herhalingen = 0;
      let tekens = 0;
      const tot = Date.now() + MAX_MS;
      huidig = {
        stap() {
          if (++herhalingen > MAX_HERHALINGEN)
            throw new UserError(
              "ongeldig-sjabloon",
              `het sjabloon herhaalt te vaak (meer dan ${MAX_HERHALINGEN} keer); staat er een {{#each}} in een {{#each}}?`,
            );
          if (Date.now() > tot) throw new UserError("ongeldig-sjabloon", `het invullen duurt langer dan ${MAX_MS / 1000} seconden`);
        },
        uitvoer(n) {
          tekens += n;
          if (tekens > MAX_UITVOER)
            throw new UserError("ongeldig-sjabloon", `de brief wordt te lang (meer dan ${MAX_UITVOER / 1024 / 1024} MB tekst)`);
        },
      };
      return huidig;
    },
    klaar() {
      huidig = undefined;
    },
  };
  // Every repetition goes through each (blockHelperMissing iterates arrays with it too): count it.
  const each = hb.helpers.each as (this: unknown, context: unknown, options: Handlebars.HelperOptions) => string;
  hb.registerHelper("each", function (this: unknown, context: unknown, options: Handlebars.HelperOptions) {
    const fn = options.fn;
    const geteld = (ctx: unknown, o?: Handlebars.RuntimeOptions): string => {
      huidig?.stap();
      const out = fn(ctx, o);
      huidig?.uitvoer(out.length);
      return out;
    };
    return each.call(this, context, { ...options, fn: geteld as Handlebars.HelperOptions["fn"] });
  });
  return hb;
}

/** Parses with the limits above; syntax errors and unsupported constructs with their line. */
function ontleed(hb: BegrensdHB, source: string, fout: (reden: string, regel?: number) => UserError): Ast {
  if (source.length > MAX_BRON_TEKENS) throw fout(`het sjabloon is langer dan ${MAX_BRON_TEKENS / 1024} kB`);
  const blokken = blokkenVan(source);
  if (blokken.diepste.diepte > MAX_DIEPTE) throw fout(`meer dan ${MAX_DIEPTE} blokken in elkaar genest`, blokken.diepste.regel);
  let ast: Ast;
  try {
    ast = hb.parse(source);
  } catch (err) {
    const e = err as Error & { lineNumber?: number };
    throw fout(translateFout(e.message), foutRegel(e, blokken));
  }
  controleerKnopen(hb, ast, fout);
  return ast;
}

interface Blokken {
  diepste: { diepte: number; regel: number };
  /** Lines of the {{#…}} blocks still open at the end (innermost last). */
  open: number[];
  /** Line of each {{/name}}, in order. */
  sluit: { naam: string; regel: number }[];
}

/** {{#…}} opens, {{/…}} closes: a quick scan for nesting depth and for placing parse errors. */
function blokkenVan(source: string): Blokken {
  const b: Blokken = { diepste: { diepte: 0, regel: 1 }, open: [], sluit: [] };
  let regel = 1;
  for (const m of source.matchAll(/\n|\{\{~?\s*([#/])\s*([\w.-]*)/g)) {
    if (m[0] === "\n") regel++;
    else if (m[1] === "/") {
      b.open.pop();
      b.sluit.push({ naam: m[2]!, regel });
    } else {
      b.open.push(regel);
      if (b.open.length > b.diepste.diepte) b.diepste = { diepte: b.open.length, regel };
    }
  }
  return b;
}

/**
 * The line a person should look at: for a block left open, where it opens (the parser only knows
 * it met the end); for a block closed by the wrong name, that closing tag; otherwise the parser's.
 */
function foutRegel(e: Error & { lineNumber?: number }, blokken: Blokken): number | undefined {
  if (/got 'EOF'/.test(e.message) && blokken.open.length) return blokken.open[blokken.open.length - 1];
  const mismatch = /^\S+ doesn't match (\S+)/.exec(e.message);
  if (mismatch && e.lineNumber !== undefined) {
    return blokken.sluit.find((s) => s.naam === mismatch[1] && s.regel >= e.lineNumber!)?.regel ?? e.lineNumber;
  }
  const regel = e.lineNumber ?? Number(/on line (\d+)/.exec(e.message)?.[1] ?? Number.NaN);
  return Number.isNaN(regel) ? undefined : regel;
}

type Knoop = { type: string; loc?: { start: { line: number } }; [k: string]: unknown };

/** Partials, decorators and helpers that do not exist are refused before anything runs. */
function controleerKnopen(hb: BegrensdHB, ast: Ast, fout: (reden: string, regel?: number) => UserError): void {
  const bekend = new Set(Object.keys(hb.helpers));
  const bezoek = (k: unknown): void => {
    if (Array.isArray(k)) return k.forEach(bezoek);
    if (!k || typeof k !== "object") return;
    const knoop = k as Knoop;
    const regel = knoop.loc?.start.line;
    if (knoop.type === "PartialStatement" || knoop.type === "PartialBlockStatement") {
      throw fout("deelsjablonen ({{> …}}) worden niet ondersteund; zet de tekst in het sjabloon zelf", regel);
    }
    if (knoop.type === "Decorator" || knoop.type === "DecoratorBlock") throw fout("{{* …}} (decorators) wordt niet ondersteund", regel);
    if (knoop.type === "MustacheStatement" || knoop.type === "BlockStatement" || knoop.type === "SubExpression") {
      const pad = knoop.path as { type: string; original?: string; parts?: string[] };
      const params = (knoop.params as unknown[] | undefined) ?? [];
      const isHelper = params.length > 0 || knoop.hash !== undefined || knoop.type === "SubExpression";
      if (pad.type === "PathExpression" && isHelper && pad.parts?.length === 1 && !bekend.has(pad.original ?? "")) {
        throw fout(
          `onbekende hulpfunctie "${pad.original}" (beschikbaar: ${[...bekend]
            .filter((h) => !/Missing$/.test(h))
            .sort()
            .join(", ")})`,
          regel,
        );
      }
    }
    for (const [sleutel, waarde] of Object.entries(knoop)) if (sleutel !== "loc" && sleutel !== "strip") bezoek(waarde);
  };
  bezoek(ast.body);
}

/** Handlebars' English, as a reason a jurist can act on. */
export function translateFout(message: string): string {
  const eerste = message.split("\n")[0] ?? message;
  const mismatch = /^(\S+) doesn't match (\S+)/.exec(eerste);
  if (mismatch) return `{{/${mismatch[2]}}} sluit {{#${mismatch[1]}}} niet af`;
  const got = /got '([A-Z_]+)'/.exec(message)?.[1];
  if (got === "EOF") return "het sjabloon houdt op terwijl er nog iets open staat: een {{#…}} zonder {{/…}}, of {{ zonder }}";
  if (got === "INVALID") return "onverwacht teken tussen {{ en }}; controleer de accolades";
  if (got === "CLOSE") return "lege of onvolledige plaatshouder {{ }}";
  if (got) return "ongeldige Handlebars-opmaak";
  const helper = /Missing helper: "?([^"]+)"?/.exec(eerste);
  if (helper) return `onbekende hulpfunctie "${helper[1]}"`;
  const vereist = /^#?(\w+) requires exactly one argument/.exec(eerste);
  if (vereist) return `{{#${vereist[1]}}} heeft precies één waarde nodig`;
  if (/Maximum call stack/.test(eerste)) return `het sjabloon is te diep genest`;
  return eerste;
}

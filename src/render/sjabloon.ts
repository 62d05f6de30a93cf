import { createRequire } from "node:module";
import type { BriefContext, SjabloonBestand } from "../domain/brief.js";
import { formatDutch } from "../domain/dates.js";
import { UserError } from "../errors.js";

const require = createRequire(import.meta.url);

export interface GevuldSjabloon {
  onderwerp: string;
  titel: string;
  tekst: string;
}

/**
 * Fills a template with Handlebars (loaded only here, so only letter commands pay
 * for it). No HTML escaping: the output is PDF text. Helpers: datum, hoofdletter.
 */
export function vulSjabloon(s: SjabloonBestand, context: BriefContext): GevuldSjabloon {
  const Handlebars = (require("handlebars") as typeof import("handlebars")).create();
  Handlebars.registerHelper("datum", (iso: unknown) =>
    typeof iso === "string" && /^\d{4}-\d{2}-\d{2}$/.test(iso) ? formatDutch(iso) : String(iso ?? ""),
  );
  Handlebars.registerHelper("hoofdletter", (t: unknown) => {
    const s2 = String(t ?? "");
    return s2.charAt(0).toUpperCase() + s2.slice(1);
  });
  const fill = (source: string, deel: string): string => {
    try {
      return Handlebars.compile(source, { strict: false, noEscape: true })(context);
    } catch (err) {
      const msg = err instanceof Error ? err.message.split("\n")[0] : String(err);
      throw new UserError("ongeldig-sjabloon", `Sjabloon ${s.naam} (${deel}) kan niet worden gevuld: ${msg}`);
    }
  };
  return { onderwerp: fill(s.onderwerp, "onderwerp").trim(), titel: s.titel, tekst: fill(s.tekst, "tekst") };
}

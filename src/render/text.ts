/**
 * Text is data, on screen too. Input refuses control and format characters (domain/invoer.ts),
 * but rows from older versions, imported files and template files may still hold them: printed
 * raw, a CR, an ESC sequence, U+009B (CSI) or a bidi override (U+202E) lets text overwrite or
 * disguise itself. Every display path neutralises them here; JSON escapes them instead.
 */

/** C0/C1 controls, format characters (bidi, zero-width), line/paragraph separators, lone surrogates. */
const ONVEILIG = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu;
/** The colour codes our own Colors port writes (SGR: ESC [ digits ; … m), kept when asked. */
const KLEUR = /\u001b\[[0-9;]*m/g;
const VERVANGING = "\uFFFD";
/** ONVEILIG without C0: JSON already escapes those inside strings, and its own newlines must stay. */
const ONZICHTBAAR_IN_JSON = /[\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}]/gu;
/**
 * A quick test without Unicode property tables, a superset of ONVEILIG minus "\n" (every BMP
 * character of those classes, any surrogate for the rest; a unit test checks the superset):
 * almost all output has none, and every start of the tool pays for the slow path otherwise.
 */
const VERDACHT =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb\ud800-\udfff]/;

/** True when `text` may hold something to neutralise; false is certain. */
export function misschienOnveilig(text: string): boolean {
  return VERDACHT.test(text);
}

export interface Weergave {
  /** Keep newlines (and tabs, shown as a space) for multi-line output; otherwise one line. */
  regels?: boolean;
  /** Keep SGR colour codes (output that went through Colors); they cannot move the cursor. */
  kleur?: boolean;
}

/** The text as it may be shown on a terminal: every unsafe character becomes U+FFFD. */
export function neutraliseer(text: string, opts: Weergave = {}): string {
  if (!VERDACHT.test(text) && (opts.regels || !text.includes("\n"))) return text;
  const t = opts.regels ? text.replace(/\r\n/g, "\n") : text;
  const vervang = (deel: string): string =>
    deel.replace(ONVEILIG, (ch) => (ch === "\t" ? " " : ch === "\n" && opts.regels ? ch : VERVANGING));
  if (!opts.kleur) return vervang(t);
  // Colour codes survive; everything between them is neutralised.
  let uit = "";
  let vanaf = 0;
  for (const m of t.matchAll(KLEUR)) {
    uit += vervang(t.slice(vanaf, m.index)) + m[0];
    vanaf = m.index + m[0].length;
  }
  return uit + vervang(t.slice(vanaf));
}

/**
 * JSON for stdout: JSON.stringify escapes C0 controls but leaves C1, bidi and other format
 * characters raw. Escaping them too (\u202e) keeps the document identical as data and harmless
 * when it is printed to a terminal.
 */
export function jsonZonderStuurtekens(json: string): string {
  if (!VERDACHT.test(json)) return json;
  return json.replace(ONZICHTBAAR_IN_JSON, (ch) =>
    [...Array(ch.length).keys()].map((i) => `\\u${ch.charCodeAt(i).toString(16).padStart(4, "0")}`).join(""),
  );
}

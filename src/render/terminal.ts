/**
 * Text for a terminal: how wide it shows (colour codes take no room, East Asian
 * characters take two), word wrap and shortening. Tables and the agenda use it to
 * stay within the window.
 */

const ANSI = /\u001b\[[0-9;]*m/g;

export function stripAnsi(text: string): string {
  return text.replace(ANSI, "");
}

/** Columns a character takes: 0 for combining marks, 2 for wide (CJK, emoji), else 1. */
function charWidth(cp: number): number {
  if ((cp >= 0x300 && cp <= 0x36f) || cp === 0x200b) return 0;
  const wide =
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1faff) ||
    (cp >= 0x20000 && cp <= 0x3fffd);
  return wide ? 2 : 1;
}

export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of stripAnsi(text)) w += charWidth(ch.codePointAt(0)!);
  return w;
}

/** The longest prefix of a plain string that fits in `width` columns. */
function fitPrefix(text: string, width: number): string {
  let w = 0;
  let out = "";
  for (const ch of text) {
    const cw = charWidth(ch.codePointAt(0)!);
    if (w + cw > width) break;
    w += cw;
    out += ch;
  }
  return out;
}

/** Cuts plain text to `width` columns, ending in "…" when something was left out. */
export function shorten(text: string, width: number): string {
  return displayWidth(text) <= width ? text : cutWithEllipsis(text, width);
}

/** Text known to continue elsewhere: as much as fits in `width` columns, then "…". */
export function cutWithEllipsis(text: string, width: number): string {
  if (width <= 1) return "…".slice(0, Math.max(0, width));
  return `${fitPrefix(text, width - 1).trimEnd()}…`;
}

const MONTHS = "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december";
/** "19 november 2026" stays on one line: a date broken over three lines is hard to read. */
const DATE = new RegExp(`\\b(\\d{1,2}) (${MONTHS}) (\\d{4})\\b`, "g");
const KEEP = "\u00a0";
/** After a hyphen between letters ("voornemen-|last"), never inside codes and numbers (INT-2026-000002, 06-1234). */
const HYPHEN_BREAK = /(?<=\p{L}-)(?=\p{L})/u;

/** The pieces a line may break between: words, and inside a word after a hyphen between letters. */
export function breakableParts(text: string): string[] {
  return text
    .replace(DATE, `$1${KEEP}$2${KEEP}$3`)
    .split(/ +/)
    .flatMap((word) => word.split(HYPHEN_BREAK))
    .filter((w) => w !== "");
}

/**
 * Word-wraps plain text to `width` columns: breaks at spaces, after a hyphen inside a
 * word that does not fit, and mid-word only when a piece alone is wider than the line.
 * Dates ("19 november 2026") are not broken. Newlines in the text are kept.
 */
export function wrap(text: string, width: number): string[] {
  const w = Math.max(1, width);
  const lines: string[] = [];
  for (const source of text.split("\n")) {
    let line = "";
    for (const word of source.replace(DATE, `$1${KEEP}$2${KEEP}$3`).split(/ +/)) {
      if (word === "") continue;
      const candidate = line === "" ? word : `${line} ${word}`;
      if (displayWidth(candidate) <= w) {
        line = candidate;
        continue;
      }
      if (line !== "") lines.push(line);
      line = "";
      for (const part of word.split(HYPHEN_BREAK)) {
        if (displayWidth(line + part) <= w) {
          line += part;
          continue;
        }
        if (line !== "") lines.push(line);
        let rest = part;
        while (displayWidth(rest) > w) {
          const head = fitPrefix(rest, w);
          lines.push(head);
          rest = rest.slice(head.length);
        }
        line = rest;
      }
    }
    lines.push(line);
  }
  return lines.map((l) => l.replaceAll(KEEP, " "));
}

/** Lines indented under a label, wrapped to the window: "  signalen: …" and its continuation. */
export function wrapIndented(text: string, width: number, indent: string, hanging = indent): string[] {
  const first = wrap(text, width - displayWidth(indent));
  if (first.length <= 1) return first.map((l) => indent + l);
  const rest = wrap(first.slice(1).join(" "), width - displayWidth(hanging));
  return [indent + first[0], ...rest.map((l) => hanging + l)];
}

/**
 * The width of the window the output goes to, set once per run by the CLI from its
 * streams (see terminalWidthOf). Module state on purpose: every command's tables and
 * texts fit the window without each call passing it along.
 */
let windowWidth = 80;

export function setTerminalWidth(columns: number): void {
  windowWidth = columns;
}

export function terminalWidth(): number {
  return windowWidth;
}

/** COLUMNS when set (tests, narrow panes), else the terminal's own width, else 80 (pipes, files). */
export function terminalWidthOf(stdout: { isTTY?: boolean; columns?: number }, env: NodeJS.ProcessEnv): number {
  const fromEnv = Number(env.COLUMNS);
  if (/^\d+$/.test(env.COLUMNS ?? "") && fromEnv >= 20) return fromEnv;
  if (stdout.isTTY && stdout.columns && stdout.columns >= 20) return stdout.columns;
  return 80;
}

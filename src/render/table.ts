import type { Colors } from "./output.js";
import { breakableParts, cutWithEllipsis, displayWidth, shorten, stripAnsi, terminalWidth, wrap } from "./terminal.js";
import { neutraliseer } from "./text.js";

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
  align?: "left" | "right";
  /**
   * Which columns give way first when the window is too narrow for all of them: the
   * highest number goes first (default 5; among equals the rightmost goes first).
   * 1 for what identifies a row, 8–9 for detail that --json shows anyway.
   */
  priority?: number;
  /** Narrowest useful width (default: the header's width, at least 10, never more than the widest value). */
  min?: number;
  /** Long values wrap onto more lines (default) or are cut short with "…" (file names, codes). */
  overflow?: "wrap" | "shorten";
}

export interface TableOptions {
  /** The width to fit in; default the window's (terminalWidth()). */
  width?: number;
}

const DEFAULT_PRIORITY = 5;
const DEFAULT_MIN = 10;
/** Words up to this width are kept whole when there is room; longer ones may break anyway. */
const COMFORTABLE_CAP = 16;
/** A long single value shows at most this many lines; --json and --csv have the rest. */
const MAX_LINES = 4;
/** A value with several lines of its own (reasons, rules) wraps each to at most this many. */
const MAX_LINES_PER_SOURCE_LINE = 2;

interface Prepared {
  header: string;
  align: "left" | "right";
  cells: string[];
  natural: number;
  min: number;
  /** Wide enough for the longest word (capped), so that words are not broken if room allows. */
  comfortable: number;
  priority: number;
  index: number;
  overflow: "wrap" | "shorten";
}

/**
 * A bordered table that fits the window: empty columns are left out, long text
 * wraps (or is shortened) inside its cell, and when even that does not fit, the
 * least important columns are left out and named under the table.
 */
export function renderTable<T>(rows: T[], columns: Column<T>[], c: Colors, opts: TableOptions = {}): string {
  const width = opts.width ?? terminalWidth();
  const prepared = columns
    .map((col, index) => prepare(col, index, rows))
    .filter((p) => p.cells.some((cell) => stripAnsi(cell).trim() !== ""));
  const { shown, dropped } = chooseColumns(prepared, width);
  const widths = distribute(shown, width - overhead(shown.length));

  const border = (l: string, m: string, r: string) => `${l}${widths.map((w) => "─".repeat(w + 2)).join(m)}${r}`;
  const line = (cells: string[]) => `│ ${cells.map((cell, i) => pad(cell, widths[i]!, shown[i]!.align)).join(" │ ")} │`;
  const out = [border("┌", "┬", "┐")];
  const headerLines = shown.map((p, i) => wrap(p.header, widths[i]!).map((h) => c.bold(h)));
  out.push(...block(headerLines).map(line));
  for (let r = 0; r < rows.length; r++) {
    const cellLines = shown.map((p, i) => fitCell(p.cells[r]!, widths[i]!, p.overflow));
    out.push(...block(cellLines).map(line));
  }
  out.push(border("└", "┴", "┘"));
  if (dropped.length) {
    const names = dropped.map((p) => p.header || "(zonder kop)").join(", ");
    out.push(...wrap(`Niet getoond bij deze vensterbreedte: ${names} (zie --json of een breder venster).`, width).map((l) => c.dim(l)));
  }
  return out.join("\n");
}

function prepare<T>(col: Column<T>, index: number, rows: T[]): Prepared {
  // Stored text is data: neutralised before it reaches the terminal (render/text.ts); our own colours stay.
  const cells = rows.map((row) => {
    const v = col.value(row);
    return v === null || v === undefined ? "" : neutraliseer(String(v), { regels: true, kleur: true });
  });
  const natural = Math.max(displayWidth(col.header), ...cells.flatMap((cell) => cell.split("\n").map(displayWidth)), 1);
  const min = Math.min(natural, col.min ?? Math.max(displayWidth(col.header), DEFAULT_MIN));
  const longestWord = Math.max(0, ...cells.flatMap((cell) => breakableParts(stripAnsi(cell)).map(displayWidth)));
  const comfortable = Math.min(natural, Math.max(min, Math.min(longestWord, COMFORTABLE_CAP)));
  return {
    header: col.header,
    align: col.align ?? "left",
    cells,
    natural,
    min,
    comfortable,
    priority: col.priority ?? DEFAULT_PRIORITY,
    index,
    overflow: col.overflow ?? "wrap",
  };
}

/** "│ " + " │ " between + " │": three columns of border and padding per cell, one to close. */
function overhead(n: number): number {
  return 3 * n + 1;
}

/**
 * Leaves out the least important columns until the rest fits without breaking words:
 * fewer whole columns (the note under the table names the others) read better than
 * many columns of word fragments.
 */
function chooseColumns(prepared: Prepared[], width: number): { shown: Prepared[]; dropped: Prepared[] } {
  const shown = [...prepared];
  const dropped: Prepared[] = [];
  const needed = () => shown.reduce((s, p) => s + p.comfortable, 0) + overhead(shown.length);
  while (shown.length > 1 && needed() > width) {
    const victim = shown.reduce((a, b) => (b.priority > a.priority || (b.priority === a.priority && b.index > a.index) ? b : a));
    shown.splice(shown.indexOf(victim), 1);
    dropped.push(victim);
  }
  dropped.sort((a, b) => a.index - b.index);
  return { shown, dropped };
}

/**
 * Widths within the budget: every column gets its natural width if all fit. Otherwise each
 * starts wide enough for its longest word and the rest is shared out towards the natural
 * widths, the columns needing least first, so short columns never wrap to make room for
 * long text. A single column wider than the window simply takes the window.
 */
function distribute(shown: Prepared[], budget: number): number[] {
  if (shown.reduce((s, p) => s + p.natural, 0) <= budget) return shown.map((p) => p.natural);
  const widths = shown.map((p) => p.comfortable);
  let extra = budget - widths.reduce((s, w) => s + w, 0);
  if (extra < 0) return shown.length === 1 ? [Math.max(1, budget)] : shown.map((p) => p.min);
  const need = (i: number) => shown[i]!.natural - widths[i]!;
  for (let open = shown.map((_, i) => i).filter((i) => need(i) > 0); extra > 0 && open.length > 0;) {
    const share = Math.max(1, Math.floor(extra / open.length));
    for (const i of open.sort((a, b) => need(a) - need(b))) {
      const give = Math.min(share, need(i), extra);
      widths[i]! += give;
      extra -= give;
    }
    open = open.filter((i) => need(i) > 0);
  }
  return widths;
}

/** The lines of one cell: wrapped or shortened, colour kept when the whole value had one colour. */
function fitCell(cell: string, width: number, overflow: "wrap" | "shorten"): string[] {
  const plain = stripAnsi(cell);
  const sources = plain.split("\n");
  let lines: string[];
  if (overflow === "shorten") lines = sources.map((s) => shorten(s, width));
  else {
    const perSource = sources.length > 1 ? MAX_LINES_PER_SOURCE_LINE : MAX_LINES;
    lines = sources.flatMap((s) => {
      const wrapped = wrap(s, width);
      if (wrapped.length <= perSource) return wrapped;
      const kept = wrapped.slice(0, perSource);
      kept[perSource - 1] = cutWithEllipsis(`${kept[perSource - 1]!} ${wrapped[perSource]!}`, width);
      return kept;
    });
  }
  if (plain === cell) return lines;
  // One colour around the whole value (e.g. a red "VERLOPEN"): paint every line with it.
  const m = /^((?:\u001b\[[0-9;]*m)+)[^\u001b]*((?:\u001b\[[0-9;]*m)+)$/.exec(cell);
  return m ? lines.map((l) => `${m[1]}${l}${m[2]}`) : lines;
}

/** Cells of one row side by side: each column padded to the same number of lines. */
function block(cells: string[][]): string[][] {
  const height = Math.max(1, ...cells.map((l) => l.length));
  return Array.from({ length: height }, (_, i) => cells.map((l) => l[i] ?? ""));
}

function pad(text: string, width: number, align: "left" | "right"): string {
  const room = " ".repeat(Math.max(0, width - displayWidth(text)));
  return align === "right" ? room + text : text + room;
}

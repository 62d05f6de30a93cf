import { median, type Meting } from "./meet.js";

export interface Resultaat {
  naam: string;
  /** Median wall time of the subject and of its baseline, in ms. */
  ms: number;
  basis_ms: number;
  basis: string;
  ratio: number;
  /** Target ratio (at most), or null for figures reported for information. */
  doel: number | null;
  gehaald: boolean | null;
  runs: number;
}

export function beoordeel(naam: string, subject: Meting, basis: Meting, basisNaam: string, doel?: number): Resultaat {
  const ms = median(subject.ms);
  const basisMs = median(basis.ms);
  const ratio = ms / basisMs;
  return {
    naam,
    ms: round(ms),
    basis_ms: round(basisMs),
    basis: basisNaam,
    ratio: Math.round(ratio * 100) / 100,
    doel: doel ?? null,
    gehaald: doel === undefined ? null : ratio <= doel,
    runs: subject.ms.length,
  };
}

export interface Piek {
  naam: string;
  piek_mb: number;
  doel_mb: number | null;
  gehaald: boolean | null;
}

/** The table `npm run bench` prints: ratios first, since absolute times depend on the machine. */
export function tabel(resultaten: readonly Resultaat[], pieken: readonly Piek[]): string {
  const rijen: string[][] = [["meting", "ratio", "doel", "", "mediaan", "basis", "runs"]];
  for (const r of resultaten) {
    rijen.push([
      r.naam,
      `${r.ratio.toFixed(2)}×`,
      r.doel === null ? "" : `≤ ${r.doel}×`,
      teken(r.gehaald),
      `${r.ms} ms`,
      `${r.basis_ms} ms (${r.basis})`,
      String(r.runs),
    ]);
  }
  rijen.push([]);
  rijen.push(["piekgeheugen (RSS)", "", "doel", "", "piek", "", ""]);
  for (const p of pieken)
    rijen.push([p.naam, "", p.doel_mb === null ? "" : `< ${p.doel_mb} MB`, teken(p.gehaald), `${p.piek_mb} MB`, "", ""]);
  const breed = rijen[0]!.map((_, i) => Math.max(...rijen.map((r) => (r[i] ?? "").length)));
  return rijen
    .map((r) =>
      r.length === 0
        ? ""
        : r
            .map((c, i) => c.padEnd(breed[i]!))
            .join("  ")
            .trimEnd(),
    )
    .join("\n");
}

function teken(gehaald: boolean | null): string {
  return gehaald === null ? "" : gehaald ? "gehaald" : "GEMIST";
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10;
}

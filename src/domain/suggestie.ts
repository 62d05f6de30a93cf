/**
 * "Bedoelde je …?": the closest known names to what was typed, as git and gh do for
 * commands. One rule for commands, options and reference values (gemeenten, partners,
 * categories). Pure.
 */

/** Edit distance with adjacent transpositions counted once (optimal string alignment), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...Array<number>(t.length).fill(0)]);
  for (let j = 1; j <= t.length; j++) d[0]![j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[s.length]![t.length]!;
}

/**
 * Known names close enough to `typed` to be what was meant, best first (at most three).
 * Close enough: a third of the typed length may differ (at least one character), or the
 * typed text is the start of a name ("veld" → Veldhoven).
 */
export function closest(typed: string, known: readonly string[]): string[] {
  const t = typed.trim();
  if (t === "") return [];
  const allowed = Math.max(1, Math.floor(t.replace(/^-+/, "").length / 3));
  const scored = [...new Set(known)]
    .map((name) => {
      const distance = editDistance(t, name);
      const prefix = t.length >= 3 && name.toLowerCase().startsWith(t.toLowerCase());
      return { name, score: prefix ? Math.min(distance, 1) : distance, ok: prefix || distance <= allowed };
    })
    .filter((x) => x.ok && x.name.toLowerCase() !== t.toLowerCase());
  if (scored.length === 0) return [];
  const best = Math.min(...scored.map((x) => x.score));
  return scored
    .filter((x) => x.score === best)
    .map((x) => x.name)
    .slice(0, 3);
}

/** "Bedoelde je Veldhoven?" (or "… A of B?"), or "" when nothing is close; `label` shows a name in context. */
export function bedoeldeJe(typed: string, known: readonly string[], label: (name: string) => string = (n) => n): string {
  const hits = closest(typed, known).map(label);
  if (hits.length === 0) return "";
  const list = hits.length === 1 ? hits[0]! : `${hits.slice(0, -1).join(", ")} of ${hits[hits.length - 1]!}`;
  return `Bedoelde je ${list}?`;
}

/** A message with the suggestion after it, when there is one: "X bestaat niet. Bedoelde je Y?" */
export function metSuggestie(message: string, typed: string, known: readonly string[], label?: (name: string) => string): string {
  const hint = bedoeldeJe(typed, known, label);
  return hint ? `${message}. ${hint}` : message;
}

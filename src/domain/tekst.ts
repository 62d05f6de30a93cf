/** Dutch words that depend on a number. Pure. */

/** "1 opvolging", "3 opvolgingen", "0 opvolgingen": the number with the right form of the word. */
export function aantal(n: number, enkelvoud: string, meervoud: string): string {
  return `${n} ${n === 1 ? enkelvoud : meervoud}`;
}

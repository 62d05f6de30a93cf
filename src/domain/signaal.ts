import { invalid } from "../errors.js";
import { addDays, formatDutch, parseDate, type IsoDate } from "./dates.js";

/**
 * A signal reports something that happened: its date cannot lie in the future. One day of
 * tolerance covers a signal typed just after midnight elsewhere. A future date also kept the
 * address's case from ever reaching its retention term.
 */
export const SIGNAAL_TOLERANTIE_DAGEN = 1;

export function signaalDatum(raw: string | undefined, today: IsoDate): IsoDate {
  if (raw === undefined || raw.trim() === "") return today;
  const datum = parseDate(raw, "datum");
  const uiterlijk = addDays(today, SIGNAAL_TOLERANTIE_DAGEN);
  if (datum > uiterlijk) {
    throw invalid("datum", `${formatDutch(datum)} ligt in de toekomst; een signaal kan uiterlijk ${formatDutch(uiterlijk)} gedateerd zijn`);
  }
  return datum;
}

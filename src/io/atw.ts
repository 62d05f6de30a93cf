import fs from "node:fs";
import { makeKalender, type AtwDag, type Kalender } from "../domain/termijn.js";
import { shipped } from "../paths.js";

let cached: Kalender | undefined;

/**
 * The Atw calendar from data/atw-dagen.json, read on first use: list commands never pay for it
 * (nor for date-holidays, which the calendar loads only when a date is asked).
 */
export function kalender(): Kalender {
  cached ??= makeKalender((JSON.parse(fs.readFileSync(shipped("data/atw-dagen.json"), "utf8")) as { dagen: AtwDag[] }).dagen);
  return cached;
}

import fs from "node:fs";
import { parseLadderData, type LadderData } from "../domain/ladder.js";
import { shipped } from "../paths.js";

let cached: LadderData | undefined;

/** The ladder's steps, actions and templates from data/handhavingsladder.json, read on first use. */
export function ladderData(): LadderData {
  cached ??= parseLadderData(JSON.parse(fs.readFileSync(shipped("data/handhavingsladder.json"), "utf8")));
  return cached;
}

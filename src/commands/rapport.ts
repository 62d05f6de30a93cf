import type { Command } from "commander";
import type { Runtime } from "./runtime.js";
import { registerTerugkoppeling } from "./terugkoppeling.js";

/** `rapport`: reports. Each report registers its own subcommand. */
export function register(program: Command, rt: Runtime): void {
  const rapport = program.command("rapport").description("rapportages: terugkoppeling aan partners");
  registerTerugkoppeling(rapport, rt);
}

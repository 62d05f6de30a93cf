import type { Command } from "commander";
import type { Runtime } from "./runtime.js";

export interface CommandModule {
  register(program: Command, rt: Runtime): void;
}

/**
 * Every top-level command word and where it lives. Only the module of the word
 * being run is imported, so start-up pays for nothing else (help loads all).
 */
export const COMMANDS: Record<string, () => Promise<CommandModule>> = {
  init: () => import("./init.js"),
  demo: () => import("./demo.js"),
  gemeente: () => import("./referentie.js"),
  partner: () => import("./referentie.js"),
  categorie: () => import("./referentie.js"),
  adres: () => import("./adres.js"),
  betrokkene: () => import("./betrokkene.js"),
  signaal: () => import("./signaal.js"),
  casustafel: () => import("./casustafel.js"),
  avond: () => import("./avond.js"),
  bevinding: () => import("./bevinding.js"),
  toezichthouder: () => import("./toezichthouder.js"),
  opvolging: () => import("./opvolging.js"),
  hercontrole: () => import("./hercontrole.js"),
  rapport: () => import("./rapport.js"),
  log: () => import("./log.js"),
  backup: () => import("./backup.js"),
  export: () => import("./export.js"),
  opschonen: () => import("./opschonen.js"),
  brief: () => import("./brief.js"),
  sjabloon: () => import("./sjabloon.js"),
  briefhoofd: () => import("./briefhoofd.js"),
  handhaving: () => import("./handhaving.js"),
  zienswijze: () => import("./zienswijze.js"),
  beheer: () => import("./beheer.js"),
  overzetten: () => import("./overzetten.js"),
};

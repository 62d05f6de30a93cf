import { UserError } from "../errors.js";
import { neutraliseer } from "../render/text.js";
import { styleText } from "node:util";
import { importEsm } from "../esm.js";

type Prompts = typeof import("@inquirer/prompts");

/**
 * The one prompt module. Commands ask through a Prompter; production uses
 * @inquirer/prompts (loaded only when a prompt is really shown) in Dutch, tests and
 * scripts substitute scripted answers. Either way a wrong answer is refused with
 * the reason and asked again: it never ends the flow.
 */
export interface Choice<T> {
  name: string;
  value: T;
  checked?: boolean;
}

export interface Prompter {
  input(opts: { message: string; default?: string; validate?: (v: string) => true | string }): Promise<string>;
  /** `placeholder`: a first line that cannot be chosen, so that Enter alone picks nothing (no silent default). */
  select<T>(opts: { message: string; choices: Choice<T>[]; default?: T; placeholder?: string }): Promise<T>;
  checkbox<T>(opts: { message: string; choices: Choice<T>[]; validate?: (chosen: T[]) => true | string }): Promise<T[]>;
  confirm(opts: { message: string; default?: boolean }): Promise<boolean>;
  /** A secret typed without echo (a new login's password): never shown, never logged. */
  password(opts: { message: string; validate?: (v: string) => true | string }): Promise<string>;
}

/**
 * Asks until the answer passes `parse`, the same function that checks the flag: one rule
 * in one place. A UserError from parse is shown under the question; the parsed value is returned.
 */
export async function ask<T>(prompts: Prompter, opts: { message: string; default?: string; parse: (raw: string) => T }): Promise<T> {
  const raw = await prompts.input({ message: opts.message, default: opts.default, validate: (v) => problem(() => opts.parse(v)) });
  return opts.parse(raw);
}

/** true when fn accepts, otherwise the Dutch reason it gives. Other errors are bugs and pass through. */
export function problem(fn: () => unknown): true | string {
  try {
    fn();
    return true;
  } catch (err) {
    if (err instanceof UserError) return err.message;
    throw err;
  }
}

/** At least one ticked: the checkbox's own check, in Dutch. */
export const minstensEen = (what: string) => (chosen: unknown[]) =>
  chosen.length > 0 ? true : `Kies minstens één ${what} (spatie om aan te vinken, dan ⏎)`;

const KEYS: Record<string, string> = { space: "spatie" };
const ACTIONS: Record<string, string> = {
  navigate: "bladeren",
  select: "kiezen",
  submit: "bevestigen",
  all: "alles",
  invert: "omkeren",
};
const NIET_KIESBAAR = "Kies eerst een antwoord met ↑↓, dan ⏎";

/** @inquirer/prompts' key hints and messages in Dutch ("↑↓ bladeren • spatie aanvinken • ⏎ bevestigen"). */
async function dutchTheme(): Promise<{ keysHelpTip: (keys: [string, string][]) => string }> {
  return {
    keysHelpTip: (keys) =>
      keys
        .map(([key, action]) => {
          // In a checkbox the space bar ticks ("aanvinken"); Enter in a list picks ("kiezen").
          const wat = key === "space" && action === "select" ? "aanvinken" : (ACTIONS[action] ?? action);
          return `${styleText("bold", KEYS[key] ?? key)} ${styleText("dim", wat)}`;
        })
        .join(styleText("dim", " • ")),
  };
}

/** Choice names come from the database: shown neutralised (render/text.ts), like every display. */
const zichtbaar = <T>(c: Choice<T>): Choice<T> => ({ ...c, name: neutraliseer(c.name) });

export const inquirerPrompter: Prompter = {
  async input(opts) {
    const { input } = await importEsm<Prompts>("@inquirer/prompts");
    return input({
      message: neutraliseer(opts.message),
      default: opts.default,
      validate: opts.validate,
      transformer: (v) => neutraliseer(v),
    });
  },
  async select(opts) {
    const { select } = await importEsm<Prompts>("@inquirer/prompts");
    const style = await dutchTheme();
    const choices = opts.placeholder
      ? [{ name: opts.placeholder, value: undefined as never, disabled: " " }, ...opts.choices]
      : opts.choices;
    return select({
      message: neutraliseer(opts.message),
      choices: choices.map(zichtbaar),
      default: opts.default,
      pageSize: 15,
      theme: { style, i18n: { disabledError: NIET_KIESBAAR } },
    });
  },
  async checkbox(opts) {
    const { checkbox } = await importEsm<Prompts>("@inquirer/prompts");
    const style = await dutchTheme();
    return checkbox({
      message: neutraliseer(opts.message),
      choices: opts.choices.map(zichtbaar),
      pageSize: 15,
      validate: opts.validate ? (chosen) => opts.validate!(chosen.map((c) => c.value)) : undefined,
      theme: {
        style: { ...style, renderSelectedChoices: (chosen: { short: string }[]) => chosen.map((c) => c.short).join(", ") || "geen" },
      },
    });
  },
  async confirm(opts) {
    const { confirm } = await importEsm<Prompts>("@inquirer/prompts");
    return confirm({
      message: neutraliseer(opts.message),
      default: opts.default,
      theme: { keywords: { yes: "Ja", no: "Nee", error: () => 'Antwoord met "j" (ja) of "n" (nee)' } },
    });
  },
  async password(opts) {
    const { password } = await importEsm<Prompts>("@inquirer/prompts");
    return password({ message: neutraliseer(opts.message), mask: "*", validate: opts.validate });
  },
};

/**
 * Answers given in advance, in order, as a person would type them. A select/checkbox
 * answer may be the choice's value or its visible name. A wrong answer is reported on
 * `report` (as the terminal shows it under the question) and the next answer is taken,
 * so a script can show that a mistake is asked again rather than fatal.
 */
export function scriptedPrompter(answers: unknown[], report: (line: string) => void = () => {}): Prompter {
  const queue = [...answers];
  const next = (message: string): unknown => {
    if (queue.length === 0) throw new UserError("geen-antwoord", `Geen antwoord meer voor de vraag "${message}"; er is niets gewijzigd`);
    return queue.shift();
  };
  /** Takes answers until one is accepted. */
  const until = <R>(message: string, accept: (answer: unknown) => { ok: R } | { fout: string }, geheim = false): R => {
    for (;;) {
      const answer = next(message);
      const r = accept(answer);
      if ("ok" in r) return r.ok;
      report(`? ${message} ${geheim ? "***" : JSON.stringify(answer)}\n> ${r.fout}`);
    }
  };
  const find = <T>(choices: Choice<T>[], answer: unknown): Choice<T> | undefined =>
    choices.find((c) => c.value === answer || c.name === answer || String(c.value) === String(answer));
  const noChoice = (choices: Choice<unknown>[]) => `Geen keuze; kies uit: ${choices.map((c) => c.name).join(", ")}`;
  return {
    async input(opts) {
      return until<string>(opts.message, (a) => {
        const text = a === undefined || a === null || a === "" ? (opts.default ?? "") : String(a);
        const ok = opts.validate ? opts.validate(text) : true;
        return ok === true ? { ok: text } : { fout: ok };
      });
    },
    async select<T>(opts: { message: string; choices: Choice<T>[]; default?: T; placeholder?: string }) {
      return until<T>(opts.message, (a) => {
        if ((a === undefined || a === null || a === "") && opts.default !== undefined) return { ok: opts.default };
        if (a === undefined || a === null || a === "") return { fout: opts.placeholder ? NIET_KIESBAAR : noChoice(opts.choices) };
        const hit = find(opts.choices, a);
        return hit ? { ok: hit.value } : { fout: noChoice(opts.choices) };
      });
    },
    async checkbox<T>(opts: { message: string; choices: Choice<T>[]; validate?: (chosen: T[]) => true | string }) {
      return until<T[]>(opts.message, (a) => {
        const list = Array.isArray(a) ? a : a === undefined || a === null || a === "" ? [] : [a];
        const hits = list.map((x) => find(opts.choices, x));
        if (hits.some((h) => h === undefined)) return { fout: noChoice(opts.choices) };
        const chosen = hits.map((h) => h!.value);
        const ok = opts.validate ? opts.validate(chosen) : true;
        return ok === true ? { ok: chosen } : { fout: ok };
      });
    },
    async confirm(opts) {
      return until<boolean>(opts.message, (a) => {
        if (a === undefined || a === null || a === "") return { ok: opts.default ?? false };
        if (typeof a === "boolean") return { ok: a };
        const t = String(a).trim().toLowerCase();
        if (["j", "ja", "y", "yes"].includes(t)) return { ok: true };
        if (["n", "nee", "no"].includes(t)) return { ok: false };
        return { fout: 'Antwoord met "j" (ja) of "n" (nee)' };
      });
    },
    async password(opts) {
      // A refused secret is reported without the secret itself.
      return until<string>(
        opts.message,
        (a) => {
          const text = a === undefined || a === null ? "" : String(a);
          const ok = opts.validate ? opts.validate(text) : true;
          return ok === true ? { ok: text } : { fout: ok };
        },
        true,
      );
    },
  };
}

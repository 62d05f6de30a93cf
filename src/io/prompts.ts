/**
 * The one prompt module. Commands ask through a Prompter; production uses
 * @inquirer/prompts (loaded only when a prompt is really shown), tests and
 * scripts substitute scripted answers.
 */
import { neutraliseer } from "../render/text.js";

export interface Choice<T> {
  name: string;
  value: T;
  checked?: boolean;
}

export interface Prompter {
  input(opts: { message: string; default?: string; validate?: (v: string) => true | string }): Promise<string>;
  select<T>(opts: { message: string; choices: Choice<T>[]; default?: T }): Promise<T>;
  checkbox<T>(opts: { message: string; choices: Choice<T>[] }): Promise<T[]>;
  confirm(opts: { message: string; default?: boolean }): Promise<boolean>;
}

/** Choice names come from the database: shown neutralised (render/text.ts), like every display. */
const zichtbaar = <T>(c: Choice<T>): Choice<T> => ({ ...c, name: neutraliseer(c.name) });

export const inquirerPrompter: Prompter = {
  async input(opts) {
    const { input } = await import("@inquirer/prompts");
    return input({
      message: neutraliseer(opts.message),
      default: opts.default,
      validate: opts.validate,
      transformer: (v) => neutraliseer(v),
    });
  },
  async select(opts) {
    const { select } = await import("@inquirer/prompts");
    return select({ message: neutraliseer(opts.message), choices: opts.choices.map(zichtbaar), default: opts.default, pageSize: 15 });
  },
  async checkbox(opts) {
    const { checkbox } = await import("@inquirer/prompts");
    return checkbox({ message: neutraliseer(opts.message), choices: opts.choices.map(zichtbaar), pageSize: 15 });
  },
  async confirm(opts) {
    const { confirm } = await import("@inquirer/prompts");
    return confirm({ message: neutraliseer(opts.message), default: opts.default });
  },
};

/**
 * Answers given in advance, in order. A select/checkbox answer may be the
 * choice's value or its visible name; an answer is validated like typed input.
 */
export function scriptedPrompter(answers: unknown[], log?: (question: string) => void): Prompter {
  const queue = [...answers];
  const next = (message: string): unknown => {
    log?.(message);
    if (queue.length === 0) throw new Error(`Geen antwoord meer voor vraag: ${message}`);
    return queue.shift();
  };
  const pick = <T>(choices: Choice<T>[], answer: unknown, message: string): T => {
    const hit = choices.find((c) => c.value === answer || c.name === answer || String(c.value) === String(answer));
    if (!hit) throw new Error(`Antwoord ${JSON.stringify(answer)} is geen keuze bij: ${message}`);
    return hit.value;
  };
  return {
    async input(opts) {
      const a = next(opts.message);
      const text = a === undefined || a === null || a === "" ? (opts.default ?? "") : String(a);
      const ok = opts.validate ? opts.validate(text) : true;
      if (ok !== true) throw new Error(`Ongeldig antwoord bij ${opts.message}: ${ok}`);
      return text;
    },
    async select(opts) {
      return pick(opts.choices, next(opts.message), opts.message);
    },
    async checkbox(opts) {
      const a = next(opts.message);
      const list = Array.isArray(a) ? a : [a];
      return list.map((x) => pick(opts.choices, x, opts.message));
    },
    async confirm(opts) {
      const a = next(opts.message);
      if (a === undefined || a === null || a === "") return opts.default ?? false;
      return a === true || a === "j" || a === "ja" || a === "y";
    },
  };
}

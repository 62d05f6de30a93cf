import { jsonZonderStuurtekens } from "./text.js";
import { importEsm } from "../esm.js";

/** Where a command's output goes; injectable so tests run the CLI in-process. */
export interface Streams {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdinIsTTY: boolean;
  env: NodeJS.ProcessEnv;
}

type Paint = (text: string) => string;

/** The few styles the CLI uses; a narrow port so that uncoloured runs never load chalk. */
export interface Colors {
  bold: Paint;
  boldUnderline: Paint;
  dim: Paint;
  red: Paint;
  redBold: Paint;
  green: Paint;
  yellow: Paint;
  cyan: Paint;
}

const same: Paint = (text) => text;
export const PLAIN: Colors = {
  bold: same,
  boldUnderline: same,
  dim: same,
  red: same,
  redBold: same,
  green: same,
  yellow: same,
  cyan: same,
};

/** chalk 5 ignores NO_COLOR; colour only for a real terminal that did not opt out. */
export function colorLevel(streams: Streams): 0 | 1 {
  const off = streams.env.NO_COLOR !== undefined && streams.env.NO_COLOR !== "";
  const forced = streams.env.FORCE_COLOR !== undefined && streams.env.FORCE_COLOR !== "0";
  return off ? 0 : forced || streams.stdout.isTTY ? 1 : 0;
}

/** Scripts, pipes and --json get PLAIN without importing chalk (~15 ms of start-up). */
export async function colorsFor(streams: Streams): Promise<Colors> {
  const level = colorLevel(streams);
  if (level === 0) return PLAIN;
  const { Chalk } = await importEsm<typeof import("chalk")>("chalk");
  const c = new Chalk({ level });
  return {
    bold: (t) => c.bold(t),
    boldUnderline: (t) => c.bold.underline(t),
    dim: (t) => c.dim(t),
    red: (t) => c.red(t),
    redBold: (t) => c.red.bold(t),
    green: (t) => c.green(t),
    yellow: (t) => c.yellow(t),
    cyan: (t) => c.cyan(t),
  };
}

export function writeLine(stream: NodeJS.WritableStream, text = ""): void {
  stream.write(text.endsWith("\n") ? text : `${text}\n`);
}

/** Exactly one JSON document on stdout; bidi and other invisible characters escaped (render/text.ts). */
export function writeJson(stream: NodeJS.WritableStream, value: unknown): void {
  stream.write(`${jsonZonderStuurtekens(JSON.stringify(value, null, 2))}\n`);
}

import { Chalk, type ChalkInstance } from "chalk";

/** Where a command's output goes; injectable so tests run the CLI in-process. */
export interface Streams {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdinIsTTY: boolean;
  env: NodeJS.ProcessEnv;
}

/** chalk 5 ignores NO_COLOR; colour only for a real terminal that did not opt out. */
export function colorsFor(streams: Streams): ChalkInstance {
  const off = streams.env.NO_COLOR !== undefined && streams.env.NO_COLOR !== "";
  const forced = streams.env.FORCE_COLOR !== undefined && streams.env.FORCE_COLOR !== "0";
  const level = off ? 0 : forced || streams.stdout.isTTY ? 1 : 0;
  return new Chalk({ level });
}

export function writeLine(stream: NodeJS.WritableStream, text = ""): void {
  stream.write(text.endsWith("\n") ? text : `${text}\n`);
}

/** Exactly one JSON document on stdout. */
export function writeJson(stream: NodeJS.WritableStream, value: unknown): void {
  stream.write(`${JSON.stringify(value, null, 2)}\n`);
}

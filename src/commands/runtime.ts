import type { Command, OptionValues } from "commander";
import { Ctx, type GlobalOptions } from "../context.js";
import { colorsFor, type Streams } from "../render/output.js";

/** Shared by all commands of one run: the streams and the context once an action starts. */
export interface Runtime {
  streams: Streams;
  ctx?: Ctx;
}

type Positional = string | string[] | undefined;

/**
 * Wraps a command action: builds the context from the global options (before or
 * after the command words) and hands the action its own options.
 */
export function action<O extends OptionValues>(rt: Runtime, fn: (ctx: Ctx, opts: O, ...args: Positional[]) => Promise<void> | void) {
  return async (...args: unknown[]): Promise<void> => {
    const cmd = args[args.length - 1] as Command;
    const positional = args.slice(0, -2) as Positional[];
    const ctx = new Ctx(rt.streams, cmd.optsWithGlobals<GlobalOptions>(), await colorsFor(rt.streams));
    rt.ctx = ctx;
    await fn(ctx, cmd.opts<O>(), ...positional);
  };
}

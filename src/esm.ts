/**
 * import() of an ES-module-only package (chalk, @inquirer/prompts) from the CommonJS bundle. The CLI
 * runs the bundle from V8's code cache (bin/bundel.cjs), and a script from that cache has no module
 * loader for import() on Node 20; the entry, a plain CommonJS module, lends its own under this
 * symbol. Without it (tests, --debug) this is the ordinary import().
 */
const LENER = Symbol.for("interventie.importEsm");

export function importEsm<T>(naam: string): Promise<T> {
  const lener = (globalThis as { [LENER]?: (naam: string) => Promise<unknown> })[LENER];
  return (lener ? lener(naam) : import(naam)) as Promise<T>;
}

import path from "node:path";
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from "node:worker_threads";
import { pgServer } from "./postgres.js";

/**
 * Synchronous PostgreSQL for test helpers that have always been synchronous (tempDb(), dump(),
 * the SQL fixtures): the queries run in a worker thread (pg-sync-worker.mjs) while this thread
 * waits on a shared flag. As the bootstrap superuser: it sets up and inspects, it is never the
 * thing under test (the CLI is).
 */
interface Kanaal {
  worker: Worker;
  port: MessagePort;
  wekker: Int32Array;
}

let kanaal: Kanaal | undefined;

function open(): Kanaal {
  if (kanaal) return kanaal;
  const s = pgServer();
  const { port1, port2 } = new MessageChannel();
  const vlag = new SharedArrayBuffer(4);
  const worker = new Worker(path.join(import.meta.dirname, "pg-sync-worker.mjs"), {
    workerData: { port: port2, vlag, socket: s.socket, poort: s.poort },
    transferList: [port2],
  });
  worker.unref();
  kanaal = { worker, port: port1, wekker: new Int32Array(vlag) };
  return kanaal;
}

function verzoek<T>(v: Record<string, unknown>): T {
  const k = open();
  Atomics.store(k.wekker, 0, 0);
  k.port.postMessage(v);
  if (Atomics.wait(k.wekker, 0, 0, 60_000) === "timed-out") throw new Error(`pg-sync: geen antwoord op ${JSON.stringify(v)}`);
  const bericht = receiveMessageOnPort(k.port)?.message as { ok?: T; fout?: { message: string; code?: string } } | undefined;
  if (!bericht) throw new Error("pg-sync: antwoord ontbreekt");
  if (bericht.fout) throw Object.assign(new Error(bericht.fout.message), { code: bericht.fout.code });
  return bericht.ok as T;
}

/**
 * The rows of one statement ($1-style parameters) in a database, as the superuser. `getallen`: bigint
 * and numeric as JS numbers (as the CLI's connection parses them), not as the driver's strings.
 */
export function pgQuery<T = Record<string, unknown>>(
  database: string,
  sql: string,
  params: unknown[] = [],
  opties: { getallen?: boolean } = {},
): { rows: T[]; rowCount: number } {
  return verzoek({ soort: "query", database, sql, params, getallen: opties.getallen ?? false });
}

/** Closes the helper's connection to a database (before it is copied as a template or dropped). */
export function pgSluit(database: string): void {
  if (kanaal) verzoek({ soort: "sluit", database });
}

/** Ends the worker's connections (at the end of a test file). */
export function pgSluitAlles(): void {
  if (kanaal) verzoek({ soort: "sluitAlles" });
}

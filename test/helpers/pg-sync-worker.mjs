// The other half of test/helpers/pg-sync.ts: a worker thread that runs PostgreSQL queries for a
// test that must stay synchronous (tempDb(), dump(), fixtures), as the bootstrap superuser through
// the unix socket. Answers on the port, then wakes the waiting test thread through the shared flag.
import { workerData } from "node:worker_threads";
import pg from "pg";

const { port, vlag, socket, poort } = workerData;
const wekker = new Int32Array(vlag);
/** bigint (20) and numeric (1700) as numbers, as the CLI's PostgreSQL connection parses them. */
const GETALLEN = {
  getTypeParser: (oid, formaat) => (oid === 20 || oid === 1700 ? Number : pg.types.getTypeParser(oid, formaat)),
};
/** One connection per database, kept while the test file runs. */
const open = new Map();

async function client(database) {
  let c = open.get(database);
  if (!c) {
    c = new pg.Client({ host: socket, port: poort, user: "postgres", database });
    c.on("error", () => undefined);
    await c.connect();
    open.set(database, c);
  }
  return c;
}

async function sluit(database) {
  const c = open.get(database);
  open.delete(database);
  await c?.end().catch(() => undefined);
}

async function voerUit(v) {
  switch (v.soort) {
    case "query": {
      const c = await client(v.database);
      const r = await c.query({ text: v.sql, values: v.params, types: v.getallen ? GETALLEN : undefined });
      return { rows: r.rows, rowCount: r.rowCount };
    }
    case "sluit":
      await sluit(v.database);
      return {};
    case "sluitAlles":
      for (const d of [...open.keys()]) await sluit(d);
      return {};
    default:
      throw new Error(`onbekend verzoek ${v.soort}`);
  }
}

port.on("message", async (v) => {
  let antwoord;
  try {
    antwoord = { ok: await voerUit(v) };
  } catch (err) {
    antwoord = { fout: { message: String(err?.message ?? err), code: err?.code } };
  }
  port.postMessage(antwoord);
  Atomics.store(wekker, 0, 1);
  Atomics.notify(wekker, 0);
});

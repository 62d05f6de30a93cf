import { beforeAll, describe, expect, it } from "vitest";
import { cli, dump } from "../helpers/cli.js";
import { demoDb } from "../helpers/seed.js";

/**
 * One policy for the filters of every `lijst` (src/usecases/filter.ts): a name or id that does not
 * exist is the user's error (exit 2, one Dutch line, nothing on stdout), never an empty list.
 */
const ONBEKEND: [string[], string][] = [
  [["adres", "lijst", "--gemeente", "Atlantis"], 'fout: Gemeente "Atlantis" bestaat niet\n'],
  [["signaal", "lijst", "--gemeente", "Atlantis"], 'fout: Gemeente "Atlantis" bestaat niet\n'],
  [["signaal", "lijst", "--partner", "Atlantis"], 'fout: Partner "Atlantis" bestaat niet\n'],
  [["bevinding", "lijst", "--avond", "99"], "fout: Avond 99 bestaat niet\n"],
  [["opvolging", "lijst", "--avond", "99"], "fout: Avond 99 bestaat niet\n"],
  [["opvolging", "lijst", "--bevinding", "99"], "fout: Bevinding 99 bestaat niet\n"],
  [["opvolging", "lijst", "--gemeente", "Atlantis"], 'fout: Gemeente "Atlantis" bestaat niet\n'],
  [["opvolging", "lijst", "--partner", "Atlantis"], 'fout: Partner "Atlantis" bestaat niet\n'],
  [["brief", "lijst", "--avond", "99"], "fout: Avond 99 bestaat niet\n"],
  [["handhaving", "lijst", "--avond", "99"], "fout: Avond 99 bestaat niet\n"],
  [["handhaving", "lijst", "--gemeente", "Atlantis"], 'fout: Gemeente "Atlantis" bestaat niet\n'],
];

describe("onbekende id's en namen in de filters van elke lijst", () => {
  let db: string;
  beforeAll(() => {
    db = demoDb();
  });

  it.each(ONBEKEND)("%j: exit 2, één regel, niets op stdout, database onveranderd", (args, melding) => {
    const voor = dump(db);
    const r = cli(db, args);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(melding);
    expect(r.stdout).toBe("");
    expect(dump(db)).toBe(voor);
  });
});

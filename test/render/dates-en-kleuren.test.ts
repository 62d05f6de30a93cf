import { describe, expect, it } from "vitest";
import { addMonths, formatDutch, parseDate } from "../../src/domain/dates.js";
import { colorsFor, PLAIN, type Streams } from "../../src/render/output.js";

describe("formatDutch", () => {
  it("writes every month as a Dutch calendar does (ICU's nl-NL as the oracle)", () => {
    const icu = new Intl.DateTimeFormat("nl-NL", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    for (let m = 1; m <= 12; m++) {
      const iso = `2026-${String(m).padStart(2, "0")}-0${(m % 9) + 1}`;
      expect(formatDutch(iso)).toBe(icu.format(new Date(`${iso}T00:00:00Z`)));
    }
  });

  it("keeps the calendar day whatever the time zone of the machine", () => {
    expect(formatDutch("2026-12-31")).toBe("31 december 2026");
    expect(formatDutch("2027-01-01")).toBe("1 januari 2027");
  });

  it("round-trips Dutch input and refuses impossible dates", () => {
    expect(formatDutch(parseDate("3-12-2026"))).toBe("3 december 2026");
    expect(() => parseDate("31-02-2026")).toThrow(/bestaat niet/);
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
  });
});

describe("colorsFor", () => {
  const streams = (env: NodeJS.ProcessEnv, isTTY: boolean): Streams => ({
    stdout: { write: () => true, isTTY } as unknown as Streams["stdout"],
    stderr: process.stderr,
    stdinIsTTY: false,
    env,
  });

  it("is plain for pipes and for NO_COLOR, without loading chalk", async () => {
    expect(await colorsFor(streams({}, false))).toBe(PLAIN);
    expect(await colorsFor(streams({ NO_COLOR: "1" }, true))).toBe(PLAIN);
    expect(PLAIN.redBold("x")).toBe("x");
  });

  it("colours a terminal and FORCE_COLOR", async () => {
    const c = await colorsFor(streams({}, true));
    expect(c.bold("x")).toBe("\u001b[1mx\u001b[22m");
    expect((await colorsFor(streams({ FORCE_COLOR: "1" }, false))).redBold("!")).toMatch(/\u001b\[31m.*!/);
  });
});

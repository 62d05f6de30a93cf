import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { jsonZonderStuurtekens, misschienOnveilig, neutraliseer } from "../../src/render/text.js";
import { requireText, sleutel } from "../../src/domain/invoer.js";

const ONVEILIG = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u;

describe("tekst is data (issue 17, punt 5)", () => {
  it("neutraliseer laat geen enkel stuur- of opmaakteken door; regels en eigen kleurcodes alleen op verzoek", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (t) => {
        expect(neutraliseer(t)).not.toMatch(ONVEILIG);
        expect(neutraliseer(t, { regels: true }).replace(/\n/g, "")).not.toMatch(ONVEILIG);
      }),
    );
    expect(neutraliseer("a\r\nb\tc", { regels: true })).toBe("a\nb c");
    expect(neutraliseer("a\nb")).toBe("a\ufffdb");
    expect(neutraliseer("\u001b[1mvet\u001b[22m \u001b[2J\u202e", { kleur: true })).toBe("\u001b[1mvet\u001b[22m \ufffd[2J\ufffd");
  });

  it("de snelle voortoets mist niets: elk BMP-teken dat geneutraliseerd moet worden valt erbinnen", () => {
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if (ch !== "\n" && ONVEILIG.test(ch)) expect(misschienOnveilig(ch), `U+${c.toString(16)}`).toBe(true);
    }
  });

  it("JSON houdt dezelfde gegevens, met onzichtbare tekens als \\u-escape", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (t) => {
        const json = jsonZonderStuurtekens(JSON.stringify({ t }, null, 2));
        expect(JSON.parse(json)).toEqual({ t });
        expect(json.replace(/\n/g, "")).not.toMatch(/[\u007f-\u009f\p{Cf}\p{Zl}\p{Zp}]/u);
      }),
    );
  });

  it("invoer: NFC, en weigert wat een terminal zou sturen", () => {
    expect(requireText("naam", "Su\u0301dwest")).toBe("Súdwest");
    for (const t of ["a\rb", "a\u009bb", "a\u202eb", "a\u2069b", "a\u00adb", "a\u2028b", "a\ud800b", "a\u0007b"]) {
      expect(() => requireText("naam", t)).toThrow(/bevat ongeldige stuurtekens \(U\+/);
      expect(() => requireText("omschrijving", t, 2000)).toThrow(/bevat ongeldige stuurtekens/);
    }
    expect(requireText("omschrijving", "a\r\nb\tc", 2000)).toBe("a\nb\tc");
    expect(() => requireText("naam", "a\tb")).toThrow(/stuurtekens/);
  });

  it("sleutel: NFC en hoofdletter-vouwen", () => {
    expect(sleutel("SÚDWEST-FRYSLÂN".normalize("NFD"))).toBe(sleutel("Súdwest-Fryslân"));
    expect(sleutel("Straße")).toBe(sleutel("STRASSE"));
    expect(sleutel(" Best ")).toBe("best");
  });
});

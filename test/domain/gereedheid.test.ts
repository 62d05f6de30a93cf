import { describe, expect, it } from "vitest";
import { checkGereedheid, type AvondStand } from "../../src/domain/gereedheid.js";

const gereed = (): AvondStand => ({
  rollen: [
    { rol: "teamleider", naam: "Anja", partner: "Gemeente" },
    { rol: "beveiliging", naam: "Jansen", partner: "Politie" },
    { rol: "beveiliging", naam: "Bakker", partner: "Politie" },
    { rol: "onderzoek", naam: "Stroom", partner: "Enexis" },
  ],
  adressen: [
    { adres: "Kerkstraat 12, Veldhoven", risico: "hoog" },
    { adres: "Industrieweg 7, Bladel", risico: "laag" },
  ],
  verzamelpunt: "Kerkplein",
  codewoord: "Regenboog",
  gevraagdePartners: [{ partner: "Enexis", adressen: ["Kerkstraat 12, Veldhoven"] }],
});

const codes = (s: AvondStand) => checkGereedheid(s).ontbreekt.map((o) => o.code);

describe("controleer", () => {
  it("is gereed als alles geregeld is", () => {
    expect(checkGereedheid(gereed())).toEqual({ gereed: true, ontbreekt: [] });
  });

  it("mist de teamleider", () => {
    const s = gereed();
    s.rollen = s.rollen.filter((r) => r.rol !== "teamleider");
    expect(codes(s)).toEqual(["geen-teamleider"]);
  });

  it("mist de politie (en dan ook capaciteit bij risico hoog)", () => {
    const s = gereed();
    s.rollen = s.rollen.filter((r) => r.partner !== "Politie");
    expect(codes(s)).toEqual(["geen-politie", "te-weinig-politie"]);
    s.adressen[0]!.risico = "midden";
    expect(codes(s)).toEqual(["geen-politie"]);
  });

  it("mist een risico-inschatting en noemt het adres", () => {
    const s = gereed();
    s.adressen[1]!.risico = null;
    const r = checkGereedheid(s);
    expect(r.ontbreekt.map((o) => o.code)).toEqual(["geen-risico"]);
    expect(r.ontbreekt[0]!.bericht).toContain("Industrieweg 7, Bladel");
  });

  it("eist twee politiemensen bij risico hoog; één volstaat bij midden", () => {
    const s = gereed();
    s.rollen = s.rollen.filter((r) => r.naam !== "Bakker");
    expect(codes(s)).toEqual(["te-weinig-politie"]);
    s.adressen[0]!.risico = "midden";
    expect(codes(s)).toEqual([]);
  });

  it("telt dezelfde agent met twee rollen als één", () => {
    const s = gereed();
    s.rollen = s.rollen.map((r) => (r.naam === "Bakker" ? { ...r, naam: "jansen" } : r));
    expect(codes(s)).toEqual(["te-weinig-politie"]);
  });

  it("mist verzamelpunt en codewoord apart", () => {
    expect(codes({ ...gereed(), verzamelpunt: null })).toEqual(["geen-verzamelpunt"]);
    expect(codes({ ...gereed(), codewoord: null })).toEqual(["geen-codewoord"]);
  });

  it("mist een partner die de casustafel vroeg", () => {
    const s = gereed();
    s.rollen = s.rollen.filter((r) => r.partner !== "Enexis");
    const r = checkGereedheid(s);
    expect(r.ontbreekt.map((o) => o.code)).toEqual(["partner-ontbreekt"]);
    expect(r.ontbreekt[0]!.bericht).toContain("Enexis");
  });

  it("mist adressen", () => {
    expect(codes({ ...gereed(), adressen: [] })).toEqual(["geen-adressen"]);
  });
});

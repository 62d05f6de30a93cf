import { describe, expect, it } from "vitest";
import { bedoeldeJe, closest, editDistance, metSuggestie } from "../../src/domain/suggestie.js";

describe("editDistance", () => {
  it("telt invoegen, weglaten, vervangen en een verwisseling als één stap, hoofdletters tellen niet", () => {
    expect(editDistance("adres", "adress")).toBe(1);
    expect(editDistance("UVW", "UWV")).toBe(1);
    expect(editDistance("veldhovn", "Veldhoven")).toBe(1);
    expect(editDistance("controleren", "controleer")).toBe(2);
    expect(editDistance("", "abc")).toBe(3);
  });
});

describe("closest / bedoeldeJe", () => {
  const gemeenten = ["Bergeijk", "Best", "Bladel", "Eersel", "Oirschot", "Reusel-De Mierden", "Veldhoven", "Waalre"];
  it("vindt wat bedoeld is bij tikfouten en begin van een naam", () => {
    expect(closest("Veldhovn", gemeenten)).toEqual(["Veldhoven"]);
    expect(closest("veld", gemeenten)).toEqual(["Veldhoven"]);
    expect(closest("wmll", ["wml", "wav", "waadi"])).toEqual(["wml"]);
    expect(closest("--gemeete", ["--gemeente", "--partner", "--db"])).toEqual(["--gemeente"]);
  });

  it("zwijgt als niets in de buurt komt, en noemt gelijke kandidaten samen", () => {
    expect(closest("Amsterdam", gemeenten)).toEqual([]);
    expect(bedoeldeJe("Amsterdam", gemeenten)).toBe("");
    expect(bedoeldeJe("Bes", ["Best", "Bes"].slice(0, 1))).toBe("Bedoelde je Best?");
    expect(bedoeldeJe("xyz", ["wav", "wml"])).toBe("");
    expect(bedoeldeJe("xav", ["wav", "hav"])).toBe("Bedoelde je wav of hav?");
  });

  it("plakt de suggestie achter de melding, alleen als er een is", () => {
    expect(metSuggestie('Gemeente "Veldhovn" bestaat niet', "Veldhovn", gemeenten)).toBe(
      'Gemeente "Veldhovn" bestaat niet. Bedoelde je Veldhoven?',
    );
    expect(metSuggestie('Gemeente "Oss" bestaat niet', "Oss", gemeenten)).toBe('Gemeente "Oss" bestaat niet');
  });
});

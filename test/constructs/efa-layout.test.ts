import { DEFAULT_TAXONOMY } from "../../lib";
import { efaInterfaceLayout } from "../../lib/specs/efa-layout";

describe("EFA interfaces per type, as AWS's EFA guide lays them out", () => {
  const efaTypes = DEFAULT_TAXONOMY.instanceTypes.filter((t) => t.efaInterfaces > 0);

  test.each(efaTypes.map((t) => [t.instanceType, t.efaInterfaces, t.networkCards ?? t.efaInterfaces]))("%s: %i EFA on %i cards", (_type, efa, cards) => {
    const layout = efaInterfaceLayout(efa, cards);
    expect(layout[0]).toEqual({ networkCardIndex: 0, deviceIndex: 0, type: "interface" });
    const efaOnly = layout.filter((s) => s.type === "efa-only");
    expect(efaOnly).toHaveLength(efa);
    // One EFA-only interface per EFA-capable card, never two on a card; never on a card the type lacks.
    expect(new Set(efaOnly.map((s) => s.networkCardIndex)).size).toBe(efa);
    expect(Math.max(...efaOnly.map((s) => s.networkCardIndex))).toBeLessThan(cards);
    for (const s of efaOnly) expect(s.deviceIndex).toBe(s.networkCardIndex === 0 ? 1 : 0);
  });

  test("counts of the multi-card types", () => {
    const count = (type: string) => {
      const t = DEFAULT_TAXONOMY.instanceTypes.find((x) => x.instanceType === type)!;
      return efaInterfaceLayout(t.efaInterfaces, t.networkCards).length;
    };
    expect({
      "p5.48xlarge": count("p5.48xlarge"),
      "p5e.48xlarge": count("p5e.48xlarge"),
      "p5en.48xlarge": count("p5en.48xlarge"),
      "p6-b200.48xlarge": count("p6-b200.48xlarge"),
      "p6-b300.48xlarge": count("p6-b300.48xlarge"),
      "p4d.24xlarge": count("p4d.24xlarge"),
      "g6e.48xlarge": count("g6e.48xlarge"),
      "g7e.48xlarge": count("g7e.48xlarge"),
      "g7e.24xlarge": count("g7e.24xlarge"),
      "g5.12xlarge": count("g5.12xlarge"),
    }).toEqual({
      "p5.48xlarge": 33,
      "p5e.48xlarge": 33,
      "p5en.48xlarge": 17,
      "p6-b200.48xlarge": 9,
      "p6-b300.48xlarge": 17,
      "p4d.24xlarge": 5,
      "g6e.48xlarge": 5,
      "g7e.48xlarge": 5,
      "g7e.24xlarge": 3,
      "g5.12xlarge": 2,
    });
  });

  test("p6-b300: card 0 is ENA only, cards 1-16 take the EFA-only interfaces at device 0", () => {
    expect(efaInterfaceLayout(16, 17).slice(1)).toEqual(Array.from({ length: 16 }, (_, i) => ({ networkCardIndex: i + 1, deviceIndex: 0, type: "efa-only" })));
  });
});

import { DEFAULT_TOLERANCES } from "../../src/model/framework";
import { actualFor, measureRag, targetFor } from "../../src/status/rag";
import { measure } from "./fixtures";

const defaults = DEFAULT_TOLERANCES; // green 0%, amber 5%

describe("targetFor / actualFor", () => {
  it("uses the quarter's own target, else the annual target", () => {
    const m = measure({ annualTarget: 80, q2Target: 70 });
    expect(targetFor(m, 2)).toBe(70);
    expect(targetFor(m, 3)).toBe(80);
    expect(targetFor(measure(), 1)).toBeNull();
  });
  it("a zero quarterly target is a target, not a blank", () => {
    expect(targetFor(measure({ annualTarget: 80, q1Target: 0 }), 1)).toBe(0);
  });
  it("reads the quarter's actual", () => {
    const m = measure({ q1Actual: 1, q2Actual: 2, q3Actual: 3, q4Actual: 4 });
    expect([1, 2, 3, 4].map((q) => actualFor(m, q as 1 | 2 | 3 | 4))).toEqual([1, 2, 3, 4]);
  });
});

describe("measureRag, High is good, default tolerances", () => {
  const rag = (actual: number, target = 100) => measureRag(measure({ annualTarget: target, q2Actual: actual }), 2, defaults);
  it("met or beaten is Green", () => {
    expect(rag(100)).toBe("Green");
    expect(rag(130)).toBe("Green");
  });
  it("missed by up to 5% of target is Amber, the 5% edge included", () => {
    expect(rag(99.99)).toBe("Amber");
    expect(rag(95)).toBe("Amber");
  });
  it("missed by more than 5% is Red", () => {
    expect(rag(94.99)).toBe("Red");
    expect(rag(0)).toBe("Red");
  });
  it("floating-point edges land in the band they are on paper", () => {
    // 0.3 - 0.285 = 0.015000000000000013 and 5% of 0.3 = 0.015: on the edge, so Amber.
    expect(rag(0.285, 0.3)).toBe("Amber");
    expect(rag(0.1 + 0.2, 0.3)).toBe("Green");
  });
});

describe("measureRag, Low is good", () => {
  const rag = (actual: number, target = 20) => measureRag(measure({ polarity: "Low", annualTarget: target, q1Actual: actual }), 1, defaults);
  it("at or under target is Green", () => {
    expect(rag(20)).toBe("Green");
    expect(rag(3)).toBe("Green");
  });
  it("over by up to 5% is Amber, over by more is Red", () => {
    expect(rag(21)).toBe("Amber");
    expect(rag(21.000001)).toBe("Red");
  });
});

describe("measureRag, Target polarity (closest is good)", () => {
  const rag = (actual: number) => measureRag(measure({ polarity: "Target", annualTarget: 100, q3Actual: actual }), 3, defaults);
  it("on target is Green; either side is a miss", () => {
    expect(rag(100)).toBe("Green");
    expect(rag(105)).toBe("Amber");
    expect(rag(95)).toBe("Amber");
    expect(rag(105.5)).toBe("Red");
    expect(rag(94.5)).toBe("Red");
  });
});

describe("tolerances", () => {
  it("a council using green within 5%, amber 5-10% sets 5 and 10", () => {
    const tol = { greenWithin: 5, amberWithin: 10 };
    const rag = (actual: number) => measureRag(measure({ annualTarget: 200, q4Actual: actual }), 4, tol);
    expect(rag(190)).toBe("Green");
    expect(rag(189.99)).toBe("Amber");
    expect(rag(180)).toBe("Amber");
    expect(rag(179.99)).toBe("Red");
  });
  it("per-measure percentages override the council defaults; blanks fall back", () => {
    const m = measure({ annualTarget: 100, q2Actual: 92, amberWithin: 10 });
    expect(measureRag(m, 2, defaults)).toBe("Amber");
    expect(measureRag({ ...m, amberWithin: null }, 2, defaults)).toBe("Red");
    expect(measureRag({ ...m, greenWithin: 8 }, 2, defaults)).toBe("Green");
  });
  it("amber narrower than green leaves no Amber band", () => {
    const tol = { greenWithin: 5, amberWithin: 2 };
    const rag = (actual: number) => measureRag(measure({ annualTarget: 100, q2Actual: actual }), 2, tol);
    expect(rag(95)).toBe("Green");
    expect(rag(94)).toBe("Red");
  });
});

describe("zero and negative targets", () => {
  it("a zero target has no tolerance: met is Green, any miss is Red", () => {
    const rag = (polarity: "High" | "Low" | "Target", actual: number) => measureRag(measure({ polarity, annualTarget: 0, q2Actual: actual }), 2, { greenWithin: 5, amberWithin: 10 });
    expect(rag("Low", 0)).toBe("Green");
    expect(rag("Low", 0.0001)).toBe("Red");
    expect(rag("High", 0)).toBe("Green");
    expect(rag("High", 1)).toBe("Green");
    expect(rag("High", -0.5)).toBe("Red");
    expect(rag("Target", 0)).toBe("Green");
    expect(rag("Target", -0.1)).toBe("Red");
  });
  it("tolerance is a share of |target|, so negative targets work (e.g. budget variance)", () => {
    // High is good, target -100: a miss of up to 5 (5% of 100) is Amber.
    const rag = (actual: number) => measureRag(measure({ annualTarget: -100, q2Actual: actual }), 2, defaults);
    expect(rag(-90)).toBe("Green");
    expect(rag(-105)).toBe("Amber");
    expect(rag(-105.01)).toBe("Red");
  });
});

describe("M and Data only", () => {
  const full = { annualTarget: 50, q1Actual: 60, q2Actual: 60, q3Actual: 60, q4Actual: 60 };
  it("contextual indicators are Data only, whatever their figures", () => {
    expect(measureRag(measure({ ...full, type: "Contextual Indicator" }), 2, defaults)).toBe("Data only");
    expect(measureRag(measure({ ...full, type: "Contextual Indicator", frequency: "Annual" }), 1, defaults)).toBe("Data only");
  });
  it("annual measures are M before Q4 and rated at Q4", () => {
    const m = measure({ ...full, frequency: "Annual" });
    expect([1, 2, 3].map((q) => measureRag(m, q as 1 | 2 | 3, defaults))).toEqual(["M", "M", "M"]);
    expect(measureRag(m, 4, defaults)).toBe("Green");
  });
  it("no actual yet, no target at all, or no polarity is M", () => {
    expect(measureRag(measure({ annualTarget: 50 }), 2, defaults)).toBe("M");
    expect(measureRag(measure({ q2Actual: 50 }), 2, defaults)).toBe("M");
    expect(measureRag(measure({ ...full, polarity: null }), 2, defaults)).toBe("M");
  });
  it("a zero actual is a figure, not a blank", () => {
    expect(measureRag(measure({ polarity: "Low", annualTarget: 5, q2Actual: 0 }), 2, defaults)).toBe("Green");
  });
});

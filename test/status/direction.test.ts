import { directionOfTravel } from "../../src/status/direction";
import { measure } from "./fixtures";

describe("directionOfTravel", () => {
  const series = { baseline: 50, q1Actual: 52, q2Actual: 52, q3Actual: 49, q4Actual: 55 };
  it("Q1 compares with the baseline, Q2 and Q3 with the previous quarter (High is good)", () => {
    const m = measure(series);
    expect(directionOfTravel(m, 1)).toBe("Improving");
    expect(directionOfTravel(m, 2)).toBe("Maintained");
    expect(directionOfTravel(m, 3)).toBe("Declining");
  });
  it("Q4 compares with the baseline (the same point 12 months earlier), not with Q3", () => {
    expect(directionOfTravel(measure({ ...series, q3Actual: 60, q4Actual: 55 }), 4)).toBe("Improving"); // down on Q3, up on the baseline
    expect(directionOfTravel(measure({ ...series, q3Actual: 40, q4Actual: 45 }), 4)).toBe("Declining");
  });
  it("Low is good reverses the sense", () => {
    const m = measure({ ...series, polarity: "Low" });
    expect(directionOfTravel(m, 1)).toBe("Declining");
    expect(directionOfTravel(m, 3)).toBe("Improving");
  });
  it("Target: closer to this quarter's target is improving, from either side", () => {
    const m = measure({ polarity: "Target", annualTarget: 100, q1Actual: 90, q2Actual: 106, q3Actual: 94, q4Actual: 110, baseline: 104 });
    expect(directionOfTravel(m, 2)).toBe("Improving"); // 10 away -> 6 away
    expect(directionOfTravel(m, 3)).toBe("Maintained"); // 6 away -> 6 away
    expect(directionOfTravel(m, 4)).toBe("Declining"); // baseline 4 away -> 10 away
    expect(directionOfTravel({ ...m, q2Target: 106 }, 2)).toBe("Improving");
    expect(directionOfTravel({ ...m, q2Target: 90 }, 2)).toBe("Declining");
  });
  it("equal to 9 decimal places is Maintained", () => {
    expect(directionOfTravel(measure({ q1Actual: 0.1 + 0.2, q2Actual: 0.3 }), 2)).toBe("Maintained");
    expect(directionOfTravel(measure({ q1Actual: 0.3, q2Actual: 0.300000002 }), 2)).toBe("Improving");
  });
  it("M when a figure is missing, without polarity, Target without a target, or Annual before Q4", () => {
    expect(directionOfTravel(measure({ q2Actual: 5 }), 2)).toBe("M");
    expect(directionOfTravel(measure({ q1Actual: 5 }), 2)).toBe("M");
    expect(directionOfTravel(measure({ ...series, polarity: null }), 2)).toBe("M");
    expect(directionOfTravel(measure({ ...series, polarity: "Target" }), 2)).toBe("M");
    const annual = measure({ ...series, frequency: "Annual" });
    expect(directionOfTravel(annual, 3)).toBe("M");
    expect(directionOfTravel(annual, 4)).toBe("Improving");
  });
  it("contextual indicators get a direction when they have a polarity", () => {
    expect(directionOfTravel(measure({ ...series, type: "Contextual Indicator" }), 1)).toBe("Improving");
    expect(directionOfTravel(measure({ ...series, type: "Contextual Indicator", polarity: null }), 1)).toBe("M");
  });
});

import { addMonths, isoToSerial } from "../../src/model/dates";
import { actionStatus, monthsLaterKey } from "../../src/status/actionStatus";
import { action } from "./fixtures";

const key = (iso: string) => Number(iso.replace(/-/g, ""));
const Q2_END = "2024-09-30";

describe("monthsLaterKey is EDATE", () => {
  it("clamps to the end of a shorter month", () => {
    expect(monthsLaterKey("2024-08-31", 3)).toBe(key("2024-11-30"));
    expect(monthsLaterKey("2023-11-30", 3)).toBe(key("2024-02-29")); // leap year
    expect(monthsLaterKey("2022-11-30", 3)).toBe(key("2023-02-28"));
    expect(monthsLaterKey("2099-11-29", 3)).toBe(key("2100-02-28")); // 2100 is not a leap year
    expect(monthsLaterKey("2024-10-15", 3)).toBe(key("2025-01-15")); // across the year end
  });
  it("agrees with addMonths on every day of four years", () => {
    for (let s = isoToSerial("2023-01-01"); s < isoToSerial("2027-01-01"); s++) {
      const iso = new Date(Date.UTC(1899, 11, 30 + s)).toISOString().slice(0, 10);
      for (const n of [1, 3, 6, 12]) expect(monthsLaterKey(iso, n)).toBe(key(addMonths(iso, n)));
    }
  });
});

describe("actionStatus, first match wins", () => {
  it("No longer viable beats everything, even delivery", () => {
    expect(actionStatus(action({ noLongerViable: true, completedDate: "2024-05-01", dueDate: "2024-06-30" }), Q2_END, 3)).toBe("No longer viable");
  });
  it("Delivered when completed on or before the reporting date", () => {
    expect(actionStatus(action({ completedDate: Q2_END, dueDate: "2024-01-01" }), Q2_END, 3)).toBe("Delivered");
    expect(actionStatus(action({ completedDate: "2024-04-02" }), Q2_END, 3)).toBe("Delivered");
  });
  it("completed after the reporting date is not yet Delivered", () => {
    expect(actionStatus(action({ completedDate: "2024-10-01", dueDate: "2024-12-31" }), Q2_END, 3)).toBe("On target");
  });
  it("Scheduled for future quarters when it starts after the reporting quarter ends", () => {
    expect(actionStatus(action({ startDate: "2024-10-01", dueDate: "2025-03-31" }), Q2_END, 3)).toBe("Scheduled for future quarters");
    // The quarter end, not the reporting date, is the edge.
    expect(actionStatus(action({ startDate: "2024-09-15", dueDate: "2025-03-31" }), "2024-08-31", 3)).toBe("On target");
    expect(actionStatus(action({ startDate: "2024-09-30", dueDate: "2025-03-31" }), Q2_END, 3)).toBe("On target");
  });
  it("No due date when there is no approved date to measure against, even with a revised one", () => {
    expect(actionStatus(action(), Q2_END, 3)).toBe("No due date");
    expect(actionStatus(action({ revisedDueDate: "2024-12-31" }), Q2_END, 3)).toBe("No due date");
  });
  it("On target when neither the reporting date nor a revision is past the due date", () => {
    expect(actionStatus(action({ dueDate: "2024-12-31" }), Q2_END, 3)).toBe("On target");
    expect(actionStatus(action({ dueDate: Q2_END }), Q2_END, 3)).toBe("On target");
    expect(actionStatus(action({ dueDate: "2024-12-31", revisedDueDate: "2024-11-30" }), Q2_END, 3)).toBe("On target");
  });
  it("Slipped (less than 3 months) when expected later than due but before EDATE(due, 3)", () => {
    expect(actionStatus(action({ dueDate: "2024-12-31", revisedDueDate: "2025-01-01" }), Q2_END, 3)).toBe("Slipped (less than 3 months)");
    expect(actionStatus(action({ dueDate: "2024-09-29" }), Q2_END, 3)).toBe("Slipped (less than 3 months)"); // overdue by a day
  });
  it("Slipped (more than 3 months) on or after EDATE(due, 3), with month-end clamping", () => {
    const due = "2024-08-31"; // + 3 months = 30 Nov
    expect(actionStatus(action({ dueDate: due, revisedDueDate: "2024-11-29" }), Q2_END, 3)).toBe("Slipped (less than 3 months)");
    expect(actionStatus(action({ dueDate: due, revisedDueDate: "2024-11-30" }), Q2_END, 3)).toBe("Slipped (more than 3 months)");
  });
  it("leap years: 30 Nov 2023 + 3 months is 29 Feb 2024", () => {
    const a = action({ dueDate: "2023-11-30" });
    expect(actionStatus(a, "2024-02-28", 3)).toBe("Slipped (less than 3 months)");
    expect(actionStatus(a, "2024-02-29", 3)).toBe("Slipped (more than 3 months)");
  });
  it("the reporting date counts when it is later than the revised date (overdue)", () => {
    expect(actionStatus(action({ dueDate: "2024-05-31", revisedDueDate: "2024-06-30" }), Q2_END, 3)).toBe("Slipped (more than 3 months)");
  });
  it("a revision earlier than the due date is not slippage", () => {
    expect(actionStatus(action({ dueDate: "2025-03-31", revisedDueDate: "2024-12-31" }), Q2_END, 3)).toBe("On target");
  });
  it("the slippage months are a setting", () => {
    const a = action({ dueDate: "2024-06-30", revisedDueDate: "2024-10-30" });
    expect(actionStatus(a, Q2_END, 3)).toBe("Slipped (more than 3 months)");
    expect(actionStatus(a, Q2_END, 6)).toBe("Slipped (less than 3 months)");
  });
  it("quarter ends follow the reporting date from one call to the next", () => {
    const a = action({ startDate: "2024-10-01", dueDate: "2025-03-31" });
    expect(actionStatus(a, Q2_END, 3)).toBe("Scheduled for future quarters");
    expect(actionStatus(a, "2024-10-01", 3)).toBe("On target");
    expect(actionStatus(a, Q2_END, 3)).toBe("Scheduled for future quarters");
  });
});

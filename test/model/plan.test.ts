import { ACTION_COLUMNS, MEASURE_COLUMNS, REGISTER_COLUMNS, UPDATE_COLUMNS, actionSchema } from "../../src/model/plan";

describe("plan format v1 columns", () => {
  it.each([
    ["Actions", ACTION_COLUMNS],
    ["Measures", MEASURE_COLUMNS],
    ["Updates", UPDATE_COLUMNS],
    ["Register", REGISTER_COLUMNS],
  ])("%s has a unique header and CSV name for every field", (_name, columns) => {
    const headers = columns.map((c) => c.meta.header.toLowerCase());
    const csv = columns.map((c) => c.csv);
    expect(new Set(headers).size).toBe(headers.length);
    expect(new Set(csv).size).toBe(csv.length);
  });

  it("derives the canonical CSV headers of the issue from the model", () => {
    const measureCsv = MEASURE_COLUMNS.map((c) => c.csv);
    for (const h of "id,name,type,polarity,frequency,unit,baseline,annual_target,q1_target,q2_target,q3_target,q4_target,q1_actual,q2_actual,q3_actual,q4_actual".split(",")) {
      expect(measureCsv).toContain(h);
    }
    const actionCsv = ACTION_COLUMNS.map((c) => c.csv);
    for (const h of "id,action,lead_officer,start_date,due_date,revised_due_date,completed_date,no_longer_viable".split(",")) {
      expect(actionCsv).toContain(h);
    }
  });

  it("gives dates their own headers (each field keeps its own metadata)", () => {
    const byKey = Object.fromEntries(ACTION_COLUMNS.map((c) => [c.key, c.meta.header]));
    expect(byKey.dueDate).toBe("Due date");
    expect(byKey.revisedDueDate).toBe("Revised due date");
    expect(byKey.recoveryDate).toBe("Recovery date");
  });

  it("rejects an impossible date", () => {
    expect(actionSchema.safeParse({ id: "A1", dueDate: "2025-02-30" }).success).toBe(false);
    expect(actionSchema.safeParse({ id: "A1", dueDate: "2024-02-29" }).success).toBe(true);
  });
});

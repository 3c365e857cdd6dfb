// Property: after any set of edits to signed-off values, the comparison names exactly the edited
// values, agreed changes cover exactly those they match, and the return's fingerprint equals the
// sign-off record exactly when every edit is an agreed one.
import fc from "fast-check";
import { signedOffViewFingerprint } from "../../src/cycle/inReturn";
import { FROZEN_ACTION_FIELDS, FROZEN_MEASURE_FIELDS } from "../../src/cycle/frozen";
import { AgreedChange, compareWithSignOff, signOffPlan } from "../../src/cycle/signOff";
import { Plan } from "../../src/model/plan";
import { sampleDetails } from "../workbook/samplePlan";
import { cycleActions, cycleMeasures } from "./plans";

const src = (row: number) => ({ sheet: "Measures", row, columns: {} });

function basePlan(): Plan {
  return {
    details: sampleDetails({ formatVersion: 2 }),
    actions: cycleActions().map((a, i) => ({ ...a, source: { ...src(i + 2), sheet: "Actions" } })),
    measures: cycleMeasures().map((m, i) => ({ ...m, source: src(i + 2) })),
    updates: [],
    register: [],
  };
}

const edit = fc.record({
  measure: fc.boolean(),
  index: fc.nat(),
  field: fc.nat(),
  value: fc.integer({ min: 1, max: 500 }),
  agreed: fc.boolean(),
});

test("edits, agreed changes and the fingerprint agree", () => {
  fc.assert(
    fc.property(fc.array(edit, { maxLength: 6 }), (edits) => {
      const plan = basePlan();
      const signOff = signOffPlan(plan, { by: "Jane Smith", role: "Director", on: "2024-04-08" });
      const changes: AgreedChange[] = [];
      const edited = new Map<string, boolean>();
      for (const e of edits) {
        const rows = (e.measure ? plan.measures : plan.actions) as unknown as Record<string, unknown>[];
        const fields: readonly string[] = e.measure ? FROZEN_MEASURE_FIELDS : FROZEN_ACTION_FIELDS;
        const row = rows[e.index % rows.length];
        const field = fields[e.field % fields.length];
        const value =
          field === "dueDate"
            ? `2025-0${(e.value % 9) + 1}-15`
            : field === "polarity"
              ? (["High", "Low", "Target"] as const)[e.value % 3]
              : ["name", "unit", "measureOfSuccess"].includes(field)
                ? `text ${e.value}`
                : e.value;
        row[field] = value;
        const itemType = e.measure ? ("Measure" as const) : ("Action" as const);
        const key = `${itemType} ${String(row.id)} ${field}`;
        const was = signOff.values.find((v) => v.itemType === itemType && v.id === row.id && v.field === field)!.value;
        const now = String(value);
        edited.set(key, now !== was);
        if (e.agreed) changes.push({ itemType, id: String(row.id), field, was, now, agreedBy: "ELT", agreedOn: "2024-10-01", reason: "agreed" });
      }
      // An edit is covered when some agreed change for that value agreed what the cell holds now.
      const current = new Map<string, boolean>();
      for (const [key, differs] of edited) {
        if (!differs) continue;
        const [itemType, id, field] = key.split(" ");
        const rows = (itemType === "Measure" ? plan.measures : plan.actions) as unknown as Record<string, unknown>[];
        const now = String(rows.find((r) => r.id === id)![field]);
        current.set(
          key,
          changes.some((c) => c.itemType === itemType && c.id === id && c.field === field && c.now === now),
        );
      }
      const differences = compareWithSignOff(plan, signOff, changes);
      expect(new Set(differences.map((d) => `${d.itemType} ${d.id} ${d.field}`))).toEqual(new Set(current.keys()));
      for (const d of differences) expect(d.agreed !== undefined).toBe(current.get(`${d.itemType} ${d.id} ${d.field}`));
      const allAgreed = [...current.values()].every((a) => a);
      expect(signedOffViewFingerprint({ ...plan, cycle: { signOff, changes, changeCells: [], problems: [] } }) === signOff.fingerprint).toBe(allAgreed);
    }),
  );
});

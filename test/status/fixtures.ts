// Builders for status inputs: every field blank unless a test says otherwise.
import { ActionStatusInput } from "../../src/status/actionStatus";
import { RagInput } from "../../src/status/rag";
import { DirectionInput } from "../../src/status/direction";

export type MeasureInput = RagInput & DirectionInput;

export function measure(fields: Partial<MeasureInput> = {}): MeasureInput {
  return {
    type: "Performance Indicator",
    polarity: "High",
    frequency: "Quarterly",
    baseline: null,
    annualTarget: null,
    q1Target: null,
    q2Target: null,
    q3Target: null,
    q4Target: null,
    q1Actual: null,
    q2Actual: null,
    q3Actual: null,
    q4Actual: null,
    greenWithin: null,
    amberWithin: null,
    ...fields,
  };
}

export function action(fields: Partial<ActionStatusInput> = {}): ActionStatusInput {
  return { noLongerViable: false, startDate: null, dueDate: null, revisedDueDate: null, completedDate: null, ...fields };
}

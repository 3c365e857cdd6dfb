// The small plan the planning-year tests sign off, record and roll forward.
import { Action, actionSchema, Measure, measureSchema } from "../../src/model/plan";

export function cycleActions(): Action[] {
  return [
    actionSchema.parse({
      id: "A-1",
      action: "Open two new extra care schemes",
      leadOfficer: "Sam Hughes",
      parentLink: "DSP-ASC-01",
      measureOfSuccess: "Two schemes open",
      dueDate: "2024-12-31",
      percentComplete: 60,
      selfAssessedRag: "Green",
      progress: "Site works under way.",
    }),
    actionSchema.parse({
      id: "A-2",
      action: "Deliver the carers strategy",
      leadOfficer: "Sam Hughes",
      parentLink: "DSP-ASC-01",
      dueDate: "2024-09-30",
      completedDate: "2024-09-01",
      percentComplete: 100,
    }),
    actionSchema.parse({ id: "A-3", action: "Move the day service", leadOfficer: "Sam Hughes", parentLink: "DSP-ASC-01", dueDate: "2024-06-30", noLongerViable: true }),
  ];
}

export function cycleMeasures(): Measure[] {
  return [
    measureSchema.parse({
      id: "M-1",
      name: "Reviews completed on time",
      polarity: "High",
      unit: "%",
      frequency: "Quarterly",
      baseline: 70,
      annualTarget: 80,
      q1Target: 72,
      q2Target: 75,
      q1Actual: 73,
      q2Actual: 74,
      comments: "Improving.",
    }),
    measureSchema.parse({ id: "M-2", name: "Delayed discharges", polarity: "Low", frequency: "Quarterly", baseline: 30, annualTarget: 20, q1Actual: 28, q4Actual: 22 }),
  ];
}

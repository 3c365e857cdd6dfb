// The browser test's stand-in for office.js: the Excel double, seeded with a Directorate plan
// written through the real adapter, then the real task pane entry (src/taskpane/index.tsx).
import exampleFramework from "../../examples/sefton-framework.json";
import { parseFramework } from "../../src/model/framework";
import { actionSchema, measureSchema, planDetailsSchema } from "../../src/model/plan";
import { createFakeOffice } from "../doubles/excel/fakeExcel";
import { ExcelWorkbook } from "../../src/excel/adapter";
import { planDesign } from "../../src/workbook/design";

const framework = parseFramework(JSON.stringify(exampleFramework), "sefton-framework.json");

/** Actions with SMART gaps and one broken link; measures whose RAG changes between Q1 and Q2. */
export function seedPlan() {
  const details = planDetailsSchema.parse({
    formatVersion: 1,
    planId: "DSP-ASC-2024",
    tier: "Directorate",
    council: "Sefton Council",
    directorate: "Adult Social Care",
    planYear: "2024/25",
    owner: "Assistant Director, Adult Social Care",
  });
  const actions = [
    {
      id: "DSP-01",
      action: "Recommission home care with providers so that 95% of packages start within 5 days",
      parentLink: "CP2",
      leadOfficer: "A Patel",
      startDate: "2024-04-01",
      dueDate: "2025-03-31",
      measureOfSuccess: "95% of packages start within 5 days",
    },
    { id: "DSP-02", action: "Support for carers", parentLink: "CP9", leadOfficer: "", startDate: null, dueDate: null },
    {
      id: "DSP-03",
      action: "Deliver the new reablement service across Sefton",
      parentLink: "CP2",
      leadOfficer: "J Smith",
      startDate: "2024-04-01",
      dueDate: "2024-06-30",
      measureOfSuccess: "Service live",
    },
    {
      id: "DSP-04",
      action: "Complete the adult social care peer review and publish the findings",
      parentLink: "CP3",
      leadOfficer: "B Jones",
      startDate: "2024-04-01",
      dueDate: "2024-09-30",
      completedDate: "2024-09-15",
      measureOfSuccess: "Report published",
    },
  ].map((a) => actionSchema.parse(a));
  const measures = [
    {
      id: "KPI-01",
      name: "Percentage of home care packages started within 5 days",
      type: "Key Result",
      polarity: "High",
      unit: "%",
      parentLink: "CP2",
      keyMeasure: true,
      baseline: 78,
      annualTarget: 80,
      q1Actual: 82,
      q2Actual: 70,
      accountableOfficer: "A Patel",
      dataSource: "LAS",
    },
    {
      id: "KPI-02",
      name: "Average days from referral to assessment",
      polarity: "Low",
      unit: "days",
      parentLink: "CP2",
      baseline: 12,
      annualTarget: 10,
      q1Actual: 9,
      q2Actual: 10.3,
      accountableOfficer: "J Smith",
      dataSource: "LAS",
    },
    {
      id: "KPI-03",
      name: "Number of people using reablement",
      polarity: "High",
      unit: "number",
      parentLink: "CP2",
      baseline: 45,
      annualTarget: 50,
      q1Actual: 40,
      q2Actual: 55,
      accountableOfficer: "J Smith",
      dataSource: "LAS",
    },
  ].map((m) => measureSchema.parse(m));
  return planDesign({ details, framework, actions, measures });
}

declare global {
  interface Window {
    goldenThreadTest: { selection(): { sheet: string; address: string } | null; nameValue(name: string): unknown; setOfficeTheme(dark: boolean): void; ready: boolean };
  }
}

async function start(): Promise<void> {
  const which = new URLSearchParams(window.location.search).get("workbook");
  // ?workbook=loose: a plan typed up by hand, as Convert meets it.
  const loose = [
    ["Ref", "What we will do", "Lead officer", "Due date", "Corporate priority"],
    ["A1", "Recommission home care so that 95% of packages start within 5 days", "A Patel", "31/03/2025", "CP2"],
    ["A2", "Support for carers", "", "", "CP9"],
  ];
  const fake = createFakeOffice({ sheets: [which === "loose" ? { name: "Plan", values: loose } : { name: "Sheet1" }] });
  const globals = window as unknown as Record<string, unknown>;
  globals.Office = fake.Office;
  globals.Excel = fake.Excel;
  // ?workbook=empty leaves the workbook blank, as a Service Manager starting a plan sees it.
  if (which !== "empty" && which !== "loose") await new ExcelWorkbook().apply(seedPlan());
  window.goldenThreadTest = {
    selection: () => fake.workbook.selection,
    // The value in the cell a defined name refers to, e.g. ReportingDate -> its Excel serial.
    nameValue: (name: string) => {
      const found = fake.workbook.findName(name);
      if (!found) return undefined;
      const { sheet, box } = fake.workbook.resolveReference(found.formula);
      return sheet.cell(box.r1, box.c1)?.value;
    },
    // Excel's dark and light themes as Office.context.officeTheme reports them; the pane looks again on focus.
    setOfficeTheme: (dark: boolean) => {
      (fake.Office.context as { officeTheme?: { bodyBackgroundColor: string } }).officeTheme = { bodyBackgroundColor: dark ? "#262626" : "#ffffff" };
      window.dispatchEvent(new Event("focus"));
    },
    ready: true,
  };
  await import("../../src/taskpane/index");
}

void start();

// The example plans behind `npm run demo`: Sefton's 85 strategic measures (real names, themes and
// "what is good") with illustrative figures of the kind councils publish, and a linked Directorate ->
// Operational -> Team set of Adult Social Care plans whose actions and measures tell one story.
import { parseCsv } from "../../src/csv/parse";
import { Action, actionSchema, FORMAT_VERSION, Measure, measureSchema, PlanDetails, planDetailsSchema, RegisterEntry, Tier, Update, updateSchema } from "../../src/model/plan";
import { Framework } from "../../src/model/framework";

export const THEME_TO_PRIORITY: Record<string, string> = {
  "Improving outcomes for children and their families": "CP1",
  "Providing care and support that empowers people to live an independent life, exercise choice and control, and be fully informed": "CP2",
  "Improving the health and wellbeing of everyone in Sefton and reduce inequality": "CP3",
  "Working together to deliver affordable services which achieve the best possible outcomes for our communities": "CP4",
  "Creating more and better jobs for local people": "CP5",
  "Cross-cutting themes for the Authority including Finance and Climate Change": "CP6",
};

/**
 * Illustrative figures of the kind councils publish for each of the 85 measures, in the CSV's order:
 * unit, baseline (last year's outturn), Q1 and Q2 actuals (null for annual measures), where the figure
 * comes from and who answers for it, and "A" (annual) or "C" (contextual: reported, never targeted).
 * Sefton's table gives no targets, so none are invented here: a plan sets its own (see ASC_TARGETS).
 */
type Figure = [unit: string, baseline: number, q1: number | null, q2: number | null, source: string, officer: string, flags?: "A" | "C" | "AC"];
const LCS = "Liquidlogic Children's System";
const LAS = "Liquidlogic Adults' System";
const FINGERTIPS = "OHID Fingertips";
const FIGURES: Figure[] = [
  ["%", 89.5, 90.1, 89.2, LCS, "Head of Children's Social Care"],
  ["%", 72.0, 74.5, 76.3, LCS, "Head of Children's Social Care"],
  ["%", 86.0, 88.4, 90.2, LCS, "Service Manager, Children in Need"],
  ["%", 6.5, 6.8, 7.1, LCS, "Head of Corporate Parenting"],
  ["%", 22.4, 21.8, 20.9, LCS, "Head of Early Help"],
  ["number", 138, 140, 143, "Fostering service records", "Fostering Service Manager"],
  ["%", 65.4, null, null, "DfE EYFS Profile return", "Head of Education Excellence", "A"],
  ["%", 58.9, null, null, "DfE Key Stage 2 results", "Head of Education Excellence", "A"],
  ["score", -0.15, null, null, "DfE Key Stage 4 performance tables", "Head of Education Excellence", "A"],
  ["score", 45.1, null, null, "DfE Key Stage 4 performance tables", "Head of Education Excellence", "A"],
  ["%", 21.4, 19.8, 18.9, "School census attendance data", "Head of Inclusion"],
  ["%", 38.0, 36.5, 35.2, LCS, "Leaving Care Team Manager"],
  ["%", 46.2, 52.0, 58.4, "SEND case management system", "Head of SEND"],
  ["number", 58, 54, 61, "Complaints system", "Complaints Manager, Children's Services"],
  ["%", 71.5, 72.0, 72.4, LAS, "Head of Adult Social Care Operations"],
  ["%", 78.0, 80.5, 82.1, LAS, "Reablement Service Manager"],
  ["%", 79.0, 80.2, 81.0, "CQC ratings matched to placements", "Head of Commissioning and Contracts"],
  ["%", 93.0, 94.1, 95.6, "Safeguarding Adults Collection", "Principal Social Worker (Adults)"],
  ["%", 16.8, 15.9, 15.2, "HR and payroll system", "Workforce Development Manager"],
  ["%", 14.6, 13.8, 12.9, "HR and payroll system", "Workforce Development Manager"],
  ["%", 4.2, 5.1, 6.0, "Quality assurance audit tool", "Principal Social Worker (Adults)"],
  ["%", 68.0, 71.0, 74.5, "Quality assurance audit tool", "Principal Social Worker (Adults)"],
  ["%", 18.0, 21.0, 24.5, "Customer feedback records", "Customer Insight Officer"],
  ["%", 84.0, 85.2, 86.0, "Adult Social Care Survey", "Head of Adult Social Care Operations"],
  ["%", 45.0, 50.0, 55.0, "Co-production log", "Head of Strategic Commissioning"],
  ["number", 8, 8, 9, "Apprenticeship levy records", "Workforce Development Manager"],
  ["number", 1120, 1085, 1142, "Merseyside Police", "Domestic Abuse Lead", "C"],
  ["%", 36.5, null, null, "National Child Measurement Programme", "Public Health Lead (Healthy Weight)", "A"],
  ["%", 93.4, 93.8, 94.0, "UKHSA COVER data", "Consultant in Public Health"],
  ["%", 90.1, 90.6, 91.0, "UKHSA COVER data", "Consultant in Public Health"],
  ["%", 89.8, 90.2, 90.5, "UKHSA COVER data", "Consultant in Public Health"],
  ["%", 14.8, null, null, `${FINGERTIPS} (QOF depression prevalence)`, "Public Health Lead (Mental Health)", "AC"],
  ["per 100,000", 95.0, null, null, FINGERTIPS, "Commissioning Manager (Substance Misuse)", "A"],
  ["per 100,000", 38.2, null, null, FINGERTIPS, "Commissioning Manager (Substance Misuse)", "A"],
  ["per 100,000", 7.9, null, null, FINGERTIPS, "Commissioning Manager (Substance Misuse)", "A"],
  ["%", 5.1, 5.4, 5.6, "National Drug Treatment Monitoring System", "Commissioning Manager (Substance Misuse)"],
  ["%", 31.5, 32.8, 33.4, "National Drug Treatment Monitoring System", "Commissioning Manager (Substance Misuse)"],
  ["per 100,000", 17.2, null, null, FINGERTIPS, "Consultant in Public Health", "A"],
  ["%", 70.9, 71.0, 71.3, `${FINGERTIPS} (NHS screening)`, "Screening and Immunisation Lead"],
  ["%", 71.2, 71.5, 71.9, `${FINGERTIPS} (NHS screening)`, "Screening and Immunisation Lead"],
  ["%", 72.5, 73.0, 73.4, `${FINGERTIPS} (NHS screening)`, "Screening and Immunisation Lead"],
  ["hours", 11500, 11900, 12400, "Volunteer management system", "Voluntary Sector Liaison Officer"],
  ["number", 420, 398, 445, "Customer contact system", "Cleansing Services Manager"],
  ["number", 1850, 1790, 1905, "Fly-tipping records (Flycapture)", "Cleansing Services Manager"],
  ["number", 2600, 2750, 2820, "Customer contact system", "Waste Services Manager"],
  ["%", 38.2, 41.5, 40.8, "WasteDataFlow", "Waste Services Manager"],
  ["number", 6, null, null, "Highways programme records", "Road Safety Manager", "A"],
  ["per 1,000", 78.5, 77.9, 78.8, "Merseyside Police recorded crime", "Community Safety Manager"],
  ["number", 9, 7, 11, "Street outreach count", "Housing Options Manager"],
  ["%", 52.0, 54.1, 55.3, "Homelessness case records (H-CLIC)", "Housing Options Manager"],
  ["visits per 1,000", 2150, 2230, 2180, "Leisure management system", "Head of Active Sefton"],
  ["%", 68.0, null, null, "Ombudsman annual review letter", "Complaints Manager", "A"],
  ["%", 78.0, 81.5, 83.2, "Complaints system", "Complaints Manager"],
  ["%", 5.6, null, null, "DfE NCCIS return", "14-19 Manager", "A"],
  ["number", 410, 435, 452, "Sefton@work case management", "Sefton@work Manager"],
  ["number", 1250, 1310, 980, "Adult learning records", "Adult Learning Manager"],
  ["millions", 10.2, null, null, "STEAM tourism model", "Tourism Manager", "AC"],
  ["per 10,000", 39.5, null, null, "ONS Business Demography", "Economic Growth Manager", "A"],
  ["%", 92.1, null, null, "ONS Business Demography", "Economic Growth Manager", "A"],
  ["%", 38.5, null, null, "ONS Business Demography", "Economic Growth Manager", "A"],
  ["%", 21.5, 21.1, 20.6, "Town centre occupancy survey", "Town Centres Manager"],
  ["%", 9.8, 9.5, 9.9, "Town centre occupancy survey", "Town Centres Manager"],
  ["%", 15.2, 14.8, 14.5, "Town centre occupancy survey", "Town Centres Manager"],
  ["%", 6.4, 6.6, 6.1, "Town centre occupancy survey", "Town Centres Manager"],
  ["%", 4.9, 4.7, 5.2, "Town centre occupancy survey", "Town Centres Manager"],
  ["number", 248, 262, 281, "Homelessness case records (H-CLIC)", "Housing Options Manager"],
  ["number", 45, 38, 52, "Housing completions monitoring", "Strategic Housing Manager"],
  ["%", 24.5, null, null, "Housing completions monitoring", "Planning Policy Manager", "A"],
  ["%", 3.9, 4.1, 4.0, "ONS Annual Population Survey", "Economic Growth Manager", "C"],
  ["%", 4.6, 4.5, 4.7, "ONS Claimant Count", "Economic Growth Manager", "C"],
  ["%", 101.8, 102.5, 101.9, "Financial management system", "Chief Finance Officer"],
  ["%", 84.0, 88.5, 91.2, "Financial management system", "Chief Finance Officer"],
  ["£m", 12.6, 11.9, 11.4, "Financial management system", "Chief Finance Officer"],
  ["£000s", 1250, 0, 450, "Financial management system", "Chief Finance Officer"],
  ["£000s", 8650, 8420, 8910, "Income and debt recovery system", "Head of Revenues and Benefits"],
  ["%", 95.6, null, null, "Council tax system", "Head of Revenues and Benefits", "A"],
  ["%", 97.1, null, null, "Business rates system", "Head of Revenues and Benefits", "A"],
  ["%", 7.8, 7.5, 7.9, "Income and debt recovery system", "Head of Revenues and Benefits"],
  ["%", 128.0, null, null, "Treasury management records", "Chief Finance Officer", "A"],
  ["£m", 4.2, null, null, "Transformation programme tracker", "Transformation Programme Manager", "A"],
  ["%", 38.0, null, null, "Staff travel survey", "Climate Emergency Manager", "A"],
  ["miles", 182000, 175400, 169800, "Expenses system", "Climate Emergency Manager"],
  ["per 100,000", 52.4, 56.1, 61.0, "DfT electric vehicle charging statistics", "Transport Planning Manager"],
  ["%", 8.5, 9.2, 10.1, "Fleet management system", "Fleet Manager"],
  ["tCO2e", 10850, null, null, "Council energy and fuel data", "Climate Emergency Manager", "A"],
];

/** Builds measures from the Sefton strategic measures CSV text (columns corporate_plan_theme, measure, what_is_good). */
export function seftonMeasures(csvText: string): (Measure & { priority: string })[] {
  const rows = parseCsv(csvText);
  const [header, ...body] = rows;
  const col = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`sefton-strategic-measures-2024.csv: missing column ${name}`);
    return i;
  };
  const [themeCol, nameCol, goodCol] = [col("corporate_plan_theme"), col("measure"), col("what_is_good")];
  const measures = body.filter((r) => r.some((c) => c.trim() !== ""));
  if (measures.length !== FIGURES.length) throw new Error(`sefton-strategic-measures-2024.csv has ${measures.length} measures; the example figures cover ${FIGURES.length}`);
  return measures.map((r, i) => {
    const priority = THEME_TO_PRIORITY[r[themeCol]] ?? "CP4";
    const good = r[goodCol].trim();
    const [unit, baseline, q1, q2, dataSource, accountableOfficer, flags = ""] = FIGURES[i];
    const measure = measureSchema.parse({
      id: `SM${String(i + 1).padStart(2, "0")}`,
      name: r[nameCol].trim(),
      type: flags.includes("C") ? "Contextual Indicator" : "Performance Indicator",
      polarity: good === "100" ? "Target" : good === "Low" ? "Low" : "High",
      unit,
      frequency: flags.includes("A") ? "Annual" : "Quarterly",
      dataSource,
      accountableOfficer,
      parentLink: priority,
      keyMeasure: false,
      baseline,
      annualTarget: null,
      q1Actual: q1,
      q2Actual: q2,
      q3Actual: null,
      q4Actual: null,
    });
    return { ...measure, priority };
  });
}

/**
 * The Directorate plan sets its own targets for the Adult Social Care measures (Sefton's table
 * gives none), matching what its actions promise: a trajectory where the year builds to a target.
 */
const ASC_TARGETS: Record<string, Partial<Measure>> = {
  SM15: { annualTarget: 73, accountableOfficer: "Jane Morris" },
  SM16: {
    annualTarget: 85,
    q1Target: 81,
    q2Target: 82.5,
    q3Target: 84,
    q4Target: 85,
    keyMeasure: true,
    type: "Key Result",
    accountableOfficer: "Jane Morris",
    comments: "7-day reablement starts once the new officers are in post.",
  },
  SM17: { annualTarget: 85, accountableOfficer: "Marcus Bell" },
  SM18: { annualTarget: 95, accountableOfficer: "Daniel Okafor" },
  SM19: { annualTarget: 14, accountableOfficer: "Priya Shah", comments: "Falling each quarter as the workforce strategy takes effect." },
  SM20: {
    annualTarget: 10,
    q1Target: 13.5,
    q2Target: 12.5,
    q3Target: 11.5,
    q4Target: 10,
    keyMeasure: true,
    type: "Key Result",
    accountableOfficer: "Priya Shah",
    comments: "Six agency posts converted to permanent since April.",
  },
  SM21: { annualTarget: 5, accountableOfficer: "Daniel Okafor" },
  SM22: { annualTarget: 75, q1Target: 70, q2Target: 72, q3Target: 74, q4Target: 75, keyMeasure: true, type: "Key Result", accountableOfficer: "Daniel Okafor" },
  SM23: { annualTarget: 30, accountableOfficer: "Amira Khan", comments: "New feedback text service from October." },
  // The Adult Social Care Survey is published once a year, in September: rated from Q2, M before.
  SM24: { annualTarget: 85, accountableOfficer: "Jane Morris", frequency: "Annual", reportedIn: "Q2", q1Actual: null },
  SM25: { annualTarget: 60, accountableOfficer: "Marcus Bell", comments: "Carers' strategy workshops count from Q3." },
  SM26: { annualTarget: 15, q1Target: 8, q2Target: 8, q3Target: 12, q4Target: 15, accountableOfficer: "Priya Shah", comments: "The apprenticeship programme starts in Q3." },
};

type ActionInput = Partial<Action> & Pick<Action, "id" | "action">;
const action = (a: ActionInput): Action => actionSchema.parse(a);

export interface ExamplePlan {
  details: PlanDetails;
  actions: Action[];
  measures: Measure[];
  register: RegisterEntry[];
  /** The Updates history: last year's quarters, which cumulative measures compare with. */
  updates?: Update[];
}

/**
 * The Directorate plan's own year-to-date measures (running totals through the year): reablement
 * completions, with last year's quarters in the Updates history to compare with, and the day
 * services savings of DSP-ASC-06, new this year and so with no history yet.
 */
const ASC_CUMULATIVE: Measure[] = [
  measureSchema.parse({
    id: "ASC-YTD-01",
    name: "People completing a reablement programme (year to date)",
    type: "Performance Indicator",
    polarity: "High",
    unit: "number",
    frequency: "Quarterly",
    cumulative: true,
    dataSource: LAS,
    accountableOfficer: "Jane Morris",
    parentLink: "CP2",
    baseline: 1460,
    annualTarget: 1600,
    q1Actual: 410,
    q2Actual: 790,
    comments: "Running total for the year; compared with the same quarter last year.",
  }),
  measureSchema.parse({
    id: "ASC-YTD-02",
    name: "Savings delivered from day services transformation (£000s, year to date)",
    type: "Key Result",
    polarity: "High",
    unit: "£000s",
    frequency: "Quarterly",
    cumulative: true,
    dataSource: "Financial management system",
    accountableOfficer: "Jane Morris",
    parentLink: "CP6",
    keyMeasure: true,
    annualTarget: 1200,
    q1Actual: 150,
    q2Actual: 400,
    comments: "£0.4m confirmed by Finance; the remaining proposals are at consultation.",
    redReason: "Three of the five day-service proposals are still at consultation, so their savings start later in the year than planned.",
    correctiveAction: "Consultation closes in November; vacancy savings cover the gap meanwhile.",
    recoveryDate: "2025-03-31",
  }),
];

/** Last year's quarterly figures for ASC-YTD-01, as Record the quarter wrote them in 2023/24. */
const ASC_HISTORY: Update[] = [
  ["2023/24 Q1", 350, "2023-07-07"],
  ["2023/24 Q2", 720, "2023-10-06"],
  ["2023/24 Q3", 1080, "2024-01-08"],
  ["2023/24 Q4", 1460, "2024-04-09"],
].map(([period, value, updatedOn]) => updateSchema.parse({ period, itemId: "ASC-YTD-01", value, narrative: "Year-to-date completions.", updatedBy: "Jane Morris", updatedOn }));

function details(tier: Tier, planId: string, extra: Partial<PlanDetails>): PlanDetails {
  return planDetailsSchema.parse({ formatVersion: FORMAT_VERSION, planId, tier, council: "Sefton Council", directorate: "Adult Social Care", planYear: "2024/25", ...extra });
}

/** Directorate, Operational and Team plans for Adult Social Care, linked through their IDs. */
export function seftonAdultSocialCarePlans(framework: Framework, measures: (Measure & { priority: string })[]): { directorate: ExamplePlan; operational: ExamplePlan; team: ExamplePlan } {
  const ascMeasures = measures.filter((m) => m.priority === "CP2").map(({ priority: _p, ...m }) => measureSchema.parse({ ...m, ...ASC_TARGETS[m.id] }));
  const priorities: RegisterEntry[] = framework.priorities.map((p) => ({ id: p.id, title: p.title, tier: "Corporate", leadOfficer: "" }));

  const directorateActions: Action[] = [
    action({
      id: "DSP-ASC-01",
      action: "Increase the proportion of people supported at home by expanding the reablement service to 7-day working",
      intendedOutcome: "More people regain independence after a hospital stay",
      parentLink: "CP2",
      measureOfSuccess: "Reablement take-up of 85% of suitable referrals by March 2025",
      linkedMeasures: ascMeasures[1]?.id ?? "",
      leadOfficer: "Jane Morris",
      startDate: "2024-04-01",
      dueDate: "2025-03-31",
      percentComplete: 45,
      selfAssessedRag: "Green",
      progress: "7-day rota agreed with staff side; recruitment of 6 reablement officers under way.",
    }),
    action({
      id: "DSP-ASC-02",
      action: "Implement the refreshed quality assurance framework and complete 20 case file audits each quarter",
      intendedOutcome: "Consistent, good quality social work practice",
      parentLink: "CP2",
      measureOfSuccess: "Framework in use; 20 audits a quarter, 75% rated good or better",
      linkedMeasures: "SM21, SM22",
      leadOfficer: "Daniel Okafor",
      startDate: "2024-04-01",
      dueDate: "2024-09-30",
      completedDate: "2024-09-20",
      percentComplete: 100,
      selfAssessedRag: "Green",
      progress: "Framework launched in July; 22 audits in Q2, 74.5% rated good or better.",
    }),
    action({
      id: "DSP-ASC-03",
      action: "Publish a workforce strategy that reduces reliance on agency social workers to below 10%",
      intendedOutcome: "A stable, permanent workforce",
      parentLink: "CP2",
      measureOfSuccess: "Agency social workers below 10% of establishment by March 2025",
      linkedMeasures: "SM19, SM20",
      leadOfficer: "Priya Shah",
      startDate: "2024-05-01",
      dueDate: "2024-06-30",
      revisedDueDate: "2024-12-31",
      percentComplete: 60,
      selfAssessedRag: "Amber",
      progress: "Draft strategy consulted on; sign-off moved to Cabinet in December.",
      slippageReason: "Consultation extended at the request of staff side",
      correctiveAction: "Cabinet date fixed; interim recruitment campaign launched",
      recoveryDate: "2024-12-31",
    }),
    action({
      id: "DSP-ASC-04",
      action: "Launch an apprenticeship programme offering 15 social care apprenticeships",
      intendedOutcome: "A pipeline of local people into care careers",
      parentLink: "CP5",
      measureOfSuccess: "15 apprentices in post",
      linkedMeasures: "SM26",
      leadOfficer: "Priya Shah",
      startDate: "2024-10-01",
      dueDate: "2025-03-31",
      percentComplete: 0,
      progress: "Starts in Q3.",
    }),
    action({
      id: "DSP-ASC-05",
      action: "Co-produce the new carers' strategy with carers and the voluntary sector",
      intendedOutcome: "Carers shape the support they receive",
      parentLink: "CP3",
      measureOfSuccess: "Strategy adopted; 60% of service developments co-produced",
      linkedMeasures: "SM25",
      leadOfficer: "Marcus Bell",
      startDate: "2024-04-01",
      dueDate: "2024-07-31",
      percentComplete: 70,
      selfAssessedRag: "Amber",
      progress: "Workshops held; final draft with carers' forum.",
    }),
    action({
      id: "DSP-ASC-06",
      action: "Deliver £1.2m of savings from the transformation of day services",
      intendedOutcome: "Affordable services within budget",
      parentLink: "CP6",
      measureOfSuccess: "£1.2m recurrent savings confirmed by Finance",
      leadOfficer: "Jane Morris",
      startDate: "2024-04-01",
      dueDate: "2025-03-31",
      percentComplete: 35,
      selfAssessedRag: "Amber",
      progress: "£0.4m confirmed; remaining proposals at consultation.",
    }),
  ];

  const operationalActions: Action[] = [
    action({
      id: "OSP-ASCO-01",
      action: "Recruit six reablement officers to support 7-day working",
      intendedOutcome: "Weekend discharges supported",
      parentLink: "DSP-ASC-01",
      measureOfSuccess: "6 officers in post",
      leadOfficer: "Sam Hughes",
      startDate: "2024-04-01",
      dueDate: "2024-08-31",
      percentComplete: 80,
      selfAssessedRag: "Amber",
      progress: "4 of 6 appointed.",
    }),
    action({
      id: "OSP-ASCO-02",
      action: "Review the hospital discharge pathway with Mersey Care and agree a shared referral form",
      intendedOutcome: "Faster, safer discharges",
      parentLink: "DSP-ASC-01",
      measureOfSuccess: "Shared form in use at both hospitals",
      leadOfficer: "Sam Hughes",
      startDate: "2024-04-01",
      dueDate: "2024-06-30",
      revisedDueDate: "2024-11-30",
      percentComplete: 50,
      progress: "Awaiting NHS sign-off.",
    }),
    action({
      id: "OSP-ASCO-03",
      action: "Complete 20 case file audits each quarter and report themes to the practice forum",
      intendedOutcome: "Learning from audit improves practice",
      parentLink: "DSP-ASC-02",
      measureOfSuccess: "20 audits per quarter",
      linkedMeasures: ascMeasures[6]?.id ?? "",
      leadOfficer: "Daniel Okafor",
      startDate: "2024-04-01",
      dueDate: "2025-03-31",
      percentComplete: 50,
      selfAssessedRag: "Green",
    }),
    // Deliberately weak actions, for the check demo.
    action({ id: "OSP-ASCO-04", action: "Workforce development", parentLink: "DSP-ASC-03", leadOfficer: "TBC", dueDateText: "Ongoing", progress: "" }),
    action({
      id: "OSP-ASCO-05",
      action: "Continue to support partners where possible and explore options for a carers' hub etc.",
      parentLink: "DSP-ASC-05",
      leadOfficer: "Commissioning Team",
      dueDate: "2025-03-31",
    }),
    action({
      id: "OSP-ASCO-06",
      action: "Introduce a digital self-assessment for equipment and adaptations",
      intendedOutcome: "People get simple equipment within 5 days",
      parentLink: "DSP-ASC-99",
      measureOfSuccess: "70% of equipment requests self-assessed online",
      leadOfficer: "Amira Khan",
      startDate: "2024-06-01",
      dueDate: "2024-05-31",
      percentComplete: 10,
    }),
  ];

  const teamActions: Action[] = [
    action({
      id: "TP-REAB-01",
      action: "Train all reablement staff in strengths-based practice by September 2024",
      intendedOutcome: "Goals set with people, not for them",
      parentLink: "OSP-ASCO-01",
      measureOfSuccess: "100% of staff trained",
      leadOfficer: "Leah Walsh",
      startDate: "2024-04-01",
      dueDate: "2024-09-30",
      completedDate: "2024-09-13",
      percentComplete: 100,
      selfAssessedRag: "Green",
    }),
    action({
      id: "TP-REAB-02",
      action: "Set up a weekend duty rota covering Southport and Bootle hubs",
      intendedOutcome: "Weekend referrals seen within 24 hours",
      parentLink: "OSP-ASCO-01",
      measureOfSuccess: "Rota live; 90% of weekend referrals seen within 24 hours",
      leadOfficer: "Leah Walsh",
      startDate: "2024-07-01",
      dueDate: "2024-10-31",
      percentComplete: 40,
      selfAssessedRag: "Amber",
    }),
    action({ id: "TP-REAB-03", action: "Road safety", parentLink: "OSP-ASCO-77", leadOfficer: "All", dueDateText: "March 2025" }),
  ];

  const directorate: ExamplePlan = {
    details: details("Directorate", "DSP-ASC-2024", {
      owner: "Assistant Director, Adult Social Care",
      overview: "Adult Social Care supports adults with care and support needs and their carers across Sefton.",
      whereAreWeNow: "Demand for home care continues to rise; reablement outcomes are above the regional average.",
      whereDoWeNeedToBe: "More people supported to live independently at home, with a stable permanent workforce.",
      keyAchievements: "Good CQC assurance preparation; new quality assurance framework.",
      challengesAndRisks: "Workforce supply; hospital discharge pressures; budget.",
    }),
    actions: directorateActions,
    measures: [...ascMeasures, ...ASC_CUMULATIVE],
    register: priorities,
    updates: ASC_HISTORY,
  };
  const register = (tier: string, actions: Action[]): RegisterEntry[] => actions.map((a) => ({ id: a.id, title: a.action, tier, leadOfficer: a.leadOfficer }));
  const operational: ExamplePlan = {
    details: details("Operational", "OSP-ASCO-2024", { service: "Adult Social Care Operations", owner: "Service Manager, Adult Social Care Operations", parentPlanId: "DSP-ASC-2024" }),
    actions: operationalActions,
    measures: ascMeasures.slice(0, 8),
    register: register("Directorate", directorateActions),
  };
  const team: ExamplePlan = {
    details: details("Team", "TP-REAB-2024", { service: "Adult Social Care Operations", team: "Reablement Team", owner: "Team Manager, Reablement", parentPlanId: "OSP-ASCO-2024" }),
    actions: teamActions,
    measures: [],
    register: register("Operational", operationalActions),
  };
  return { directorate, operational, team };
}

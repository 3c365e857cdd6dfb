// The example plans behind `npm run demo`: Sefton's 85 strategic measures (real names, themes and
// "what is good") with illustrative figures, and a linked Directorate -> Operational -> Team set of
// Adult Social Care plans. Figures are made up, deterministically, to show every status.
import { parseCsv } from "../../src/csv/parse";
import { Action, actionSchema, FORMAT_VERSION, Measure, measureSchema, PlanDetails, planDetailsSchema, RegisterEntry, Tier } from "../../src/model/plan";
import { Framework } from "../../src/model/framework";
import { seeded } from "./seeded";

export const THEME_TO_PRIORITY: Record<string, string> = {
  "Improving outcomes for children and their families": "CP1",
  "Providing care and support that empowers people to live an independent life, exercise choice and control, and be fully informed": "CP2",
  "Improving the health and wellbeing of everyone in Sefton and reduce inequality": "CP3",
  "Working together to deliver affordable services which achieve the best possible outcomes for our communities": "CP4",
  "Creating more and better jobs for local people": "CP5",
  "Cross-cutting themes for the Authority including Finance and Climate Change": "CP6",
};

const round1 = (n: number) => Math.round(n * 10) / 10;

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
  const random = seeded(2024);
  return body
    .filter((r) => r.some((c) => c.trim() !== ""))
    .map((r, i) => {
      const priority = THEME_TO_PRIORITY[r[themeCol]] ?? "CP4";
      const good = r[goodCol].trim();
      const polarity = good === "100" ? "Target" : good === "Low" ? "Low" : "High";
      const name = r[nameCol].trim();
      const isShare = /percentage|proportion|rate|%/i.test(name);
      const contextual = /^rates? of|in period$|^visitor numbers|unemployment|claimant/i.test(name);
      const annual = !contextual && i % 7 === 3;
      const baseline = polarity === "Target" ? 100 : isShare ? round1(30 + random() * 60) : Math.round(20 + random() * 480);
      const stretch = (polarity === "High" ? 1 : polarity === "Low" ? -1 : 0) * (isShare ? 2 : Math.max(1, Math.round(baseline * 0.05)));
      const annualTarget = polarity === "Target" ? 100 : round1(baseline + stretch);
      // Actuals wander around the trajectory: some beat it, some miss by a little, some by a lot.
      const drift = () => (random() - 0.55) * (isShare ? 8 : baseline * 0.12);
      const q = (n: number) => (annual ? null : round1(annualTarget + drift() * (n / 2)));
      const measure = measureSchema.parse({
        id: `SM${String(i + 1).padStart(2, "0")}`,
        name,
        type: contextual ? "Contextual Indicator" : i % 4 === 0 ? "Key Result" : "Performance Indicator",
        polarity,
        unit: isShare ? "%" : /£m/.test(name) ? "£m" : /£000s/.test(name) ? "£000s" : "number",
        frequency: annual ? "Annual" : "Quarterly",
        dataSource: "Corporate Performance & BI Team",
        accountableOfficer: "Performance Lead",
        parentLink: priority,
        keyMeasure: i % 4 === 0,
        baseline,
        annualTarget,
        q1Actual: q(1),
        q2Actual: q(2),
        q3Actual: null,
        q4Actual: null,
      });
      return { ...measure, priority };
    });
}

type ActionInput = Partial<Action> & Pick<Action, "id" | "action">;
const action = (a: ActionInput): Action => actionSchema.parse(a);

export interface ExamplePlan {
  details: PlanDetails;
  actions: Action[];
  measures: Measure[];
  register: RegisterEntry[];
}

function details(tier: Tier, planId: string, extra: Partial<PlanDetails>): PlanDetails {
  return planDetailsSchema.parse({ formatVersion: FORMAT_VERSION, planId, tier, council: "Sefton Council", directorate: "Adult Social Care", planYear: "2024/25", ...extra });
}

/** Directorate, Operational and Team plans for Adult Social Care, linked through their IDs. */
export function seftonAdultSocialCarePlans(framework: Framework, measures: (Measure & { priority: string })[]): { directorate: ExamplePlan; operational: ExamplePlan; team: ExamplePlan } {
  const ascMeasures = measures.filter((m) => m.priority === "CP2").map(({ priority: _p, ...m }) => m);
  const priorities: RegisterEntry[] = framework.priorities.map((p) => ({ id: p.id, title: p.title, tier: "Corporate", leadOfficer: "" }));

  const directorateActions: Action[] = [
    action({ id: "DSP-ASC-01", action: "Increase the proportion of people supported at home by expanding the reablement service to 7-day working", intendedOutcome: "More people regain independence after a hospital stay", parentLink: "CP2", measureOfSuccess: "Reablement take-up of 85% of suitable referrals by March 2025", linkedMeasures: ascMeasures[1]?.id ?? "", leadOfficer: "Jane Morris", startDate: "2024-04-01", dueDate: "2025-03-31", percentComplete: 45, selfAssessedRag: "Green", progress: "7-day rota agreed with staff side; recruitment of 6 reablement officers under way." }),
    action({ id: "DSP-ASC-02", action: "Implement the refreshed quality assurance framework and complete 20 case file audits each quarter", intendedOutcome: "Consistent, good quality social work practice", parentLink: "CP2", measureOfSuccess: "80 audits completed, 75% rated good or better", leadOfficer: "Daniel Okafor", startDate: "2024-04-01", dueDate: "2024-09-30", completedDate: "2024-09-20", percentComplete: 100, selfAssessedRag: "Green", progress: "Framework launched in July; 42 audits completed to date." }),
    action({ id: "DSP-ASC-03", action: "Publish a workforce strategy that reduces reliance on agency social workers to below 10%", intendedOutcome: "A stable, permanent workforce", parentLink: "CP2", measureOfSuccess: "Agency social workers below 10% of establishment", leadOfficer: "Priya Shah", startDate: "2024-05-01", dueDate: "2024-06-30", revisedDueDate: "2024-12-31", percentComplete: 60, selfAssessedRag: "Amber", progress: "Draft strategy consulted on; sign-off moved to Cabinet in December.", slippageReason: "Consultation extended at the request of staff side", correctiveAction: "Cabinet date fixed; interim recruitment campaign launched", recoveryDate: "2024-12-31" }),
    action({ id: "DSP-ASC-04", action: "Launch an apprenticeship programme offering 15 social care apprenticeships", intendedOutcome: "A pipeline of local people into care careers", parentLink: "CP5", measureOfSuccess: "15 apprentices in post", leadOfficer: "Priya Shah", startDate: "2024-10-01", dueDate: "2025-03-31", percentComplete: 0, progress: "Starts in Q3." }),
    action({ id: "DSP-ASC-05", action: "Co-produce the new carers' strategy with carers and the voluntary sector", intendedOutcome: "Carers shape the support they receive", parentLink: "CP3", measureOfSuccess: "Strategy adopted; 60% of service developments co-produced", leadOfficer: "Marcus Bell", startDate: "2024-04-01", dueDate: "2024-07-31", percentComplete: 70, selfAssessedRag: "Amber", progress: "Workshops held; final draft with carers' forum." }),
    action({ id: "DSP-ASC-06", action: "Deliver £1.2m of savings from the transformation of day services", intendedOutcome: "Affordable services within budget", parentLink: "CP6", measureOfSuccess: "£1.2m recurrent savings confirmed by Finance", leadOfficer: "Jane Morris", startDate: "2024-04-01", dueDate: "2025-03-31", percentComplete: 35, selfAssessedRag: "Amber", progress: "£0.4m confirmed; remaining proposals at consultation." }),
  ];

  const operationalActions: Action[] = [
    action({ id: "OSP-ASCO-01", action: "Recruit six reablement officers to support 7-day working", intendedOutcome: "Weekend discharges supported", parentLink: "DSP-ASC-01", measureOfSuccess: "6 officers in post", leadOfficer: "Sam Hughes", startDate: "2024-04-01", dueDate: "2024-08-31", percentComplete: 80, selfAssessedRag: "Amber", progress: "4 of 6 appointed." }),
    action({ id: "OSP-ASCO-02", action: "Review the hospital discharge pathway with Mersey Care and agree a shared referral form", intendedOutcome: "Faster, safer discharges", parentLink: "DSP-ASC-01", measureOfSuccess: "Shared form in use at both hospitals", leadOfficer: "Sam Hughes", startDate: "2024-04-01", dueDate: "2024-06-30", revisedDueDate: "2024-11-30", percentComplete: 50, progress: "Awaiting NHS sign-off." }),
    action({ id: "OSP-ASCO-03", action: "Complete 20 case file audits each quarter and report themes to the practice forum", intendedOutcome: "Learning from audit improves practice", parentLink: "DSP-ASC-02", measureOfSuccess: "20 audits per quarter", linkedMeasures: ascMeasures[6]?.id ?? "", leadOfficer: "Daniel Okafor", startDate: "2024-04-01", dueDate: "2025-03-31", percentComplete: 50, selfAssessedRag: "Green" }),
    // Deliberately weak actions, for the check demo.
    action({ id: "OSP-ASCO-04", action: "Workforce development", parentLink: "DSP-ASC-03", leadOfficer: "TBC", dueDateText: "Ongoing", progress: "" }),
    action({ id: "OSP-ASCO-05", action: "Continue to support partners where possible and explore options for a carers' hub etc.", parentLink: "DSP-ASC-05", leadOfficer: "Commissioning Team", dueDate: "2025-03-31" }),
    action({ id: "OSP-ASCO-06", action: "Introduce a digital self-assessment for equipment and adaptations", intendedOutcome: "People get simple equipment within 5 days", parentLink: "DSP-ASC-99", measureOfSuccess: "70% of equipment requests self-assessed online", leadOfficer: "Amira Khan", startDate: "2024-06-01", dueDate: "2024-05-31", percentComplete: 10 }),
  ];

  const teamActions: Action[] = [
    action({ id: "TP-REAB-01", action: "Train all reablement staff in strengths-based practice by September 2024", intendedOutcome: "Goals set with people, not for them", parentLink: "OSP-ASCO-01", measureOfSuccess: "100% of staff trained", leadOfficer: "Leah Walsh", startDate: "2024-04-01", dueDate: "2024-09-30", completedDate: "2024-09-13", percentComplete: 100, selfAssessedRag: "Green" }),
    action({ id: "TP-REAB-02", action: "Set up a weekend duty rota covering Southport and Bootle hubs", intendedOutcome: "Weekend referrals seen within 24 hours", parentLink: "OSP-ASCO-01", measureOfSuccess: "Rota live; 90% of weekend referrals seen within 24 hours", leadOfficer: "Leah Walsh", startDate: "2024-07-01", dueDate: "2024-10-31", percentComplete: 40, selfAssessedRag: "Amber" }),
    action({ id: "TP-REAB-03", action: "Road safety", parentLink: "OSP-ASCO-77", leadOfficer: "All", dueDateText: "March 2025" }),
  ];

  const directorate: ExamplePlan = {
    details: details("Directorate", "DSP-ASC-2024", { owner: "Assistant Director, Adult Social Care", overview: "Adult Social Care supports adults with care and support needs and their carers across Sefton.", whereAreWeNow: "Demand for home care continues to rise; reablement outcomes are above the regional average.", whereDoWeNeedToBe: "More people supported to live independently at home, with a stable permanent workforce.", keyAchievements: "Good CQC assurance preparation; new quality assurance framework.", challengesAndRisks: "Workforce supply; hospital discharge pressures; budget." }),
    actions: directorateActions,
    measures: ascMeasures,
    register: priorities,
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

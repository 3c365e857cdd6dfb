// The cells the rules read from each action and measure row, copied once per check into one shape.
//
// Why: readers build each row as `{ ...parsed, source }`, and V8 then gives every row a hidden class
// of its own. A named read such as `a.parentLink` on 20,000 distinct classes misses every inline cache
// (about 0.3 µs a read, the biggest cost of a large check). Walking a row's keys once reads all its
// cells through the key cache instead, and the copies share one class, so every later read is cheap.
import type { Action, Located, Measure } from "../model/plan";

export type ActionRow = Pick<
  Located<Action>,
  "id" | "action" | "intendedOutcome" | "parentLink" | "measureOfSuccess" | "linkedMeasures" | "leadOfficer" | "startDate" | "dueDate" | "dueDateText" | "revisedDueDate" | "noLongerViable" | "source"
>;

export type MeasureRow = Pick<
  Located<Measure>,
  "id" | "name" | "type" | "polarity" | "frequency" | "dataSource" | "accountableOfficer" | "baseline" | "annualTarget" | "q1Target" | "q2Target" | "q3Target" | "q4Target" | "source"
>;

/** The cells of an action the rules read (as written: rules still guard against junk). */
export function actionRow(a: Located<Action>): ActionRow {
  const cells = a as unknown as Record<string, unknown>;
  let id, action, intendedOutcome, parentLink, measureOfSuccess, linkedMeasures, leadOfficer, startDate, dueDate, dueDateText, revisedDueDate, noLongerViable, source: unknown;
  for (const key in cells) {
    switch (key) {
      case "id":
        id = cells[key];
        break;
      case "action":
        action = cells[key];
        break;
      case "intendedOutcome":
        intendedOutcome = cells[key];
        break;
      case "parentLink":
        parentLink = cells[key];
        break;
      case "measureOfSuccess":
        measureOfSuccess = cells[key];
        break;
      case "linkedMeasures":
        linkedMeasures = cells[key];
        break;
      case "leadOfficer":
        leadOfficer = cells[key];
        break;
      case "startDate":
        startDate = cells[key];
        break;
      case "dueDate":
        dueDate = cells[key];
        break;
      case "dueDateText":
        dueDateText = cells[key];
        break;
      case "revisedDueDate":
        revisedDueDate = cells[key];
        break;
      case "noLongerViable":
        noLongerViable = cells[key];
        break;
      case "source":
        source = cells[key];
        break;
    }
  }
  return { id, action, intendedOutcome, parentLink, measureOfSuccess, linkedMeasures, leadOfficer, startDate, dueDate, dueDateText, revisedDueDate, noLongerViable, source } as ActionRow;
}

/** The cells of a measure the rules read. */
export function measureRow(m: Located<Measure>): MeasureRow {
  const cells = m as unknown as Record<string, unknown>;
  let id, name, type, polarity, frequency, dataSource, accountableOfficer, baseline, annualTarget, q1Target, q2Target, q3Target, q4Target, source: unknown;
  for (const key in cells) {
    switch (key) {
      case "id":
        id = cells[key];
        break;
      case "name":
        name = cells[key];
        break;
      case "type":
        type = cells[key];
        break;
      case "polarity":
        polarity = cells[key];
        break;
      case "frequency":
        frequency = cells[key];
        break;
      case "dataSource":
        dataSource = cells[key];
        break;
      case "accountableOfficer":
        accountableOfficer = cells[key];
        break;
      case "baseline":
        baseline = cells[key];
        break;
      case "annualTarget":
        annualTarget = cells[key];
        break;
      case "q1Target":
        q1Target = cells[key];
        break;
      case "q2Target":
        q2Target = cells[key];
        break;
      case "q3Target":
        q3Target = cells[key];
        break;
      case "q4Target":
        q4Target = cells[key];
        break;
      case "source":
        source = cells[key];
        break;
    }
  }
  return { id, name, type, polarity, frequency, dataSource, accountableOfficer, baseline, annualTarget, q1Target, q2Target, q3Target, q4Target, source } as MeasureRow;
}

/** False for rows of a file whose columns are known and hold no "Link to parent plan" (e.g. an actions CSV without it). */
export const hasLinkColumn = (a: ActionRow): boolean => !a.source.columns || a.source.columns.parentLink !== undefined || Object.keys(a.source.columns).length === 0;

// The Register a plan keeps of what its actions may link to, fed from the parent plan: so the
// golden-thread check works without the parent file, and ParentLinksList (= Register[ID]) offers
// the parent's actions in the link dropdown.
import type { Framework } from "../model/framework";
import { Plan, REGISTER_COLUMNS, RegisterEntry } from "../model/plan";
import { rowsOf } from "./columnDesign";
import { planRegister } from "./design";
import type { CellValue } from "./port";

/** The parent plan's actions (with its tier and their lead officers), then the framework's priorities and programmes. */
export function registerFromParent(parent: Plan, framework: Framework): RegisterEntry[] {
  const actions = parent.actions.map((a) => ({ id: a.id, title: a.action, tier: parent.details.tier, leadOfficer: a.leadOfficer }));
  return planRegister(framework, actions);
}

/** Register entries as the Register table's rows, in its column order. */
export function registerRows(entries: RegisterEntry[]): CellValue[][] {
  return rowsOf(entries, REGISTER_COLUMNS, 0);
}

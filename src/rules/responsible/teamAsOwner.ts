import type { ActionRule } from "../types";
import { str } from "../text/dates";
import { namesAPerson, ownerKey } from "./ownerNames";

/** Responsible: a team cannot be held to account; one officer in it can. */
export const teamAsOwner: ActionRule = {
  scope: "action",
  id: "team-as-owner",
  criterion: "Responsible",
  severity: "warning",
  title: "Team named as lead",
  hint: "Name the one officer who answers for the action; the team can be mentioned in the action text.",
  check: (a, _t, ctx) => {
    const owner = str(a.leadOfficer).trim();
    // Placeholders ("All staff") are placeholder-owner's to report.
    if (owner === "" || ctx.settings.nonPersonOwnerSet.has(ownerKey(owner))) return null;
    const team = ctx.settings.teamWord.exec(owner);
    // "Service Manager" is a job title (role-as-owner reports it); "Jane Smith (Housing Team)" names a person.
    if (!team || ctx.settings.roleWord.test(owner) || namesAPerson(owner, ctx.settings.roleWord, ctx.settings.teamWord)) return null;
    return { field: "leadOfficer", message: `"${owner}" is a group ("${team[0]}"), not one accountable officer.` };
  },
};

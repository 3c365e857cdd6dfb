import type { ActionRule } from "../types";
import { defineRule } from "../registry";

/** Responsible: a team cannot be held to account; one officer in it can. */
export const teamAsOwner = defineRule<ActionRule>({
  scope: "action",
  id: "team-as-owner",
  criterion: "Responsible",
  severity: "warning",
  title: "Team named as lead",
  hint: "Name the one officer who answers for the action; the team can be mentioned in the action text.",
  check: (_a, { owner }) => {
    // "Service Manager" is a job title (role-as-owner reports it); "Jane Smith (Housing Team)" names a person;
    // placeholders ("All staff") are placeholder-owner's to report.
    if (owner.teamWord === null || owner.roleWord !== null || owner.namesPerson || owner.placeholder) return null;
    return { field: "leadOfficer", message: `"${owner.text}" is a group ("${owner.teamWord}"), not one accountable officer.` };
  },
});

import type { ActionRule } from "../types";
import { str } from "../text/dates";
import { namesAPerson, ownerKey } from "./ownerNames";

/** Responsible: a job title outlives the person; Sefton asks for a named officer (councils that name roles switch this off with allowRoles). */
export const roleAsOwner: ActionRule = {
  scope: "action",
  id: "role-as-owner",
  criterion: "Responsible",
  severity: "warning",
  title: "Job title instead of a name",
  hint: "Add the officer's name, e.g. \"Jane Smith (Head of Housing)\", or set allowRoles in the framework if your council names roles.",
  check: (a, _t, ctx) => {
    if (ctx.settings.allowRoles) return null;
    const owner = str(a.leadOfficer).trim();
    // Placeholders ("All staff") are placeholder-owner's to report.
    if (owner === "" || ctx.settings.nonPersonOwnerSet.has(ownerKey(owner))) return null;
    const role = ctx.settings.roleWord.exec(owner);
    if (!role || namesAPerson(owner, ctx.settings.roleWord, ctx.settings.teamWord)) return null;
    return { field: "leadOfficer", message: `"${owner}" is a job title ("${role[0]}"), not a named officer.` };
  },
};

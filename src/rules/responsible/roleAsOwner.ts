import type { ActionRule } from "../types";
import { defineRule } from "../registry";

/** Responsible: a job title outlives the person; Sefton asks for a named officer (councils that name roles switch this off with allowRoles). */
export const roleAsOwner = defineRule<ActionRule>({
  scope: "action",
  id: "role-as-owner",
  criterion: "Responsible",
  severity: "warning",
  title: "Job title instead of a name",
  hint: "Add the officer's name, e.g. \"Jane Smith (Head of Housing)\", or set allowRoles in the framework if your council names roles.",
  check: (_a, { owner }, ctx) => {
    if (ctx.settings.allowRoles || owner.roleWord === null || owner.namesPerson || owner.placeholder) return null;
    return { field: "leadOfficer", message: `"${owner.text}" is a job title ("${owner.roleWord}"), not a named officer.` };
  },
});

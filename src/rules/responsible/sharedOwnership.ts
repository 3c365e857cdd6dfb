import type { ActionRule } from "../types";
import { defineRule } from "../registry";

/** Responsible: two names means each can assume the other has it. */
export const sharedOwnership = defineRule<ActionRule>({
  scope: "action",
  id: "shared-ownership",
  criterion: "Responsible",
  severity: "warning",
  title: "Several lead officers",
  hint: "Name one lead officer; mention partners or co-leads in the action text.",
  check: (_a, { owner }) =>
    owner.coOwners ? { field: "leadOfficer", message: `${owner.coOwners.length} officers are named (${owner.coOwners.join(", ")}); one should be accountable.` } : null,
});

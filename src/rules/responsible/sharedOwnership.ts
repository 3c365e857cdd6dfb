import type { ActionRule } from "../types";
import { str } from "../text/dates";
import { looksLikePersonName, ownerParts } from "./ownerNames";

/** Responsible: two names means each can assume the other has it. */
export const sharedOwnership: ActionRule = {
  scope: "action",
  id: "shared-ownership",
  criterion: "Responsible",
  severity: "warning",
  title: "Several lead officers",
  hint: "Name one lead officer; mention partners or co-leads in the action text.",
  check: (a) => {
    const owner = str(a.leadOfficer).trim();
    if (owner === "") return null;
    const parts = ownerParts(owner);
    if (parts.length < 2 || !parts.every(looksLikePersonName)) return null;
    return { field: "leadOfficer", message: `${parts.length} officers are named (${parts.join(", ")}); one should be accountable.` };
  },
};

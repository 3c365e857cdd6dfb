import type { ActionRule } from "../types";
import { defineRule } from "../registry";

/** Responsible: "TBC", "All", "Various" name nobody, so nobody is accountable. */
export const placeholderOwner = defineRule<ActionRule>({
  scope: "action",
  id: "placeholder-owner",
  criterion: "Responsible",
  severity: "error",
  title: "Placeholder lead officer",
  hint: "Replace it with the name of the one officer accountable; if the post is vacant, name who covers it.",
  check: (_a, { owner }) => (owner.placeholder ? { field: "leadOfficer", message: `"${owner.text}" does not name an accountable officer.` } : null),
});

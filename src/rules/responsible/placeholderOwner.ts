import type { OwnerRule } from "../types";
import { defineRule } from "../registry";

/** Responsible: "TBC", "All", "Various" name nobody, so nobody is accountable. */
defineRule<OwnerRule>({
  scope: "owner",
  id: "placeholder-owner",
  criterion: "Responsible",
  severity: "error",
  title: "Placeholder lead officer",
  hint: "Replace it with the one officer or post accountable; if the post is vacant, name who covers it.",
  check: (owner) => (owner.kind === "placeholder" ? `"${owner.text}" does not name an accountable officer.` : null),
});

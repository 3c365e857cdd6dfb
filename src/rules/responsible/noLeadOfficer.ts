import type { ActionRule } from "../types";
import { defineRule } from "../registry";

/** Responsible: Sefton asks every action to name an officer accountable for delivering it. */
defineRule<ActionRule>({
  scope: "action",
  id: "no-lead-officer",
  criterion: "Responsible",
  severity: "error",
  title: "No lead officer",
  hint: "Name one officer accountable for delivering the action.",
  check: (_a, { owner }) => (owner.text === "" ? { field: "leadOfficer", message: "No lead officer is named." } : null),
});

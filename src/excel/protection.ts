/// <reference types="office-js" />
// Lifting and restoring a sheet's protection around a write, the way real Excel allows it:
// - protect() gets explicit options, never the object loaded back from Excel, whose members can
//   be null and then make protect() fail after the data is written (office-js #1931);
// - unprotect() only on a protected sheet and protect() only on an unprotected one: both throw
//   AccessDenied otherwise (office-js #6784);
// - a sheet protected with a password is left alone: unprotect() without it fails, and protecting
//   it again without the password would drop the user's password. Excel on the web says so before
//   we start (isPasswordProtected, ExcelApiOnline 1.1); elsewhere the failed unprotect() tells us.
import type { ExcelStep } from "./designSteps";
import type { RequirementProbe } from "./requirements";

/** How Golden Thread protects a plan sheet: users may filter, sort and size rows and columns. */
export const PLAN_SHEET_PROTECTION: Excel.WorksheetProtectionOptions = { allowAutoFilter: true, allowSort: true, allowFormatColumns: true, allowFormatRows: true };

const BOOLEAN_OPTIONS = [
  "allowAutoFilter",
  "allowDeleteColumns",
  "allowDeleteRows",
  "allowEditObjects",
  "allowEditScenarios",
  "allowFormatCells",
  "allowFormatColumns",
  "allowFormatRows",
  "allowInsertColumns",
  "allowInsertHyperlinks",
  "allowInsertRows",
  "allowPivotTables",
  "allowSort",
] as const;

/**
 * The options to protect with again: each member the sheet had as a true/false, and ours for any
 * member Excel gave back as null or not at all, so nothing null reaches protect().
 */
export function explicitProtectionOptions(loaded: unknown): Excel.WorksheetProtectionOptions {
  const have = (typeof loaded === "object" && loaded !== null ? loaded : {}) as Record<string, unknown>;
  const out: Record<string, boolean> = {};
  for (const key of BOOLEAN_OPTIONS) {
    const value = have[key];
    out[key] = typeof value === "boolean" ? value : ((PLAN_SHEET_PROTECTION as Record<string, boolean | undefined>)[key] ?? false);
  }
  return out as Excel.WorksheetProtectionOptions;
}

/** What sync 1 of a write loads about a sheet's protection. */
export interface ProtectionRead {
  state: Excel.WorksheetProtection;
  /** Loaded only where the host has it (Excel on the web). */
  passwordKnown: boolean;
}

/** What to load of a sheet's protection: isPasswordProtected only where the host has it. */
export function protectionFields(probe: RequirementProbe | null): string {
  return passwordKnown(probe) ? "protected, options, isPasswordProtected" : "protected, options";
}

function passwordKnown(probe: RequirementProbe | null): boolean {
  return probe?.isSetSupported("ExcelApiOnline", "1.1") === true;
}

/** Pairs the (loading) protection with whether it will say if there is a password. */
export function protectionRead(state: Excel.WorksheetProtection, probe: RequirementProbe | null): ProtectionRead {
  return { state, passwordKnown: passwordKnown(probe) };
}

/** The sentence for a sheet protected with the user's password. */
export function passwordMessage(what: string, sheet: string): string {
  return `${what}: sheet "${sheet}" is protected with a password, and Golden Thread does not remove or replace a password. Unprotect it (Review > Unprotect Sheet), run the command again, then protect it again with your password. Nothing was changed.`;
}

/** True when sync 1 already knows the sheet has a password (Excel on the web). */
export function hasPassword(read: ProtectionRead): boolean {
  return read.passwordKnown && read.state.protected && read.state.isPasswordProtected === true;
}

/** Wraps the write steps: unprotect first and protect last with explicit options, when the sheet was protected. */
export function liftProtection(read: ProtectionRead, sheet: string, steps: ExcelStep[]): ExcelStep[] {
  if (!read.state.protected) return steps;
  const options = explicitProtectionOptions(read.state.options);
  return [
    { bytes: 32, queue: (ctx) => ctx.workbook.worksheets.getItem(sheet).protection.unprotect() },
    ...steps,
    { bytes: 256, queue: (ctx) => ctx.workbook.worksheets.getItem(sheet).protection.protect(options) },
  ];
}

function errorLocation(error: unknown): string {
  const info = (error as { debugInfo?: { errorLocation?: string } } | null)?.debugInfo;
  return String(info?.errorLocation ?? "");
}

/**
 * After a failed write: protects the sheet again if it was protected and the failure left it open,
 * before the error is reported. Returns the message to report when the failure was the user's
 * password, else null.
 */
export async function restoreProtection(context: Excel.RequestContext, read: ProtectionRead, sheet: string, what: string, error: unknown): Promise<string | null> {
  if (!read.state.protected) return null;
  const now = context.workbook.worksheets.getItem(sheet).protection.load("protected");
  await context.sync().catch(() => undefined);
  let open = false;
  try {
    open = !now.protected;
  } catch {
    open = false;
  }
  if (open) {
    context.workbook.worksheets.getItem(sheet).protection.protect(explicitProtectionOptions(read.state.options));
    await context.sync().catch(() => undefined);
    return null;
  }
  return /unprotect/i.test(errorLocation(error)) ? passwordMessage(what, sheet) : null;
}

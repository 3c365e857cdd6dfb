// Which ExcelApi requirement set Golden Thread needs, and a plain message when the host lacks it.
// 1.9 is the floor because of what apply() uses: PageLayout (orientation, paper, fit to width,
// print titles) arrived in 1.9; runtime.enableEvents and data validation in 1.8; freezePanes,
// NamedItem.formula and visibility in 1.7; suspendApiCalculationUntilNextSync and conditional
// formats in 1.6; getUsedRangeOrNullObject and names.add in 1.4. Hosts with 1.9 (Microsoft's
// requirement-set page): Microsoft 365 on Windows and Mac (16.24+), Excel 2021 and 2024, the web;
// Excel 2016 and the one-time-purchase (volume-licensed) Excel 2019 stop at 1.2 and 1.8.

const REQUIRED_EXCEL_API = "1.9";

/** Highest ExcelApi minor version we probe for; raise it as hosts move on. */
const HIGHEST_PROBED_MINOR = 20;

/** The part of Office.context.requirements we call (Office's own type, narrowed so tests can fake it). */
export interface RequirementProbe {
  isSetSupported(name: string, minVersion?: string): boolean;
}

export interface RequirementCheck {
  ok: boolean;
  /** Highest "1.x" the host reports, or null when it reports none (e.g. Excel 2013). */
  highestSupported: string | null;
  /** For the user when !ok; empty when ok. */
  message: string;
}

/** The highest ExcelApi 1.x the host supports (each set includes all below it). */
export function highestExcelApi(probe: RequirementProbe): string | null {
  let highest: string | null = null;
  for (let minor = 1; minor <= HIGHEST_PROBED_MINOR; minor++) {
    if (!probe.isSetSupported("ExcelApi", `1.${minor}`)) break;
    highest = `1.${minor}`;
  }
  return highest;
}

export function checkExcelRequirements(probe: RequirementProbe): RequirementCheck {
  const highest = highestExcelApi(probe);
  if (probe.isSetSupported("ExcelApi", REQUIRED_EXCEL_API)) return { ok: true, highestSupported: highest, message: "" };
  const has = highest ? `This copy of Excel supports up to ExcelApi ${highest}.` : "This copy of Excel does not report any ExcelApi support.";
  return {
    ok: false,
    highestSupported: highest,
    message: `Golden Thread needs ExcelApi ${REQUIRED_EXCEL_API}: Microsoft 365 on Windows, Excel for Mac 16.24 or later, Excel 2021 or 2024, or Excel on the web. Excel 2016 and Excel 2019 do not have it. ${has}`,
  };
}

/** Thrown by the adapter before it touches the workbook on a host that is too old. */
export class ExcelVersionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ExcelVersionError";
  }
}

/** Throws ExcelVersionError with the plain message when the host lacks ExcelApi 1.9. */
export function requireExcelApi(probe: RequirementProbe): void {
  const check = checkExcelRequirements(probe);
  if (!check.ok) throw new ExcelVersionError(check.message);
}

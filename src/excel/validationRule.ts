/// <reference types="office-js" />
// A port Validation as office.js data validation: the rule, the input message (what good looks
// like) and the error alert. Dates accept any real date; numbers use the bounds given.
import type { Validation } from "../workbook/port";

export interface DataValidationParts {
  rule?: Excel.DataValidationRule;
  prompt?: Excel.DataValidationPrompt;
  errorAlert?: Excel.DataValidationErrorAlert;
}

/** The port's error styles as office.js names them (Excel.DataValidationAlertStyle). */
const ALERT_STYLE = { stop: "Stop", warning: "Warning", information: "Information" } as const;

/** Excel's largest and smallest usable numbers, for "any number" rules. */
const ANY = 9.99e307;

function numberRule(v: { min?: number; max?: number }): Excel.BasicDataValidation {
  if (v.min !== undefined && v.max !== undefined) return { operator: "Between", formula1: v.min, formula2: v.max };
  if (v.min !== undefined) return { operator: "GreaterThanOrEqualTo", formula1: v.min };
  if (v.max !== undefined) return { operator: "LessThanOrEqualTo", formula1: v.max };
  return { operator: "Between", formula1: -ANY, formula2: ANY };
}

export function dataValidationParts(validation: Validation | undefined, cellPrompt: string | undefined): DataValidationParts | null {
  const parts: DataValidationParts = {};
  if (validation) {
    switch (validation.type) {
      case "list":
        parts.rule = { list: { inCellDropDown: true, source: validation.source } };
        break;
      case "decimal":
        parts.rule = { decimal: numberRule(validation) };
        break;
      case "whole":
        parts.rule = { wholeNumber: numberRule(validation) };
        break;
      case "date":
        parts.rule = { date: { operator: "Between", formula1: "1900-01-01", formula2: "9999-12-31" } };
        break;
    }
    if (validation.error) parts.errorAlert = { showAlert: true, style: ALERT_STYLE[validation.errorStyle ?? "stop"], title: "Golden Thread", message: validation.error };
  }
  const message = validation?.prompt ?? cellPrompt;
  if (message) parts.prompt = { showPrompt: true, title: validation?.promptTitle ?? "", message };
  return parts.rule || parts.prompt || parts.errorAlert ? parts : null;
}

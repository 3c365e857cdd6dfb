// The ribbon's function file: "Check plan", "Refresh statuses" and "Record the quarter" run without the pane and report
// through a notice dialog. The command completes as soon as the notice is showing (or could not
// be shown), not when the user closes it: Office may end a command that runs too long.
import { ExcelWorkbook } from "../excel/adapter";
import { createPaneServices } from "../taskpane/services";
import { showNotice } from "./notify";
import { checkPlanCommand, failureNotice, Notice, recordQuarterCommand, refreshStatusesCommand } from "./ribbon";

function command(name: string, work: (services: ReturnType<typeof createPaneServices>) => Promise<Notice>) {
  return async (event: Office.AddinCommands.Event): Promise<void> => {
    try {
      let notice: Notice;
      try {
        notice = await work(createPaneServices(new ExcelWorkbook()));
      } catch (e) {
        notice = failureNotice(name, e);
      }
      await showNotice(notice);
    } finally {
      event.completed();
    }
  };
}

void Office.onReady(() => {
  Office.actions.associate("checkPlan", command("Check plan", checkPlanCommand));
  Office.actions.associate("refreshStatuses", command("Refresh statuses", refreshStatusesCommand));
  Office.actions.associate("recordQuarter", command("Record the quarter", recordQuarterCommand));
});

// The ribbon's function file: "Check plan" and "Refresh statuses" run without the pane and report
// through a notice dialog. Office calls event.completed() only after the notice closes.
import { ExcelWorkbook } from "../excel/adapter";
import { createPaneServices } from "../taskpane/services";
import { notify } from "./notify";
import { checkPlanCommand, failureNotice, Notice, refreshStatusesCommand } from "./ribbon";

function command(name: string, work: (services: ReturnType<typeof createPaneServices>) => Promise<Notice>) {
  return async (event: Office.AddinCommands.Event): Promise<void> => {
    try {
      const services = createPaneServices(new ExcelWorkbook());
      await notify(await work(services));
    } catch (e) {
      await notify(failureNotice(name, e));
    } finally {
      event.completed();
    }
  };
}

void Office.onReady(() => {
  Office.actions.associate("checkPlan", command("Check plan", checkPlanCommand));
  Office.actions.associate("refreshStatuses", command("Refresh statuses", refreshStatusesCommand));
});

// Home: what this workbook is, and the next sensible step for it.
import * as React from "react";
import { Button, Spinner } from "@fluentui/react-components";
import type { PaneServices, WorkbookSummary } from "../paneModel";
import { AddRowsForm } from "./AddRowsForm";
import { ErrorNote } from "./ErrorNote";
import { useTask } from "./useTask";
import type { ViewId } from "./views";

interface Props {
  services: Pick<PaneServices, "detect" | "addRows">;
  onNavigate(view: ViewId): void;
  /** Told what the workbook is each time Home looks, so the pane offers only what applies. */
  onSummary?(summary: WorkbookSummary): void;
}

function describe(s: WorkbookSummary): string {
  if (s.kind === "empty") return "This workbook is empty.";
  if (s.kind === "loose") return "This workbook holds a plan that is not yet in the Golden Thread format.";
  const tier = s.tier ? `${s.tier} plan` : "plan";
  const which = s.planId ? ` (${s.planId}${s.planYear ? `, ${s.planYear}` : ""})` : "";
  return `This is a structured ${tier}${which}.`;
}

export function HomeView({ services, onNavigate, onSummary }: Props): React.JSX.Element {
  const task = useTask();
  const [summary, setSummary] = React.useState<WorkbookSummary | null>(null);
  const look = React.useCallback(
    () =>
      task.run(async () => {
        const found = await services.detect();
        setSummary(found);
        onSummary?.(found);
      }),
    [services, task.run, onSummary],
  );
  React.useEffect(() => {
    void look();
  }, [look]);

  return (
    <section aria-labelledby="home-heading">
      <h2 id="home-heading">Home</h2>
      {task.busy && <Spinner size="tiny" label="Looking at this workbook…" />}
      <ErrorNote error={task.error} />
      {summary && (
        <>
          <p data-testid="workbook-kind">{describe(summary)}</p>
          {summary.reportingPeriod && <p>Reporting period: {summary.reportingPeriod}.</p>}
          {summary.problems.length > 0 && (
            <>
              <h3>To put right</h3>
              <ul>
                {summary.problems.map((p) => (
                  <li key={p}>{p}</li>
                ))}
              </ul>
            </>
          )}
          <h3>Next step</h3>
          <div style={{ display: "flex", flexWrap: "wrap", gap: 8 }}>
            {summary.kind === "empty" && (
              <Button appearance="primary" onClick={() => onNavigate("create")}>
                Create a plan
              </Button>
            )}
            {summary.kind === "empty" && <Button onClick={() => onNavigate("convert")}>Convert a plan pasted here</Button>}
            {summary.kind === "loose" && (
              <Button appearance="primary" onClick={() => onNavigate("convert")}>
                Convert this plan
              </Button>
            )}
            {summary.kind === "plan" && (
              <>
                <Button appearance="primary" onClick={() => onNavigate("check")}>
                  Check plan
                </Button>
                <Button onClick={() => onNavigate("status")}>See statuses</Button>
                <Button onClick={() => onNavigate("year")}>Quarterly update</Button>
                <Button onClick={() => onNavigate("qsr")}>Prepare the quarterly return</Button>
              </>
            )}
            <Button appearance="subtle" onClick={() => void look()}>
              Look again
            </Button>
          </div>
          {summary.kind === "plan" && <AddRowsForm services={services} />}
        </>
      )}
    </section>
  );
}

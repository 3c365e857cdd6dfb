// Check: run the SMART and golden-thread checks, see findings grouped by criterion and severity,
// go to a finding's cell, fix it, check again.
import * as React from "react";
import { Button, Link, Spinner } from "@fluentui/react-components";
import type { CheckResult, FindingView, PaneServices, Severity } from "../paneModel";
import { ErrorNote } from "./ErrorNote";
import { StatusBadge } from "./StatusBadge";
import { useTask } from "./useTask";

interface Props {
  services: Pick<PaneServices, "runCheck" | "selectCell">;
}

const SEVERITIES: Severity[] = ["error", "warning", "info"];
const SEVERITY_WORDS: Record<Severity, string> = { error: "Error", warning: "Warning", info: "Info" };

/**
 * What a finding is about, in the plan's own words: "Action DSP-02: Action text", "Measure SM15:
 * Annual target", or "Action DSP-02" when it is about the whole row.
 */
export function aboutWhat(f: Pick<FindingView, "sheet" | "actionId" | "field">): string {
  const kind = f.sheet === "Actions" ? "Action" : f.sheet === "Measures" ? "Measure" : f.sheet;
  const item = f.actionId ? `${kind} ${f.actionId}` : kind;
  if (!f.field) return item;
  // The Actions sheet's "Action" column holds the action's text: "Action DSP-02: Action" would say nothing.
  return `${item}: ${f.field === kind ? `${kind} text` : f.field}`;
}

/** Findings grouped by criterion (in first-seen order), then by severity, errors first. */
export function groupFindings(findings: FindingView[]): { criterion: string; bySeverity: { severity: Severity; findings: FindingView[] }[]; total: number }[] {
  const criteria = [...new Set(findings.map((f) => f.criterion))];
  return criteria.map((criterion) => {
    const mine = findings.filter((f) => f.criterion === criterion);
    return {
      criterion,
      total: mine.length,
      bySeverity: SEVERITIES.map((severity) => ({ severity, findings: mine.filter((f) => f.severity === severity) })).filter((g) => g.findings.length > 0),
    };
  });
}

export function CheckView({ services }: Props): React.JSX.Element {
  const task = useTask();
  const [result, setResult] = React.useState<CheckResult | null>(null);
  const [selected, setSelected] = React.useState<string | null>(null);
  const [selectError, setSelectError] = React.useState<string | null>(null);
  const check = () => task.run(async () => setResult(await services.runCheck()));

  const goTo = async (f: FindingView) => {
    setSelectError(null);
    try {
      await services.selectCell(f.sheet, f.cell);
      setSelected(`${f.sheet}!${f.cell}`);
    } catch (e) {
      setSelectError(e instanceof Error ? e.message : String(e));
    }
  };

  const totals = result ? SEVERITIES.map((s) => ({ s, n: result.findings.filter((f) => f.severity === s).length })) : [];
  return (
    <section aria-labelledby="check-heading">
      <h2 id="check-heading">Check plan</h2>
      <Button appearance="primary" onClick={() => void check()} disabled={task.busy}>
        {result ? "Check again" : "Run the checks"}
      </Button>
      {task.busy && <Spinner size="tiny" label="Checking…" />}
      <ErrorNote error={task.error ?? selectError} />
      {result && (
        <>
          <p role="status" data-testid="check-summary">
            {result.findings.length === 0
              ? `No findings: all ${result.checkedActions} actions pass the checks.`
              : `${result.findings.length} findings on ${result.checkedActions} actions: ` +
                totals.map((t) => `${t.n} ${SEVERITY_WORDS[t.s].toLowerCase()}${t.n === 1 || t.s === "info" ? "" : "s"}`).join(", ") +
                "."}
          </p>
          {selected && <p aria-live="polite">Selected {selected} in the sheet.</p>}
          {groupFindings(result.findings).map((group) => (
            <section key={group.criterion} aria-label={`${group.criterion}: ${group.total} findings`}>
              <h3>
                {group.criterion} ({group.total})
              </h3>
              {group.bySeverity.map(({ severity, findings }) => (
                <div key={severity}>
                  <h4>
                    <StatusBadge label={SEVERITY_WORDS[severity]} count={findings.length} />
                  </h4>
                  <ul style={{ paddingLeft: 16 }}>
                    {findings.map((f, i) => (
                      <li key={`${f.ruleId}|${f.sheet}|${f.cell}|${i}`} style={{ marginBottom: 6 }}>
                        {/* Labelled by what it is about (the action or measure), with its cell as a link. */}
                        <strong>{aboutWhat(f)}</strong>{" "}
                        <Link as="button" onClick={() => void goTo(f)} aria-label={`Go to ${f.sheet}!${f.cell}: ${f.message}`} data-finding={`${f.sheet}!${f.cell}`}>
                          {f.sheet}!{f.cell}
                        </Link>
                        <div>{f.message}</div>
                        {f.hint && <div style={{ fontStyle: "italic" }}>{f.hint}</div>}
                      </li>
                    ))}
                  </ul>
                </div>
              ))}
            </section>
          ))}
        </>
      )}
    </section>
  );
}

// Year: the plan's yearly cycle (Sefton's annual cycle). Sign off once targets are agreed; record
// each quarter into the Updates history (asking before a period recorded before is replaced); make
// next year's plan as a new workbook (this one is only read), or first see what it would carry.
import * as React from "react";
import { Button, Field, Input, Select, Spinner } from "@fluentui/react-components";
import type { ExportedFile, YearServices } from "../paneModel";
import { openAsNewWorkbook } from "../download";
import type { RecordQuarterResult } from "../../app/recordQuarter";
import type { RollForwardSummary } from "../../cycle/rollForward";
import { ErrorNote } from "./ErrorNote";
import { useTask } from "./useTask";

interface Props {
  services: { year?: YearServices };
  today?: () => Date;
  /** How next year's plan reaches the user: a new workbook where Excel can open one, else a download. */
  open?: (file: ExportedFile) => Promise<string>;
}

type YearState = Awaited<ReturnType<YearServices["yearState"]>>;

const uk = (iso: string) => iso.split("-").reverse().join("/");
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** dd/mm/yyyy -> yyyy-mm-dd, or null. */
function isoOf(text: string): string | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  return m ? `${m[3]}-${m[2].padStart(2, "0")}-${m[1].padStart(2, "0")}` : null;
}

function nextYear(planYear: string): string {
  const start = Number(planYear.slice(0, 4)) + 1;
  return Number.isFinite(start) ? `${start}/${String((start + 1) % 100).padStart(2, "0")}` : "";
}

export function YearView({ services, today = () => new Date(), open = openAsNewWorkbook }: Props): React.JSX.Element {
  const year = services.year;
  const task = useTask();
  const [state, setState] = React.useState<YearState | null>(null);
  const [by, setBy] = React.useState("");
  const [role, setRole] = React.useState("");
  const [on, setOn] = React.useState(() => uk(today().toISOString().slice(0, 10)));
  const [signedNote, setSignedNote] = React.useState<{ frozen: number; recordLine: string } | null>(null);
  const [period, setPeriod] = React.useState("");
  const [who, setWho] = React.useState("");
  const [asking, setAsking] = React.useState<RecordQuarterResult | null>(null);
  const [recorded, setRecorded] = React.useState<string | null>(null);
  const [preview, setPreview] = React.useState<RollForwardSummary | null>(null);
  const [made, setMade] = React.useState<string | null>(null);

  const refresh = React.useCallback(async () => {
    if (!year) return;
    const s = await year.yearState();
    setState(s);
    setPeriod((p) => p || `${s.planYear} Q1`);
  }, [year]);
  React.useEffect(() => void task.run(refresh), [refresh, task.run]);

  if (!year) return <p>The planning year is not available here.</p>;
  const quarters = state ? [1, 2, 3, 4].map((q) => `${state.planYear} Q${q}`) : [];

  const signOff = () =>
    task.run(async () => {
      const date = isoOf(on);
      if (!date) throw new Error(`Date signed off: "${on}" is not a date; type it as dd/mm/yyyy.`);
      const r = await year.signOff({ by, role, on: date });
      setSignedNote(r);
      await refresh();
    });

  const record = (replace: boolean) =>
    task.run(async () => {
      const r = await year.recordQuarter({ period, by: who, replace });
      if (r.needsConfirmation) return setAsking(r);
      setAsking(null);
      const lines = [`${r.period}: ${plural(r.added, "row")} recorded${r.replaced ? ` (replacing ${r.replaced})` : ""}; ${plural(r.kept, "row")} of other periods kept.`];
      if (r.missingColumns.length) lines.push(`This plan's Updates table has no ${r.missingColumns.join(", ")} column: those values are not recorded.`);
      setRecorded([...lines, ...r.notes].join(" "));
      await refresh();
    });

  const makeNextYear = () =>
    task.run(async () => {
      setMade(null);
      const { file, summary } = await year.rollForward(nextYear(state!.planYear));
      setPreview(summary);
      setMade(`${await open(file)} This workbook is not changed.`);
    });

  return (
    <section aria-labelledby="year-heading">
      <h2 id="year-heading">The planning year{state ? ` ${state.planYear}` : ""}</h2>
      {task.busy && <Spinner size="tiny" label="Working…" />}
      <ErrorNote error={task.error} />

      <h3>Sign off</h3>
      {state?.signedOff ? (
        <p role="status">
          Signed off by {state.signedOff.by} ({state.signedOff.role}) on {uk(state.signedOff.on)}. Targets, trajectories, tolerances, definitions and approved due dates are frozen: a change needs an
          agreed change on the Agreed changes sheet.
        </p>
      ) : (
        <>
          <p>Freezes each measure's targets, trajectory, tolerances and definition, and each action's approved due date and measure of success.</p>
          <Field label="Signed off by" required>
            <Input value={by} onChange={(_, d) => setBy(d.value)} />
          </Field>
          <Field label="Role" required hint="e.g. Executive Director of Adult Social Care">
            <Input value={role} onChange={(_, d) => setRole(d.value)} />
          </Field>
          <Field label="Date signed off" hint="dd/mm/yyyy">
            <Input value={on} onChange={(_, d) => setOn(d.value)} />
          </Field>
          <Button appearance="primary" disabled={task.busy || !by.trim() || !role.trim()} onClick={() => void signOff()}>
            Sign off this plan
          </Button>
        </>
      )}
      {signedNote && (
        <p role="status">
          Signed off: {plural(signedNote.frozen, "value")} frozen. Send this line to the BI team: {/* The fingerprint is one long word: broken anywhere so it stays inside a 320 px pane. */}
          <code style={{ wordBreak: "break-all" }}>{signedNote.recordLine}</code>
        </p>
      )}

      <h3>Record the quarter</h3>
      <p>Adds each action's status, % complete, RAG and narrative and each measure's actual, target, RAG and direction to the Updates sheet. Nothing else in the plan changes.</p>
      <Field label="Quarter">
        <Select value={period} onChange={(_, d) => (setPeriod(d.value), setAsking(null))}>
          {quarters.map((q) => (
            <option key={q} value={q}>
              {q}
              {state?.recorded.includes(q) ? " (recorded)" : ""}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Recorded by" required>
        <Input value={who} onChange={(_, d) => setWho(d.value)} />
      </Field>
      {asking ? (
        <div role="alertdialog" aria-label="Replace this quarter?">
          <p>{asking.period} is already recorded. Replace its rows with the plan as it stands now? Other quarters are kept.</p>
          <Button appearance="primary" onClick={() => void record(true)}>
            Replace {asking.period}
          </Button>{" "}
          <Button onClick={() => setAsking(null)}>Keep it</Button>
        </div>
      ) : (
        <Button appearance="primary" disabled={task.busy || !who.trim() || !period} onClick={() => void record(false)}>
          Record {period}
        </Button>
      )}
      {recorded && <p role="status">{recorded}</p>}

      <h3>Next year's plan</h3>
      <p>
        A new plan for {state ? nextYear(state.planYear) : "next year"}: actions not delivered or stopped carry forward with their original due date, measures take this year's outturn as their
        baseline with targets blank for agreement. This workbook is only read.
      </p>
      <div style={{ display: "flex", gap: 8, flexWrap: "wrap" }}>
        <Button appearance="primary" disabled={task.busy || !state} onClick={() => void makeNextYear()}>
          Make next year's plan
        </Button>
        <Button disabled={task.busy || !state} onClick={() => void task.run(async () => setPreview(await year.previewRollForward(nextYear(state!.planYear))))}>
          Preview roll forward
        </Button>
      </div>
      {made && <p role="status">{made}</p>}
      {preview && (
        <ul aria-label="Roll forward">
          <li>Carried forward, original due date kept: {preview.carriedForward.map((a) => a.id).join(", ") || "none"}</li>
          <li>Delivered, listed not copied: {preview.delivered.map((a) => a.id).join(", ") || "none"}</li>
          <li>No longer viable, listed not copied: {preview.noLongerViable.map((a) => a.id).join(", ") || "none"}</li>
          <li>{plural(preview.measures.length, "measure")} with this year's outturn as baseline and targets blank for agreement</li>
        </ul>
      )}
    </section>
  );
}

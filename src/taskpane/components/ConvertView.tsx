// Convert a loose plan: review the proposed column mapping with a preview, correct it, review the
// dates that could not be read, then convert, keeping everything unmatched in "Unmapped".
import * as React from "react";
import { Button, Field, ProgressBar, Select, Spinner, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow } from "@fluentui/react-components";
import { TIERS } from "../../model/plan";
import type { CellValue } from "../../workbook/port";
import type { ConversionProposal, ConversionResult, PaneServices, ProposedTable } from "../paneModel";
import { ErrorNote } from "./ErrorNote";
import { useTask } from "./useTask";
import type { ViewId } from "./views";

interface Props {
  services: Pick<PaneServices, "proposeConversion" | "convert" | "selectCell">;
  onNavigate(view: ViewId): void;
}

const KEEP = "";

export function confidenceWords(c: number): string {
  return c >= 0.85 ? "sure" : c >= 0.6 ? "likely" : c > 0 ? "a guess" : "no match";
}

function show(v: CellValue): string {
  return v === null ? "" : String(v);
}

function TableMapping({ table, proposal, onChange }: { table: ProposedTable; proposal: ConversionProposal; onChange(next: ProposedTable): void }): React.JSX.Element {
  const fields = table.target === "unmapped" ? [] : proposal.fields[table.target];
  const headingId = `map-${table.key.replace(/[^A-Za-z0-9]/g, "-")}`;
  return (
    <section aria-labelledby={headingId} style={{ marginBottom: 16 }}>
      <h3 id={headingId}>
        {table.sheet} (header row {table.headerRow}, {table.rowCount} rows)
      </h3>
      <Field label={`What the rows of ${table.sheet} are`}>
        <Select value={table.target} onChange={(_, d) => onChange({ ...table, target: d.value as ProposedTable["target"] })}>
          <option value="actions">Actions</option>
          <option value="measures">Measures (KPIs)</option>
          <option value="unmapped">Keep as it is in Unmapped</option>
        </Select>
      </Field>
      {table.target !== "unmapped" && (
        <Table size="small" aria-label={`Column mapping for ${table.sheet}`} style={{ tableLayout: "auto" }}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell>Column in the sheet</TableHeaderCell>
              <TableHeaderCell>Becomes</TableHeaderCell>
              <TableHeaderCell>Match</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {table.columns.map((col) => (
              <TableRow key={col.index}>
                <TableCell style={{ overflowWrap: "anywhere" }}>
                  <strong>{col.header || `(column ${col.index + 1})`}</strong>
                </TableCell>
                <TableCell>
                  <Select
                    size="small"
                    root={{ style: { minWidth: 0, maxWidth: "100%" } }}
                    aria-label={`${table.sheet} column ${col.header || col.index + 1} becomes`}
                    value={col.field ?? KEEP}
                    onChange={(_, d) =>
                      onChange({
                        ...table,
                        columns: table.columns.map((c) => (c.index === col.index ? { ...c, field: d.value === KEEP ? null : d.value, confidence: 1 } : c)),
                      })
                    }
                  >
                    <option value={KEEP}>Keep in Unmapped</option>
                    {fields.map((f) => (
                      <option key={f.key} value={f.key}>
                        {f.header}
                      </option>
                    ))}
                  </Select>
                </TableCell>
                <TableCell>{col.field ? confidenceWords(col.confidence) : "kept"}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {table.preview.length > 0 && (
        <div style={{ overflowX: "auto" }} tabIndex={0} role="region" aria-label={`Preview of ${table.sheet}`}>
          <table className="gt-preview">
            <caption>First rows of {table.sheet}</caption>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c.index} scope="col">
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.preview.map((row, i) => (
                <tr key={i}>
                  {table.columns.map((c) => (
                    <td key={c.index}>{show(row[c.index] ?? null)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function ConvertView({ services, onNavigate }: Props): React.JSX.Element {
  const task = useTask();
  const [proposal, setProposal] = React.useState<ConversionProposal | null>(null);
  const [progress, setProgress] = React.useState<{ done: number; total: number; step: string } | null>(null);
  const [result, setResult] = React.useState<ConversionResult | null>(null);

  const propose = () =>
    task.run(async () => {
      setResult(null);
      setProposal(await services.proposeConversion());
    });
  const convert = () =>
    task.run(async () => {
      if (!proposal) return;
      setProgress({ done: 0, total: 1, step: "Starting" });
      try {
        setResult(await services.convert(proposal, (done, total, step) => setProgress({ done, total, step })));
      } finally {
        setProgress(null);
      }
    });

  return (
    <section aria-labelledby="convert-heading">
      <h2 id="convert-heading">Convert a loose plan</h2>
      <p>
        Golden Thread reads the sheets of this workbook and proposes which columns become which plan fields. Nothing is lost: columns it cannot place are kept in the Unmapped sheet, and your sheets
        are never replaced (one named like a plan sheet, such as Actions, is refused until you rename it).
      </p>
      <Button appearance={proposal ? "secondary" : "primary"} onClick={() => void propose()} disabled={task.busy}>
        {proposal ? "Read the workbook again" : "Read this workbook"}
      </Button>
      {task.busy && !progress && <Spinner size="tiny" label="Reading…" />}
      <ErrorNote error={task.error} />
      {proposal && !result && (
        <>
          <Field label="Tier of this plan" hint="Links to the parent plan are judged by it.">
            <Select value={proposal.tier} onChange={(_, d) => setProposal({ ...proposal, tier: d.value })}>
              {TIERS.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </Select>
          </Field>
          {proposal.tables.length === 0 && <p>No table of actions or measures was found in this workbook.</p>}
          {proposal.tables.map((t) => (
            <TableMapping key={t.key} table={t} proposal={proposal} onChange={(next) => setProposal({ ...proposal, tables: proposal.tables.map((x) => (x.key === next.key ? next : x)) })} />
          ))}
          <section aria-labelledby="dates-heading">
            <h3 id="dates-heading">Dates that could not be read ({proposal.unparsedDates.length})</h3>
            {proposal.unparsedDates.length === 0 ? (
              <p>Every date was read.</p>
            ) : (
              <>
                <p>These are kept as written in &quot;Timescale as written&quot;. Correct them in the sheet to dd/mm/yyyy and read the workbook again, or convert and fix them later.</p>
                <ul>
                  {proposal.unparsedDates.map((d) => (
                    <li key={`${d.sheet}!${d.cell}`}>
                      <Button size="small" appearance="subtle" onClick={() => void services.selectCell(d.sheet, d.cell)}>
                        {d.sheet}!{d.cell}
                      </Button>{" "}
                      {d.field}: &quot;{d.text}&quot;
                    </li>
                  ))}
                </ul>
              </>
            )}
          </section>
          <Button appearance="primary" onClick={() => void convert()} disabled={task.busy}>
            Convert
          </Button>
        </>
      )}
      {progress && (
        <Field label={`Converting: ${progress.step}`} validationMessage={`${progress.done} of ${progress.total}`} validationState="none">
          <ProgressBar value={progress.total ? progress.done / progress.total : undefined} />
        </Field>
      )}
      {result && (
        <div role="status">
          <h3>Converted</h3>
          <p>
            {result.actions} actions and {result.measures} measures are now in the plan.
          </p>
          <h4>Kept in Unmapped</h4>
          {result.unmapped.length === 0 ? (
            <p>Nothing: every column found a place.</p>
          ) : (
            <ul>
              {result.unmapped.map((u) => (
                <li key={`${u.sheet}|${u.header}`}>
                  {u.sheet}: {u.header} ({u.cells} cells)
                </li>
              ))}
            </ul>
          )}
          {result.notes.length > 0 && (
            <ul>
              {result.notes.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          )}
          <Button appearance="primary" onClick={() => onNavigate("check")}>
            Check plan
          </Button>
        </div>
      )}
    </section>
  );
}

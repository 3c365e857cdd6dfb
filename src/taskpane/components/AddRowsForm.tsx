// "Add rows": Excel cannot grow a table on a protected sheet, so the pane adds blank rows for the
// Service Manager (formulas, dropdowns and protection kept) instead of asking them to unprotect.
import * as React from "react";
import { Button, Field, Input, Select, Spinner } from "@fluentui/react-components";
import type { PaneServices } from "../paneModel";
import { ADD_ROWS_MAX } from "../../workbook/addRows";
import { ErrorNote } from "./ErrorNote";
import { useTask } from "./useTask";

type PlanTable = "Actions" | "Measures";

interface Props {
  services: Pick<PaneServices, "addRows">;
}

export function AddRowsForm({ services }: Props): React.JSX.Element {
  const task = useTask();
  const [table, setTable] = React.useState<PlanTable>("Actions");
  const [count, setCount] = React.useState("5");
  const [done, setDone] = React.useState<string | null>(null);
  const rows = Number(count);
  const valid = Number.isInteger(rows) && rows >= 1 && rows <= ADD_ROWS_MAX;

  const add = async (event: React.FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    setDone(null);
    const added = await task.run(async () => {
      await services.addRows(table, rows);
      return true;
    });
    if (added) setDone(`Added ${rows} blank ${rows === 1 ? "row" : "rows"} at the end of the ${table} table.`);
  };

  return (
    <form aria-labelledby="add-rows-heading" onSubmit={(e) => void add(e)}>
      <h3 id="add-rows-heading">Add rows</h3>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 8, alignItems: "end" }}>
        <Field label="Table">
          <Select value={table} onChange={(_e, d) => setTable(d.value as PlanTable)}>
            <option value="Actions">Actions</option>
            <option value="Measures">Measures</option>
          </Select>
        </Field>
        <Field label="Number of rows" validationMessage={valid ? undefined : `A whole number from 1 to ${ADD_ROWS_MAX}`}>
          <Input type="number" min={1} max={ADD_ROWS_MAX} value={count} onChange={(_e, d) => setCount(d.value)} />
        </Field>
        <Button type="submit" disabled={!valid || task.busy}>
          Add rows
        </Button>
      </div>
      {task.busy && <Spinner size="tiny" label="Adding rows…" />}
      <ErrorNote error={task.error} />
      {done && <p role="status">{done}</p>}
    </form>
  );
}

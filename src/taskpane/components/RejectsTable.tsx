// The returns a roll-up or report could not take, and where: the same rows as the roll-up's Rejects sheet.
import * as React from "react";
import type { ReturnReject } from "../paneModel";

export function RejectsTable({ rejects }: { rejects: readonly ReturnReject[] }): React.JSX.Element | null {
  if (rejects.length === 0) return null;
  return (
    <table aria-label="Rejected returns">
      <thead>
        <tr>
          <th scope="col">File</th>
          <th scope="col">Sheet</th>
          <th scope="col">Cell</th>
          <th scope="col">Reason</th>
        </tr>
      </thead>
      <tbody>
        {rejects.map((r, i) => (
          <tr key={`${r.file}|${r.sheet}|${r.cell}|${i}`}>
            <td>{r.file}</td>
            <td>{r.sheet}</td>
            <td>{r.cell}</td>
            <td>{r.reason}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

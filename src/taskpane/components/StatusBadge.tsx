// A status in words and colour together, so nobody has to tell red from green.
import * as React from "react";
import { statusColour } from "../statusColours";

export function StatusBadge({ label, count }: { label: string; count?: number }): React.JSX.Element {
  const colour = statusColour(label);
  return (
    <span className="gt-status" style={{ background: colour.background, color: colour.foreground, borderRadius: 4, padding: "1px 6px", fontWeight: 600, whiteSpace: "nowrap" }}>
      {label}
      {count === undefined ? null : `: ${count}`}
    </span>
  );
}

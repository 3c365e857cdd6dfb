// A small bar chart people read at a glance: each bar carries its label and count as text.
import * as React from "react";
import { makeStyles, tokens } from "@fluentui/react-components";
import type { Counts } from "../paneModel";
import { statusColour } from "../statusColours";

const useStyles = makeStyles({
  row: { display: "grid", gridTemplateColumns: "9.5em 1fr 2.5em", alignItems: "center", columnGap: "6px", marginBottom: "4px" },
  label: { fontSize: tokens.fontSizeBase200 },
  track: { height: "14px", background: tokens.colorNeutralBackground3, borderRadius: "3px" },
  count: { textAlign: "right", fontWeight: tokens.fontWeightSemibold },
});

export function CountsChart({ title, counts }: { title: string; counts: Counts }): React.JSX.Element {
  const styles = useStyles();
  const max = Math.max(1, ...counts.map((c) => c.count));
  const summary = counts.map((c) => `${c.label} ${c.count}`).join(", ");
  const headingId = React.useId();
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      {counts.length === 0 ? (
        <p>Nothing to count.</p>
      ) : (
        <ul aria-label={`${title}: ${summary}`} style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {counts.map((c) => {
            const colour = statusColour(c.label);
            return (
              <li key={c.label} className={styles.row} data-status={c.label}>
                <span className={styles.label}>{c.label}</span>
                <span className={styles.track} aria-hidden="true">
                  <span
                    style={{
                      display: "block",
                      height: "100%",
                      width: `${(100 * c.count) / max}%`,
                      background: colour.foreground,
                      borderRadius: 3,
                    }}
                  />
                </span>
                <span className={styles.count}>{c.count}</span>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

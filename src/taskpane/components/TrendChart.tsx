// A measure's year so far as a small chart for the 320-pixel pane: actuals as a line whose points
// carry their RAG (colour and a letter), the targets as a dashed line, and the same figures in a
// table beneath, so nothing depends on colour or on seeing the chart. Excel's sparklines cannot be
// drawn through office.js, so inside Excel this is the trend picture; files carry real sparklines.
import * as React from "react";
import { tokens } from "@fluentui/react-components";
import type { TrendPoint } from "../../status/trend";
import { statusColour } from "../statusColours";

export interface TrendChartProps {
  id: string;
  name: string;
  unit?: string;
  points: TrendPoint[];
}

const WIDTH = 300;
const HEIGHT = 150;
const PAD = { left: 8, right: 8, top: 22, bottom: 22 };
const TARGET_COLOUR = "#595959";
const LINE_COLOUR = "#1F4E79";

/** 1234.5 -> "1,234.5"; en-GB grouping, at most two decimals, as the sheets show figures. */
export function figure(n: number | null): string {
  return n === null ? "–" : n.toLocaleString("en-GB", { maximumFractionDigits: 2 });
}

const RAG_LETTER: Record<string, string> = { Green: "G", Amber: "A", Red: "R", M: "M", "Data only": "D" };

function scale(points: TrendPoint[]): (v: number) => number {
  const values = points.flatMap((p) => [p.actual, p.target]).filter((v): v is number => v !== null);
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const span = hi - lo || Math.abs(hi) || 1;
  // A little room above and below so points and their labels are not cut off.
  const [min, max] = [lo - span * 0.15, hi + span * 0.15];
  return (v) => PAD.top + (HEIGHT - PAD.top - PAD.bottom) * (1 - (v - min) / (max - min));
}

function path(points: { x: number; y: number }[]): string {
  return points.map((p, i) => `${i === 0 ? "M" : "L"}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(" ");
}

/** "Q1 actual 410, target 400, Green; Q2 ..." : what the chart shows, in words. */
export function trendSummary(points: TrendPoint[]): string {
  const shown = points.filter((p) => p.actual !== null || p.target !== null);
  if (shown.length === 0) return "no figures yet";
  return shown
    .map((p) => `Q${p.quarter} actual ${p.actual === null ? "not reported" : figure(p.actual)}, target ${p.target === null ? "none" : figure(p.target)}${p.rag ? `, ${p.rag}` : ""}`)
    .join("; ");
}

export function TrendChart({ id, name, unit, points }: TrendChartProps): React.JSX.Element {
  const headingId = React.useId();
  const hasFigures = points.some((p) => p.actual !== null || p.target !== null);
  const x = (i: number) => PAD.left + ((WIDTH - PAD.left - PAD.right) * (i + 0.5)) / points.length;
  const y = hasFigures ? scale(points) : () => HEIGHT / 2;
  const actuals = points.map((p, i) => (p.actual === null ? null : { x: x(i), y: y(p.actual), p })).filter((v): v is { x: number; y: number; p: TrendPoint } => v !== null);
  const targets = points.map((p, i) => (p.target === null ? null : { x: x(i), y: y(p.target) })).filter((v): v is { x: number; y: number } => v !== null);
  return (
    <section aria-labelledby={headingId} style={{ maxWidth: "100%" }}>
      <h3 id={headingId} style={{ fontSize: 14, margin: "8px 0 4px" }}>
        Trend: {id} {name}
        {unit ? ` (${unit})` : ""}
      </h3>
      {hasFigures ? (
        <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" role="img" aria-label={`${id} by quarter: ${trendSummary(points)}`} style={{ display: "block", maxWidth: WIDTH }}>
          <line x1={PAD.left} x2={WIDTH - PAD.right} y1={HEIGHT - PAD.bottom} y2={HEIGHT - PAD.bottom} stroke="#BFBFBF" />
          {points.map((p, i) => (
            <text key={p.quarter} x={x(i)} y={HEIGHT - 6} textAnchor="middle" fontSize={11} fill={tokens.colorNeutralForeground2}>
              Q{p.quarter}
            </text>
          ))}
          {targets.length > 1 && <path d={path(targets)} fill="none" stroke={TARGET_COLOUR} strokeWidth={1.5} strokeDasharray="5 4" />}
          {targets.map((t, i) => (
            <line key={`t${i}`} x1={t.x - 8} x2={t.x + 8} y1={t.y} y2={t.y} stroke={TARGET_COLOUR} strokeWidth={2} />
          ))}
          {actuals.length > 1 && <path d={path(actuals)} fill="none" stroke={LINE_COLOUR} strokeWidth={2} />}
          {actuals.map(({ x: cx, y: cy, p }) => {
            const colour = statusColour(p.rag ?? "M");
            return (
              <g key={`a${p.quarter}`} data-rag={p.rag ?? ""}>
                <circle cx={cx} cy={cy} r={8} fill={colour.background} stroke={colour.foreground} strokeWidth={1.5} />
                <text x={cx} y={cy + 3.5} textAnchor="middle" fontSize={10} fontWeight={700} fill={colour.foreground}>
                  {RAG_LETTER[p.rag ?? "M"] ?? "M"}
                </text>
                <text x={cx} y={cy - 11} textAnchor="middle" fontSize={11} fill="#202020">
                  {figure(p.actual)}
                </text>
              </g>
            );
          })}
        </svg>
      ) : (
        <p>No figures for this measure yet.</p>
      )}
      <p style={{ fontSize: 12, margin: "2px 0 6px", color: tokens.colorNeutralForeground2 }}>
        <span aria-hidden="true" style={{ color: LINE_COLOUR, fontWeight: 700 }}>
          ── ●
        </span>{" "}
        actual (letter: RAG){" "}
        <span aria-hidden="true" style={{ color: tokens.colorNeutralForeground3, fontWeight: 700 }}>
          - - -
        </span>{" "}
        target
      </p>
      <table style={{ borderCollapse: "collapse", fontSize: 12, width: "100%" }}>
        <caption style={{ textAlign: "left", fontSize: 12, color: tokens.colorNeutralForeground2 }}>{id} by quarter</caption>
        <thead>
          <tr>
            {["Quarter", "Actual", "Target", "RAG"].map((h) => (
              <th key={h} scope="col" style={{ textAlign: h === "Quarter" || h === "RAG" ? "left" : "right", padding: "2px 4px", borderBottom: "1px solid #BFBFBF" }}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {points.map((p) => {
            const colour = p.rag ? statusColour(p.rag) : null;
            return (
              <tr key={p.quarter}>
                <th scope="row" style={{ textAlign: "left", padding: "2px 4px", fontWeight: 400 }}>
                  Q{p.quarter}
                </th>
                <td style={{ textAlign: "right", padding: "2px 4px" }}>{figure(p.actual)}</td>
                <td style={{ textAlign: "right", padding: "2px 4px" }}>{figure(p.target)}</td>
                <td style={{ padding: "2px 4px" }}>
                  {colour ? <span style={{ background: colour.background, color: colour.foreground, padding: "0 6px", borderRadius: 3, fontWeight: 600 }}>{p.rag}</span> : "not yet"}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

// Status colours, from the Okabe-Ito colour-blind-safe palette lightened to fills that carry dark,
// bold text. The word in the cell is the status; the colour only repeats it.
import type { ActionStatus } from "../status/actionStatus";
import type { Direction } from "../status/direction";
import type { Rag } from "../status/rag";

export interface StatusColour {
  fill: string;
  font: string;
}

/** Okabe-Ito hues at about a third strength on white, each with a dark text of the same hue. */
export const PALETTE = {
  good: { fill: "B3E2D5", font: "00402E" }, // bluish green #009E73
  warning: { fill: "F6DDA6", font: "4D3500" }, // orange #E69F00
  bad: { fill: "F0C7A6", font: "5C1F00" }, // vermillion #D55E00
  attention: { fill: "EDD0E0", font: "4A1537" }, // reddish purple #CC79A7
  information: { fill: "C4E5F7", font: "0B3954" }, // sky blue #56B4E9
  none: { fill: "E6E6E6", font: "333333" }, // grey: nothing to judge
} as const satisfies Record<string, StatusColour>;

export const RAG_COLOURS: Record<Rag, StatusColour> = {
  Green: PALETTE.good,
  Amber: PALETTE.warning,
  Red: PALETTE.bad,
  M: PALETTE.none,
  "Data only": PALETTE.information,
};

export const DIRECTION_COLOURS: Record<Direction, StatusColour> = {
  Improving: PALETTE.good,
  Maintained: PALETTE.warning,
  Declining: PALETTE.bad,
  M: PALETTE.none,
};

export const ACTION_STATUS_COLOURS: Record<ActionStatus, StatusColour> = {
  "No longer viable": PALETTE.none,
  Delivered: PALETTE.good,
  "Scheduled for future quarters": PALETTE.information,
  "No due date": PALETTE.attention,
  "Slipped (more than 3 months)": PALETTE.bad,
  "Slipped (less than 3 months)": PALETTE.warning,
  "On target": PALETTE.good,
};

// Every status is shown as its words and a colour together (never colour alone), in colours that
// keep 4.5:1 contrast for the words on both the light and the dark Office themes.

export interface StatusColour {
  background: string;
  foreground: string;
}

const GREEN: StatusColour = { background: "#C6EFCE", foreground: "#0B5E1A" };
const AMBER: StatusColour = { background: "#FFE7A3", foreground: "#6B4500" };
const RED: StatusColour = { background: "#FFC7CE", foreground: "#8B0010" };
const GREY: StatusColour = { background: "#E6E6E6", foreground: "#333333" };
const BLUE: StatusColour = { background: "#D6E6F7", foreground: "#0F3F70" };

/** Colour for a status label from any of the status families (RAG, direction, action status, severity). */
export function statusColour(label: string): StatusColour {
  const l = label.toLowerCase();
  if (/^(green|improving|complete|completed|on track|met|linked)/.test(l)) return GREEN;
  if (/^(amber|warning|not started|due|static|no change|unchanged|slipped(?! more))/.test(l) && !/more than/.test(l)) return AMBER;
  if (/^(red|error|declining|worse|overdue|broken|slipped more|not viable|no longer viable|unserved)/.test(l) || /more than/.test(l)) return RED;
  if (/^(info|in progress|on target)/.test(l)) return BLUE;
  return GREY;
}

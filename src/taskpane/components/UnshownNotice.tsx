// A ribbon command's notice that Office could not show in its dialog (errors 12007, 12009,
// 12011, ...) waits in the add-in's storage; the pane shows it once, so it still reaches the user.
import * as React from "react";
import { Button } from "@fluentui/react-components";
import { UNSHOWN_NOTICE_KEY } from "../../commands/notify";

interface Unshown {
  title: string;
  message: string;
  problem: string;
}

function take(): Unshown | null {
  try {
    const text = globalThis.localStorage?.getItem(UNSHOWN_NOTICE_KEY);
    if (!text) return null;
    const value = JSON.parse(text) as Partial<Unshown>;
    return typeof value.title === "string" && typeof value.message === "string" ? { title: value.title, message: value.message, problem: String(value.problem ?? "") } : null;
  } catch {
    return null;
  }
}

export function UnshownNotice(): React.JSX.Element | null {
  const [notice, setNotice] = React.useState<Unshown | null>(take);
  if (!notice) return null;
  const dismiss = () => {
    try {
      globalThis.localStorage?.removeItem(UNSHOWN_NOTICE_KEY);
    } catch {
      // Nothing to clear.
    }
    setNotice(null);
  };
  return (
    <section role="status" aria-label="Ribbon command result">
      <h2 style={{ fontSize: "1em", margin: "4px 0" }}>{notice.title}</h2>
      <p style={{ whiteSpace: "pre-line", margin: "4px 0" }}>{notice.message}</p>
      {notice.problem && <p style={{ margin: "4px 0" }}>(Shown here because {notice.problem.replace(/^Golden Thread could not show "[^"]*": /, "")})</p>}
      <Button size="small" onClick={dismiss}>
        Dismiss
      </Button>
    </section>
  );
}

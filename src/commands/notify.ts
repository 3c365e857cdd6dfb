// Shows a command's notice in a small dialog (notification.html). Excel offers add-ins no
// notification bar, and a function command has no UI of its own; a dialog works on desktop and web.
// The command does not wait for the user to close it: Office may end a command's runtime that has
// not called event.completed() (add-in commands page: about 5 minutes), so the notice lives on its
// own and the command completes as soon as the dialog is open. When the dialog cannot open, the
// Office error (12007, 12009, 12011, ...) becomes a sentence for the user.
import type { Notice } from "./ribbon";

/** Dialog URLs are limited in length; long messages are cut with a pointer to the pane. */
const MAX_MESSAGE = 1200;

function notificationUrl(base: string, notice: Notice): string {
  const message = notice.message.length > MAX_MESSAGE ? `${notice.message.slice(0, MAX_MESSAGE)}… (open the pane for the rest)` : notice.message;
  const url = new URL("notification.html", base);
  url.searchParams.set("t", notice.title);
  url.searchParams.set("m", message);
  return url.href;
}

/** The part of Office.context.ui we use (a fake in tests). */
export interface DialogUi {
  displayDialogAsync(url: string, options: Office.DialogOptions, callback: (result: Office.AsyncResult<Office.Dialog>) => void): void;
}

/** What each dialog error means for the user (Office dialog API error codes). */
export function dialogProblem(code: number | undefined, notice: Notice): string {
  const what = `Golden Thread could not show "${notice.title}"`;
  switch (code) {
    case 12007:
      return `${what}: another Golden Thread notice is still open. Close it and run the command again.`;
    case 12009:
      return `${what}: the notice window was declined or blocked. Allow Golden Thread's windows when Office asks, then run the command again.`;
    case 12011:
      return `${what}: your browser's settings block the notice window (pop-ups or security zone). Allow pop-ups for this site, or open the Golden Thread pane, and run the command again.`;
    default:
      return `${what} (Office error ${code ?? "unknown"}). Open the Golden Thread pane and run it from there.`;
  }
}

/** Key under which a notice that could not be shown waits for the pane (same origin). */
export const UNSHOWN_NOTICE_KEY = "golden-thread:unshown-notice";

let current: Office.Dialog | null = null;

function open(ui: DialogUi, url: string): Promise<Office.AsyncResult<Office.Dialog>> {
  return new Promise((resolve) => ui.displayDialogAsync(url, { height: 30, width: 35, displayInIframe: true }, resolve));
}

/**
 * Opens the notice and resolves once it is showing (null) or cannot be shown (the sentence saying
 * why, also kept for the pane and logged). Our own earlier notice still open (12007) is closed and
 * the new one tried once more.
 */
export async function showNotice(notice: Notice, ui: DialogUi = Office.context.ui, base: string = window.location.href): Promise<string | null> {
  const url = notificationUrl(base, notice);
  let result = await open(ui, url);
  if (result.status === Office.AsyncResultStatus.Failed && result.error?.code === 12007 && current) {
    current.close();
    current = null;
    result = await open(ui, url);
  }
  if (result.status === Office.AsyncResultStatus.Failed) {
    const problem = dialogProblem(result.error?.code, notice);
    console.error(`${problem}\n${notice.title}: ${notice.message}`);
    try {
      globalThis.localStorage?.setItem(UNSHOWN_NOTICE_KEY, JSON.stringify({ ...notice, problem }));
    } catch {
      // Storage may be off; the console line above remains.
    }
    return problem;
  }
  const dialog = result.value;
  current = dialog;
  const done = () => {
    if (current === dialog) current = null;
  };
  dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
    dialog.close();
    done();
  });
  dialog.addEventHandler(Office.EventType.DialogEventReceived, done);
  return null;
}

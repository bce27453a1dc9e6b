// Runtime errors of the app's own code on a small, dismissable panel (docs/runtime.md, "Runtime errors"): uncaught
// exceptions, unhandled rejections and errors thrown by HMR callbacks. Each is placed at the first frame of its stack
// that is the app's (this origin, not HMR's /_hmr/ client, not dotnet watch's /_framework/); one with no such frame
// (a browser extension, another origin's script, HMR itself) is not the app's to fix and is left to the console.
import { showRuntimeError, clearRuntimeError } from "/_hmr/overlay.js";

const notAppPaths = ["/_hmr/", "/_framework/"];
// A frame's URL, line and column: Chromium "    at fn (http://host/js/a.js?t=1:3:5)" or "    at http://host/js/a.js:3:5",
// Firefox and Safari "fn@http://host/js/a.js:3:5".
const framePattern = /(?:\(|@|\bat\s+)(\S+?):(\d+):(\d+)\)?$/;
// However fast a loop throws, the panel is redrawn at most this often; the rest is counted.
const redrawMilliseconds = 250;

let shown = null; // { kind, message, at, repeats, others }
let redrawTimer = 0;

function appLocation(rawUrl, line, column) {
  if (!rawUrl) return null; // another origin's script: the browser hides where ("Script error.")
  let url;
  try { url = new URL(rawUrl, location.href); } catch { return null; }
  if (url.origin !== location.origin || notAppPaths.some((path) => url.pathname.startsWith(path))) return null;
  return { file: url.pathname, line, column };
}

/** The first frame of a stack that is the app's code, or null. */
export function firstAppFrame(stack) {
  for (const line of String(stack ?? "").split("\n")) {
    const match = framePattern.exec(line.trim());
    const at = match && appLocation(match[1], Number(match[2]), Number(match[3]));
    if (at) return at;
  }
  return null;
}

function describe(value) {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  try { return `${typeof value === "string" ? value : JSON.stringify(value)} (thrown, not an Error)`; } catch { return `${String(value)} (thrown, not an Error)`; }
}

function scheduleRedraw() {
  if (redrawTimer) return;
  redrawTimer = setTimeout(() => {
    redrawTimer = 0;
    if (!shown) return;
    shown.drawn = true;
    showRuntimeError(shown);
  }, shown?.drawn ? redrawMilliseconds : 0);
}

function record(kind, message, at) {
  const panelOpen = document.querySelector("hmr-runtime-error") !== null;
  const same = shown && shown.message === message && shown.at?.file === at?.file && shown.at?.line === at?.line;
  if (same) {
    shown.repeats++;
    if (shown.drawn && !panelOpen) return; // dismissed: it stays dismissed while the same error repeats
  } else if (shown && panelOpen) {
    shown.others++; // the first one stays on the panel: it is usually the cause of the rest
  } else {
    shown = { kind, message, at, repeats: 1, others: 0, drawn: false };
  }
  scheduleRedraw();
}

/** An error value with, when it has no stack, the place the browser reported it (an 'error' event's file, line, column). */
export function reportRuntimeError(kind, value, fallback = null) {
  if (value instanceof SyntaxError && kind === "Uncaught error") return; // a module that fails to parse: the error overlay's
  const at = value instanceof Error ? firstAppFrame(value.stack) : null;
  const place = at ?? (fallback ? appLocation(fallback.file, fallback.line, fallback.column) : null);
  // No frame of the app: not the app's to fix. A rejection with a non-Error value has no place at all; shown, since
  // extensions' own code runs apart from the page's and cannot raise it here.
  if (!place && !(kind === "Unhandled rejection" && !(value instanceof Error))) return;
  record(kind, describe(value), place);
}

/** A successful update of the module the shown error is in closes the panel. */
export function clearRuntimeErrorsOf(paths) {
  if (!shown?.at || !paths.includes(shown.at.file)) return;
  shown = null;
  clearRuntimeError();
}

function onError(event) {
  if (!(event instanceof ErrorEvent)) return; // a resource that failed to load
  reportRuntimeError("Uncaught error", event.error ?? event.message, { file: event.filename, line: event.lineno, column: event.colno });
}

function onRejection(event) {
  reportRuntimeError("Unhandled rejection", event.reason);
}

/** Listens from now on, after the errors the preamble kept while this client was loading. */
export function watchRuntimeErrors() {
  const early = window.__hmrEarlyErrors ?? [];
  window.__hmrEarlyErrors = null;
  for (const event of early) (event.type === "unhandledrejection" ? onRejection : onError)(event);
  window.addEventListener("error", onError);
  window.addEventListener("unhandledrejection", onRejection);
}

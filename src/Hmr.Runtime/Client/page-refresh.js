// Server-rendered markup, updated in place (docs/runtime.md, "Markup edits"): after dotnet watch applied a Razor
// change, or when this static page was edited, the page is fetched again and morphed into the live document. Any
// doubt (scripts or import map changed, an error page, a redirect, a morph that throws) ends in one full reload that
// says why.
import { morphDocument } from "/_hmr/morph.js";
import { withoutUpdateStamp } from "/_hmr/client.js";

const config = /*@hmr-config*/{};

// The markup the page was last brought to: the base of the next three-way morph (morph.js). Until the first refresh,
// the server's copy of what it sent when the page loaded (null when it has none: a two-way morph).
let lastMarkup;
let running = null;
// What asked for a refresh while one ran: one more run after it, for all of them.
let pending = null;

/**
 * Brings the page up to date with what the server renders now. `reload(reason)` is the fallback. Refreshes never
 * overlap: triggers that come while one runs make one more run after it. With `ifMarkupChanged` (a code change dotnet
 * watch applied, which may have changed the page's markup or only what its scripts fetch), a page whose markup is
 * the same as before reloads, as dotnet watch would have: its scripts run again and fetch anew.
 */
export function refreshPage(reason, reload, { ifMarkupChanged = false } = {}) {
  // Merged, a page edit among the triggers lifts the condition: that edit is a reason to morph of its own.
  pending = pending
    ? { reason: pending.reason, reload, ifMarkupChanged: pending.ifMarkupChanged && ifMarkupChanged }
    : { reason, reload, ifMarkupChanged };
  if (running) return running;
  running = (async () => {
    try {
      while (pending) {
        const request = pending;
        pending = null;
        const outcome = await refreshOnce(request.reason, request.ifMarkupChanged);
        if (outcome.reload) { pending = null; request.reload(`${request.reason}; ${outcome.reload}`); return; }
      }
    } finally {
      running = null;
    }
  })();
  return running;
}

async function refreshOnce(reason, ifMarkupChanged) {
  let response;
  try {
    response = await fetch(location.href, {
      headers: { Accept: "text/html", "X-Hmr-Refresh": "1" },
      cache: "no-store",
      credentials: "same-origin",
    });
  } catch (error) {
    return { reload: `fetching the page again failed (${error.message})` };
  }
  if (response.redirected) return { reload: `the page now redirects to ${response.url}` };
  if (response.status !== 200) return { reload: `the page now answers ${response.status}` };
  const type = response.headers.get("content-type") ?? "";
  if (!type.startsWith("text/html")) return { reload: `the page is no longer HTML (${type || "no content type"})` };

  const next = new DOMParser().parseFromString(await response.text(), "text/html");
  const base = await markupBefore();
  if (ifMarkupChanged && !base) return { reload: "the page as it was sent is not known here, to tell whether its markup changed" };
  if (ifMarkupChanged && sameMarkup(base, next)) return { reload: "the page's markup is the same, so the change is in code its scripts call" };
  const scriptChange = firstScriptChange(base ?? document, next);
  if (scriptChange) return { reload: scriptChange };

  try {
    keepingFocusAndScroll(() => morphDocument(document, base, next));
  } catch (error) {
    console.error("[hmr] morphing the page failed", error);
    return { reload: `morphing the page failed (${error.message})` };
  }
  lastMarkup = next;
  console.info(`[hmr] page updated in place: ${reason}`);
  return {};
}

async function markupBefore() {
  if (lastMarkup !== undefined) return lastMarkup;
  lastMarkup = null;
  const id = window.__hmrPageId;
  if (!id) return null;
  try {
    const response = await fetch(`/_hmr/page?id=${encodeURIComponent(id)}`, {
      headers: { "X-Hmr-Token": config.token },
      cache: "no-store",
    });
    if (response.ok) lastMarkup = new DOMParser().parseFromString(await response.text(), "text/html");
  } catch { /* no base: a two-way morph */ }
  return lastMarkup;
}

/** Equal markup, but for what differs between responses of the same page: HMR's preamble tag (its page id) and dotnet
 * watch's script (it injects it into navigations only, with a line break), CSP nonces, antiforgery tokens, and
 * whitespace between tags. */
function sameMarkup(a, b) {
  const normalized = (doc) => {
    const copy = doc.documentElement.cloneNode(true);
    copy.querySelectorAll("script").forEach((script) => { if (isOwnScript(script)) script.remove(); });
    copy.querySelectorAll("[nonce]").forEach((element) => element.removeAttribute("nonce"));
    copy.querySelectorAll("input[name='__RequestVerificationToken']").forEach((input) => input.removeAttribute("value"));
    return copy.outerHTML.replace(/>\s+</g, "><").replace(/\s+/g, " ");
  };
  return normalized(a) === normalized(b);
}

// ---- scripts: the morph never runs or removes one, so any change to them needs a reload ----------------------------

/** The first difference between two documents' scripts and import maps, as a sentence; null when they are the same. */
function firstScriptChange(before, after) {
  const a = scriptsOf(before);
  const b = scriptsOf(after);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    if (b[i] === undefined || !b.includes(a[i])) return `a script was removed or changed: ${a[i]}`;
    return `a script was added or changed: ${b[i]}`;
  }
  return null;
}

function scriptsOf(doc) {
  return [...doc.querySelectorAll("script")].filter((script) => !isOwnScript(script)).map(describeScript);
}

// HMR's preamble and dotnet watch's refresh script are injected into every response, and carry per-response values.
function isOwnScript(script) {
  const src = script.getAttribute("src") ?? "";
  return src.startsWith("/_hmr/") || src.startsWith("/_framework/aspnetcore-browser-refresh.js");
}

function describeScript(script) {
  const type = script.getAttribute("type") ?? "";
  const src = script.getAttribute("src");
  // A module script's update stamp (?t=) changes with every edit the page already took: not a change of the page.
  const what = src === null ? `inline ${JSON.stringify(script.textContent.trim().slice(0, 60))}…#${hash(script.textContent)}` : withoutUpdateStamp(src);
  const flags = ["async", "defer", "nomodule"].filter((name) => script.hasAttribute(name));
  return `<script${type ? ` type="${type}"` : ""}${flags.map((f) => ` ${f}`).join("")}> ${what}`;
}

function hash(text) {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}

// ---- focus, selection and scroll -----------------------------------------------------------------------------------

function keepingFocusAndScroll(morph) {
  const active = document.activeElement;
  const selection = selectionOf(active);
  const { scrollX, scrollY } = window;
  morph();
  if (active && active !== document.body && active.isConnected && document.activeElement !== active) {
    active.focus({ preventScroll: true });
    if (selection) {
      try { active.setSelectionRange(selection.start, selection.end, selection.direction); } catch { /* type without selection */ }
    }
  }
  if (window.scrollX !== scrollX || window.scrollY !== scrollY) window.scrollTo(scrollX, scrollY);
}

function selectionOf(element) {
  try {
    if (element && typeof element.selectionStart === "number") {
      return { start: element.selectionStart, end: element.selectionEnd, direction: element.selectionDirection };
    }
  } catch { /* inputs without selection throw */ }
  return null;
}

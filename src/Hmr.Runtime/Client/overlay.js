// The error overlays: custom elements with a shadow root, so page styles cannot break them and they cannot break the
// page. Their styles are constructed style sheets, which a Content-Security-Policy without 'unsafe-inline' allows
// (an inline <style> would be refused); a browser without them gets a <style> element.
const tagName = "hmr-error-overlay";
const runtimeTagName = "hmr-runtime-error";

const overlayStyles = `
  :host { position: fixed; inset: 0; z-index: 2147483647; background: rgba(0, 0, 0, 0.66);
          display: flex; align-items: flex-start; justify-content: center; overflow: auto;
          font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
  .window { margin: 6vh 2vw; max-width: 960px; width: 100%; background: #181818; color: #d8d8d8;
            border-top: 6px solid #ff5555; border-radius: 6px; padding: 24px 28px; box-shadow: 0 12px 40px #000; }
  .title { color: #ff5555; font-weight: bold; font-size: 15px; white-space: pre-wrap; margin: 0 0 12px; }
  .file { color: #61afef; margin: 0 0 12px; }
  pre { background: #0d0d0d; padding: 12px; border-radius: 4px; overflow: auto; font-size: 13px; line-height: 1.45; }
  .stack { color: #888; font-size: 12px; }
  .tip { color: #888; font-size: 12px; margin-top: 16px; }`;

const template = `
<div class="window" part="window">
  <p class="title" part="message"></p>
  <p class="file" part="file"></p>
  <pre class="frame" part="frame"></pre>
  <pre class="stack" part="stack"></pre>
  <div class="tip">Fix the code and save: the next successful update closes this. Click outside or press Esc to dismiss.</div>
</div>`;

function styleSheet(css) {
  try {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
    return sheet;
  } catch {
    return null;
  }
}

function applyStyles(root, sheet, css) {
  if (sheet && "adoptedStyleSheets" in root) {
    root.adoptedStyleSheets = [sheet];
    return;
  }
  const style = document.createElement("style");
  style.textContent = css;
  root.prepend(style);
}

const overlaySheet = styleSheet(overlayStyles);

class HmrErrorOverlay extends HTMLElement {
  constructor(err) {
    super();
    const root = this.attachShadow({ mode: "open" });
    root.innerHTML = template;
    applyStyles(root, overlaySheet, overlayStyles);
    const text = (selector, value) => {
      const element = root.querySelector(selector);
      if (value) element.textContent = value;
      else element.remove();
    };
    const loc = err.loc;
    text(".title", err.message || "Unknown error");
    text(".file", loc ? `${loc.file || err.id}:${loc.line}:${loc.column}` : err.id);
    text(".frame", err.frame);
    text(".stack", err.stack && err.stack !== err.message ? err.stack : "");
    root.querySelector(".window").addEventListener("click", (event) => event.stopPropagation());
    this.addEventListener("click", () => this.remove());
    this.onKey = (event) => { if (event.key === "Escape") this.remove(); };
    document.addEventListener("keydown", this.onKey);
  }

  disconnectedCallback() {
    document.removeEventListener("keydown", this.onKey);
  }
}

if (!customElements.get(tagName)) customElements.define(tagName, HmrErrorOverlay);

export function showErrorOverlay(err) {
  clearErrorOverlay();
  const Overlay = customElements.get(tagName);
  document.body.appendChild(new Overlay(err));
}

export function clearErrorOverlay() {
  document.querySelectorAll(tagName).forEach((element) => element.remove());
}

export function hasErrorOverlay() {
  return document.querySelector(tagName) !== null;
}

// ---- runtime errors: non-blocking, one at a time ----------------------------------------------------------------

const runtimeStyles = `
  :host { position: fixed; right: 16px; bottom: 16px; z-index: 2147483646; max-width: min(640px, calc(100vw - 32px));
          font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
  .panel { background: #181818; color: #d8d8d8; border-left: 5px solid #ff5555; border-radius: 6px;
           padding: 12px 40px 12px 16px; box-shadow: 0 8px 28px rgba(0, 0, 0, 0.5); position: relative; }
  .kind { color: #ff8f8f; font-size: 11px; text-transform: uppercase; letter-spacing: 0.05em; margin: 0 0 4px; }
  .message { color: #ff5555; font-weight: bold; font-size: 13px; white-space: pre-wrap; word-break: break-word; margin: 0 0 6px; }
  .file { color: #61afef; font-size: 12px; margin: 0; }
  .more { color: #888; font-size: 11px; margin: 6px 0 0; }
  button { position: absolute; top: 6px; right: 8px; background: none; border: 0; color: #aaa; font-size: 18px;
           cursor: pointer; line-height: 1; }`;

const runtimeTemplate = `
<div class="panel" part="panel" role="alert">
  <button type="button" part="close" aria-label="Dismiss">\u00d7</button>
  <p class="kind" part="kind"></p>
  <p class="message" part="message"></p>
  <p class="file" part="file"></p>
  <p class="more" part="more"></p>
</div>`;

const runtimeSheet = styleSheet(runtimeStyles);

class HmrRuntimeError extends HTMLElement {
  constructor() {
    super();
    const root = this.attachShadow({ mode: "open" });
    root.innerHTML = runtimeTemplate;
    applyStyles(root, runtimeSheet, runtimeStyles);
    root.querySelector("button").addEventListener("click", () => this.remove());
    this.onKey = (event) => { if (event.key === "Escape") this.remove(); };
  }

  connectedCallback() { document.addEventListener("keydown", this.onKey); }

  disconnectedCallback() { document.removeEventListener("keydown", this.onKey); }

  show(report) {
    const root = this.shadowRoot;
    root.querySelector(".kind").textContent = report.kind;
    root.querySelector(".message").textContent = report.message;
    root.querySelector(".file").textContent = report.at ? `${report.at.file}:${report.at.line}:${report.at.column}` : "(no location)";
    const more = [report.repeats > 1 ? `thrown ${report.repeats} times` : "", report.others > 0 ? `${report.others} other error(s) since, in the console` : ""]
      .filter(Boolean).join("; ");
    root.querySelector(".more").textContent = more;
  }
}

if (!customElements.get(runtimeTagName)) customElements.define(runtimeTagName, HmrRuntimeError);

/** Shows (or refreshes) the one runtime error panel: { kind, message, at: { file, line, column } | null, repeats, others }. */
export function showRuntimeError(report) {
  let panel = document.querySelector(runtimeTagName);
  if (!panel) {
    const Panel = customElements.get(runtimeTagName);
    panel = new Panel();
    (document.body ?? document.documentElement).appendChild(panel);
  }
  panel.show(report);
}

export function clearRuntimeError() {
  document.querySelectorAll(runtimeTagName).forEach((element) => element.remove());
}

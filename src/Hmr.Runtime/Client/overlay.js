// The error overlay: a custom element with a shadow root, so page styles cannot break it and it cannot break them.
const tagName = "hmr-error-overlay";

const template = `
<style>
  :host { position: fixed; inset: 0; z-index: 2147483647; background: rgba(0, 0, 0, 0.66);
          display: flex; align-items: flex-start; justify-content: center; overflow: auto;
          font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
  .window { margin: 6vh 2vw; max-width: 960px; width: 100%; background: #181818; color: #d8d8d8;
            border-top: 6px solid #ff5555; border-radius: 6px; padding: 24px 28px; box-shadow: 0 12px 40px #000; }
  .title { color: #ff5555; font-weight: bold; font-size: 15px; white-space: pre-wrap; margin: 0 0 12px; }
  .file { color: #61afef; margin: 0 0 12px; }
  pre { background: #0d0d0d; padding: 12px; border-radius: 4px; overflow: auto; font-size: 13px; line-height: 1.45; }
  .stack { color: #888; font-size: 12px; }
  .tip { color: #888; font-size: 12px; margin-top: 16px; }
</style>
<div class="window" part="window">
  <p class="title" part="message"></p>
  <p class="file" part="file"></p>
  <pre class="frame" part="frame"></pre>
  <pre class="stack" part="stack"></pre>
  <div class="tip">Fix the code and save: the next successful update closes this. Click outside or press Esc to dismiss.</div>
</div>`;

class HmrErrorOverlay extends HTMLElement {
  constructor(err) {
    super();
    const root = this.attachShadow({ mode: "open" });
    root.innerHTML = template;
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

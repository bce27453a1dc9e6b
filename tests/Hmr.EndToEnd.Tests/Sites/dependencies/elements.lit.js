// A Lit element in a self-accepting module: each edit defines <hot-counter> again with the new class.
import { LitElement, html, css } from 'lit';

class HotCounter extends LitElement {
  static properties = { count: { type: Number } };
  static styles = css`span { color: rgb(255, 0, 0); }`;

  constructor() {
    super();
    this.count = 0;
  }

  render() {
    return html`<span>lit one ${this.count}</span>`;
  }
}
customElements.define('hot-counter', HotCounter);

if (import.meta.hot) {
  import.meta.hot.accept();
}

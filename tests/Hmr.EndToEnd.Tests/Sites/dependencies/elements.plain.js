// A plain HTMLElement subclass in a self-accepting module, with the hotReplacedCallback HMR calls after a new version.
class PlainBadge extends HTMLElement {
  connectedCallback() {
    this.render();
  }

  render() {
    this.textContent = 'plain one';
  }

  hotReplacedCallback() {
    window.plainReplaced = (window.plainReplaced ?? 0) + 1;
    this.render();
  }
}
customElements.define('plain-badge', PlainBadge);

if (import.meta.hot) {
  import.meta.hot.accept();
}

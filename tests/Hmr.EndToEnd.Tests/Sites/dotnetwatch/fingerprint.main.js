// Loaded through its fingerprinted MapStaticAssets URL (fingerprint.main.<hash>.js); accepts its own updates.
const text = 'fingerprinted one';

document.getElementById('fp').textContent = text;

if (import.meta.hot) {
  import.meta.hot.accept();
}

// The reference for the dependency resolver's tests: Node's own ESM resolver, run with a browser bundler's
// conditions instead of Node's. Reads JSON from stdin, [{ "specifier", "importer" (relative to this folder),
// "kind": "static" | "dynamic" | "require" }], and prints one answer per entry, in order:
// { "resolved": "<path relative to this folder, with '/'>" } or { "error": "<Node's error code>" }.
// Run as `node --experimental-import-meta-resolve reference-resolve.mjs` (the flag lets import.meta.resolve take the
// importer's URL). Node knows nothing of the "module" and "browser" entry fields and never adds extensions, so only
// packages with "exports" are compared with it; the tests check packages without "exports" against a table.
import { register } from 'node:module';
import { readFileSync } from 'node:fs';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { relative, resolve, sep } from 'node:path';

// The resolve hook replaces Node's conditions ("node", "import", …) with ours, chosen by the importer URL's query.
const hook = `
const conditions = {
  import: ['browser', 'development', 'import', 'module', 'default'],
  require: ['browser', 'development', 'require', 'default'],
};
export function resolve(specifier, context, next) {
  const kind = context.parentURL && new URL(context.parentURL).searchParams.get('hmr-kind');
  return next(specifier, kind ? { ...context, conditions: conditions[kind] } : context);
}`;
register('data:text/javascript,' + encodeURIComponent(hook));

const here = fileURLToPath(new URL('.', import.meta.url));
const requests = JSON.parse(readFileSync(0, 'utf8'));
const answers = requests.map(({ specifier, importer, kind }) => {
  const parent = pathToFileURL(resolve(here, importer));
  parent.search = '?hmr-kind=' + (kind === 'require' ? 'require' : 'import');
  try {
    const url = import.meta.resolve(specifier, parent.href);
    return { resolved: relative(here, fileURLToPath(url)).split(sep).join('/') };
  } catch (error) {
    return { error: error.code ?? String(error) };
  }
});
process.stdout.write(JSON.stringify(answers));

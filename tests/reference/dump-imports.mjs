// Prints, as JSON, what es-module-lexer finds in every corpus file: the import specifiers (static imports,
// re-exports, dynamic imports) in source order, and the export names in source order (`export * from` has
// no name of its own and is left out). The MSTest agreement test compares our lexer with it.
// Kinds: "s" static import, "r" re-export (export … from), "d" dynamic import (specifier null unless a
// plain string or a template without ${}: es-module-lexer 3 reports templates with ${} as globs, which our
// contract reports as null).
import { init, parse } from 'es-module-lexer';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { listCorpus, nodeModules } from './corpus.mjs';

await init();
const results = [];
for (const file of listCorpus()) {
  const source = readFileSync(join(nodeModules, file), 'utf8');
  try {
    const [imports, exports] = parse(source);
    const list = [];
    for (const record of imports) {
      if (record.type === 'import-meta') continue;
      if (record.type === 'dynamic') {
        list.push({ k: 'd', n: record.specifier === undefined || record.glob ? null : record.specifier });
      } else {
        const kind = source.startsWith('export', record.importStart) ? 'r' : 's';
        list.push({ k: kind, n: record.specifier });
      }
    }
    const names = exports.filter(e => e.type !== 'reexport-all').map(e => e.name);
    results.push({ file, imports: list, exports: names });
  } catch (error) {
    results.push({ file, error: String(error.message ?? error) });
  }
}
process.stdout.write(JSON.stringify({ root: nodeModules, files: results }));

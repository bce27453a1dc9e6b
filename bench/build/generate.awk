# Writes the benchmark's web root: n modules under root/js/f0..f49 and an index.html.
# Usage: awk -v n=2500 -v root=path/to/wwwroot -f generate.awk
# Module i imports up to 4 earlier modules (a DAG, as real apps are), one through the import map when it lies in f0,
# sometimes one dynamically; every 10th accepts HMR. Bodies carry strings, templates, regexes and comments (the
# lexer's hard cases) and pad each module to about 6.5 KB.
BEGIN {
  srand(42)
  index_html = root "/index.html"
  print "<!doctype html><html><head><script type=\"importmap\">{\"imports\":{\"shared/\":\"/js/f0/\"}}</script>" > index_html
  print "<script type=\"module\" src=\"/js/f" ((n - 1) % 50) "/m" (n - 1) ".js\"></script></head><body></body></html>" >> index_html
  for (d = 0; d < 50; d++) system("mkdir -p " root "/js/f" d)
  for (i = 0; i < n; i++) {
    file = root "/js/f" (i % 50) "/m" i ".js"
    printf "" > file
    for (k = 0; k < 4 && i > 0; k++) {
      j = int(rand() * i)
      if (j % 50 == 0) printf "import { fn%d as a%d } from \"shared/m%d.js\";\n", j, k, j >> file
      else printf "import { fn%d as a%d } from \"../f%d/m%d.js\";\n", j, k, j % 50, j >> file
    }
    printf "// module %d: generated for the build benchmark\n", i >> file
    for (b = 0; b < 13; b++) {
      printf "export function fn%s(input, options = {}) {\n", (b == 0 ? i : i "_" b) >> file
      printf "  const pattern = /^[a-z]+\\/(\\d{2,4})[\\]\"]?$/gi; // a regex with a quote and a slash\n" >> file
      printf "  const label = `item ${input?.id ?? %d} of ${options.total / 2}`;\n", b >> file
      printf "  /* a block comment with import(\"not-real\") inside */\n" >> file
      printf "  const text = \"it's a string with // no comment and import 'x'\";\n" >> file
      printf "  if (pattern.test(label) && text.length > %d) { return { label, text, value: input * %d }; }\n", b, b >> file
      printf "  return [label, text].map((s) => s.toUpperCase()).filter(Boolean).join(', ');\n}\n\n" >> file
    }
    if (i % 7 == 3) printf "export const lazy = () => import(\"../f%d/m%d.js\");\n", (i - 1) % 50, i - 1 >> file
    if (i % 10 == 5) printf "if (import.meta.hot) {\n  import.meta.hot.accept((mod) => console.log(\"updated\", mod));\n}\n" >> file
    close(file)
  }
}

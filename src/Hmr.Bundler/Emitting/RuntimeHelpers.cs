using System.Text;

namespace Hmr.Bundler.Emitting;

/// <summary>The few functions the output calls, written into each chunk that needs them (they hold no state, so a
/// copy per chunk is harmless). Their names start with <c>__hmr_</c> and are reserved in every chunk.</summary>
internal static class RuntimeHelpers
{
    public const string CommonJs = "__hmr_commonJS";
    public const string ToEsm = "__hmr_toESM";
    public const string ToCommonJs = "__hmr_toCommonJS";
    public const string Namespace = "__hmr_ns";
    public const string Require = "__hmr_require";

    public static readonly string[] All = [CommonJs, ToEsm, ToCommonJs, Namespace, Require];

    private static readonly Dictionary<string, string> Code = new()
    {
        // module.exports is created on the first call and returned from then on, so a require cycle sees the
        // partly filled exports, as in Node. `this` at a CommonJS module's top level is its exports.
        [CommonJs] = $$"""
            function {{CommonJs}}(init) {
              let module;
              return () => {
                if (!module) {
                  module = { exports: {} };
                  init.call(module.exports, module.exports, module, {{Require}});
                }
                return module.exports;
              };
            }
            """,
        [Require] = $$"""
            function {{Require}}(specifier) {
              throw new Error('Dynamic require of "' + specifier + '" is not supported in the browser');
            }
            """,
        // An ES importer's view of module.exports (esbuild's and Vite's interop): with __esModule it is used as is
        // (default is exports.default); otherwise default is module.exports and its properties are named exports.
        [ToEsm] = $$"""
            function {{ToEsm}}(mod) {
              if (mod != null && mod.__esModule) return mod;
              const ns = { default: mod };
              if (mod != null && (typeof mod === 'object' || typeof mod === 'function')) {
                for (const key of Object.keys(mod)) {
                  if (key !== 'default') Object.defineProperty(ns, key, { get: () => mod[key], enumerable: true });
                }
              }
              return ns;
            }
            """,
        // require() of an ES module gives its namespace marked __esModule; the same object every time.
        [ToCommonJs] = $$"""
            const {{ToCommonJs}}$cache = new WeakMap();
            function {{ToCommonJs}}(ns) {
              let mod = {{ToCommonJs}}$cache.get(ns);
              if (!mod) {
                mod = Object.defineProperty({}, '__esModule', { value: true });
                for (const key of Object.keys(ns)) Object.defineProperty(mod, key, { get: () => ns[key], enumerable: true });
                {{ToCommonJs}}$cache.set(ns, mod);
              }
              return mod;
            }
            """,
        // A module namespace object: null prototype, sorted keys, live getters, frozen, tagged 'Module'.
        [Namespace] = $$"""
            function {{Namespace}}(getters) {
              const ns = Object.create(null);
              for (const key of Object.keys(getters).sort()) Object.defineProperty(ns, key, { get: getters[key], enumerable: true });
              Object.defineProperty(ns, Symbol.toStringTag, { value: 'Module' });
              return Object.freeze(ns);
            }
            """,
    };

    public static void Write(StringBuilder output, IEnumerable<string> used)
    {
        var needed = new HashSet<string>(used);
        if (needed.Contains(CommonJs))
        {
            needed.Add(Require);
        }
        foreach (var name in All.Where(needed.Contains))
        {
            output.Append(Code[name]).Append('\n');
        }
    }
}

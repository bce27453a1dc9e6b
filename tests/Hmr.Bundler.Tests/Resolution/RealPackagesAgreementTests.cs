using System.Text;
using System.Text.Json;
using Hmr.Bundler.DependencyResolution;

namespace Hmr.Bundler.Tests.DependencyResolution;

/// <summary>
/// Our resolver on real npm packages (tests/Hmr.Bundler.Tests/packages: lodash-es, date-fns, rxjs, d3, lit, preact,
/// htm, three, vue, react, react-dom, immer, zod, dayjs, nanoid and their dependencies) against Node's own resolver run
/// with the same conditions (reference-resolve.mjs), for packages with "exports"; and against a table checked by hand
/// for what Node does not do (entry fields "module"/"browser", extension and index probing).
/// </summary>
[TestClass]
public sealed class RealPackagesAgreementTests
{
    /// <summary>Chosen by hand: the entries apps import, deep imports, patterns, both kinds, imports written inside packages.</summary>
    private static readonly ResolveCase[] ChosenCases =
    [
        new("lit"), new("lit/decorators.js"), new("lit/directives/repeat.js"), new("lit/directive.js"), new("lit-html"),
        new("lit-html/directives/class-map.js"), new("@lit/reactive-element"), new("lit-element"),
        new("date-fns"), new("date-fns/locale"), new("date-fns/addDays"), new("date-fns/fp"), new("date-fns/locale/fr"),
        new("react"), new("react/jsx-runtime"), new("react-dom"), new("react-dom/client"), new("react-dom/server"),
        new("preact"), new("preact/hooks"), new("preact/compat"), new("preact/jsx-runtime"), new("htm"), new("htm/preact"),
        new("rxjs"), new("rxjs/operators"), new("rxjs/ajax"), new("rxjs/webSocket"),
        new("d3"), new("d3-array"), new("d3-scale"), new("d3-selection"),
        new("three"), new("three/addons/controls/OrbitControls.js"), new("three/examples/jsm/loaders/GLTFLoader.js"),
        new("three/webgpu"), new("three/tsl"), new("three/src/math/Vector3.js"),
        new("vue"), new("@vue/runtime-dom"), new("@vue/shared"), new("@vue/runtime-dom/dist/runtime-dom.esm-bundler.js"),
        new("immer"), new("zod"), new("zod/mini"), new("zod/v4"), new("nanoid"), new("nanoid/non-secure"), new("react/package.json"),
        // Not exported: both refuse.
        new("lit/nope.js"), new("react-dom/cjs/react-dom-client.development.js"), new("date-fns/esm/index.js"), new("nanoid/index.js"),
        new("three/addons/../package.json"),
        // CommonJS requires pick "require" over "import".
        new("react", Kind: ImportKind.Require), new("react/jsx-runtime", Kind: ImportKind.Require), new("react-dom/client", Kind: ImportKind.Require),
        new("vue", Kind: ImportKind.Require), new("rxjs", Kind: ImportKind.Require), new("rxjs/operators", Kind: ImportKind.Require),
        new("immer", Kind: ImportKind.Require), new("zod", Kind: ImportKind.Require), new("date-fns/locale", Kind: ImportKind.Require),
        new("htm", Kind: ImportKind.Require), new("nanoid", Kind: ImportKind.Require), new("three", Kind: ImportKind.Require),
        new("lit", Kind: ImportKind.Dynamic), new("three/addons/loaders/GLTFLoader.js", Kind: ImportKind.Dynamic),
        // Written inside packages.
        new("@lit/reactive-element", "node_modules/lit/index.js"), new("lit-html", "node_modules/lit/index.js"),
        new("lit-element/lit-element.js", "node_modules/lit/index.js"), new("lit-html/is-server.js", "node_modules/lit/index.js"),
        new("react", "node_modules/react-dom/cjs/react-dom-client.development.js", ImportKind.Require),
        new("react-dom", "node_modules/react-dom/cjs/react-dom-client.development.js", ImportKind.Require),
        new("scheduler", "node_modules/react-dom/cjs/react-dom-client.development.js", ImportKind.Require),
        new("preact", "node_modules/preact/hooks/dist/hooks.mjs"), new("preact", "node_modules/htm/preact/index.mjs"),
        new("@vue/runtime-dom", "node_modules/vue/dist/vue.runtime.esm-bundler.js"),
        new("@vue/runtime-core", "node_modules/@vue/runtime-dom/dist/runtime-dom.esm-bundler.js"),
        new("@vue/shared", "node_modules/@vue/runtime-dom/dist/runtime-dom.esm-bundler.js"),
        new("d3-array", "node_modules/d3/dist/d3.mjs"), new("./add.js", "node_modules/date-fns/index.js"),
        new("./locale/fr.js", "node_modules/date-fns/locale.js"),
    ];

    /// <summary>Packages without "exports", checked by hand. Node's ESM resolver would differ on purpose here: it
    /// reads only "main" (not "module" or "browser") and never adds an extension or an index file, where esbuild and
    /// Vite do both (its answers are in the comments).</summary>
    private static readonly (ResolveCase Case, string Expected)[] BundlerTable =
    [
        // "module" and "main" are both lodash.js; Node: the same file through "main".
        (new("lodash-es"), "node_modules/lodash-es/lodash.js"),
        // Node: node_modules/lodash-es/debounce (no such file): no extension probing in ESM.
        (new("lodash-es/debounce"), "node_modules/lodash-es/debounce.js"),
        (new("lodash-es/debounce.js"), "node_modules/lodash-es/debounce.js"),
        // "main" only (a UMD file): Node the same.
        (new("dayjs"), "node_modules/dayjs/dayjs.min.js"),
        // Node: node_modules/dayjs/plugin/utc, which does not exist.
        (new("dayjs/plugin/utc"), "node_modules/dayjs/plugin/utc.js"),
        // Node: ERR_UNSUPPORTED_DIR_IMPORT for a folder; bundlers take its index.js.
        (new("dayjs/esm"), "node_modules/dayjs/esm/index.js"),
        (new("dayjs/esm/plugin/utc"), "node_modules/dayjs/esm/plugin/utc/index.js"),
        (new("dayjs/locale/fr.js"), "node_modules/dayjs/locale/fr.js"),
        (new("delaunator", "node_modules/d3-delaunay/src/delaunay.js"), "node_modules/delaunator/index.js"),
        // No "main" at all: index.js, for Node's require too.
        (new("scheduler", Kind: ImportKind.Require), "node_modules/scheduler/index.js"),
        // rxjs's ES5 build writes extensionless relative imports, which only a bundler resolves.
        (new("./internal/Observable", "node_modules/rxjs/dist/esm5/index.js"), "node_modules/rxjs/dist/esm5/internal/Observable.js"),
        (new("iconv-lite/lib/index"), "node_modules/iconv-lite/lib/index.js"),
        // The object form of "browser" ({"./picocolors.js": "./picocolors.browser.js"}) is not read (esbuild would
        // substitute the browser file): see docs/dependency-resolution.md.
        (new("picocolors"), "node_modules/picocolors/picocolors.js"),
    ];

    [TestMethod]
    public void SameFilesAsNodesResolverForPackagesWithExports()
    {
        var folder = ReferencePackages.Folder();
        var cases = ChosenCases.Concat(EveryExportedSubpath(folder)).ToList();
        var answers = ReferencePackages.ResolveWithNode(folder, cases);
        Assert.HasCount(cases.Count, answers);

        var resolver = new DependencyResolver(new ResolverOptions(folder));
        var differences = new List<string>();
        for (var i = 0; i < cases.Count; i++)
        {
            var ours = resolver.Resolve(cases[i].Specifier, Path.Combine(folder, cases[i].Importer), cases[i].Kind);
            if (Disagreement(folder, answers[i], ours) is { } why)
            {
                differences.Add($"{cases[i]}: {why}");
            }
        }

        Assert.IsGreaterThan(1500, cases.Count, "every sub-path exported by the installed packages should be compared");
        if (differences.Count > 0)
        {
            var message = new StringBuilder($"{differences.Count} of {cases.Count} resolutions differ from Node's:\n");
            differences.Take(25).ToList().ForEach(d => message.AppendLine("  " + d));
            Assert.Fail(message.ToString());
        }
    }

    [TestMethod]
    public void PackagesWithoutExportsResolveAsBundlersDo()
    {
        var folder = ReferencePackages.Folder();
        var resolver = new DependencyResolver(new ResolverOptions(folder));

        foreach (var (resolveCase, expected) in BundlerTable)
        {
            var ours = resolver.Resolve(resolveCase.Specifier, Path.Combine(folder, resolveCase.Importer), resolveCase.Kind);
            Assert.IsTrue(ours.Succeeded, $"{resolveCase}: {ours.Failure}");
            Assert.AreEqual(expected, Relative(folder, ours.FilePath!), resolveCase.ToString());
        }
    }

    [TestMethod]
    public void ResolvedFilesBelongToTheirPackagesAtTheLockedVersions()
    {
        var folder = ReferencePackages.Folder();
        var resolver = new DependencyResolver(new ResolverOptions(folder));

        foreach (var (specifier, package) in new[] { ("react-dom/client", "react-dom"), ("preact/hooks", "preact"), ("lit/decorators.js", "lit"), ("@vue/shared", "@vue/shared"), ("date-fns/locale/fr", "date-fns") })
        {
            var file = resolver.Resolve(specifier, Path.Combine(folder, "app.js"), ImportKind.Static).FilePath!;
            var info = resolver.FindPackage(file);
            Assert.AreEqual(package, info?.Name, specifier);
            Assert.AreEqual(ReferencePackages.LockedVersion(folder, package), info!.Version, specifier);
            Assert.AreEqual(Path.Combine(folder, "node_modules", package, "package.json"), info.PackageJsonPath, specifier);
        }
    }

    /// <summary>Null when our answer is the one Node's implies; otherwise what differs.</summary>
    private static string? Disagreement(string folder, (string? Resolved, string? Error) node, Resolution ours)
    {
        var oursText = ours.Succeeded ? Relative(folder, ours.FilePath!) : $"{ours.Code} {ours.Failure}";
        if (node.Resolved is { } path)
        {
            // Node's import.meta.resolve does not check that the target exists; we do (HMR103).
            if (!File.Exists(Path.Combine(folder, path)))
            {
                return ours.Code == ResolutionCodes.TargetMissing ? null : $"Node: {path} (missing), ours: {oursText}";
            }
            return ours.Succeeded && Relative(folder, ours.FilePath!) == path ? null : $"Node: {path}, ours: {oursText}";
        }
        string[] expectedCodes = node.Error switch
        {
            "ERR_PACKAGE_PATH_NOT_EXPORTED" => [ResolutionCodes.NotExported],
            "ERR_INVALID_PACKAGE_TARGET" => [ResolutionCodes.TargetOutsidePackage, ResolutionCodes.InvalidPackageConfig],
            "ERR_INVALID_MODULE_SPECIFIER" => [ResolutionCodes.InvalidSpecifier],
            "ERR_MODULE_NOT_FOUND" => [ResolutionCodes.PackageNotFound, ResolutionCodes.FileNotFound, ResolutionCodes.TargetMissing],
            _ => [],
        };
        return !ours.Succeeded && expectedCodes.Contains(ours.Code) ? null : $"Node: {node.Error}, ours: {oursText}";
    }

    /// <summary>Every sub-path key without a pattern in the "exports" of every installed package, imported and required.</summary>
    private static IEnumerable<ResolveCase> EveryExportedSubpath(string folder)
    {
        var nodeModules = Path.Combine(folder, "node_modules");
        var packageFolders = Directory.EnumerateDirectories(nodeModules)
            .SelectMany(d => Path.GetFileName(d).StartsWith('@') ? Directory.EnumerateDirectories(d) : [d]);
        foreach (var packageFolder in packageFolders.Order(StringComparer.Ordinal))
        {
            var packageJson = Path.Combine(packageFolder, "package.json");
            if (!File.Exists(packageJson))
            {
                continue;
            }
            using var document = JsonDocument.Parse(File.ReadAllText(packageJson));
            if (!document.RootElement.TryGetProperty("exports", out var exports) || exports.ValueKind != JsonValueKind.Object)
            {
                continue;
            }
            var name = Path.GetRelativePath(nodeModules, packageFolder).Replace('\\', '/');
            foreach (var key in exports.EnumerateObject().Select(p => p.Name).Where(k => k.StartsWith('.') && !k.Contains('*')))
            {
                var specifier = key == "." ? name : name + key[1..];
                yield return new ResolveCase(specifier);
                yield return new ResolveCase(specifier, Kind: ImportKind.Require);
            }
        }
    }

    private static string Relative(string folder, string path) => Path.GetRelativePath(folder, path).Replace('\\', '/');
}

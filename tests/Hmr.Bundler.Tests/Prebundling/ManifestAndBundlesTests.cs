using Hmr.Core.Artifact;
using System.Text.Json;
using System.Text.RegularExpressions;
using Hmr.Bundler.DependencyResolution;
using Hmr.Bundler.Prebundling;

namespace Hmr.Bundler.Tests.Prebundling;

/// <summary>The optimizer over real installed packages: what the manifest says, how files are named, and that the
/// bundles run.</summary>
[TestClass]
public sealed partial class ManifestAndBundlesTests
{
    [GeneratedRegex(@"^[a-z0-9_$-]+\.([0-9a-f]{8})\.js$")]
    private static partial Regex HashedName();

    [TestMethod]
    public void The_manifest_lists_entries_shared_chunks_packages_and_content_hashed_files()
    {
        using var project = new PrebundleProject("lodash-es", "react", "react-dom", "dayjs");
        var result = project.Optimize(PrebundleProject.UsesFromApp("lodash-es", "react", "react-dom/client", "dayjs", "react"));

        Assert.IsFalse(result.UpToDate);
        Assert.IsEmpty(result.Diagnostics, string.Join("\n", result.Diagnostics));
        var manifest = result.Manifest;
        Assert.AreEqual(2, manifest.SchemaVersion);
        Assert.AreEqual("/_deps/", manifest.UrlBase);
        CollectionAssert.AreEqual(new[] { "dayjs", "lodash-es", "react", "react-dom/client" }, manifest.Imports.Keys.ToArray());
        foreach (var file in manifest.Files)
        {
            var name = HashedName().Match(file.File);
            Assert.IsTrue(name.Success, file.File);
            Assert.AreEqual(64, file.Hash.Length);
            Assert.IsTrue(file.Hash.StartsWith(name.Groups[1].Value, StringComparison.Ordinal), file.File);
            Assert.AreEqual("/_deps/" + file.File, file.Url);
            Assert.IsTrue(File.Exists(Path.Combine(project.OutputFolder, file.File)), file.File);
        }
        foreach (var (specifier, url) in manifest.Imports)
        {
            Assert.AreEqual(url, manifest.Files.Single(f => f.Kind == "entry" && f.Entry == specifier).Url);
        }
        // react-dom requires react: one React for both entries, in a shared chunk.
        var shared = manifest.Files.Where(f => f.Kind == "shared").ToList();
        Assert.IsNotEmpty(shared);
        Assert.IsTrue(shared.All(f => f.Entry is null));
        CollectionAssert.AreEqual(Directory.GetFiles(project.OutputFolder, "*.js").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray(),
            manifest.Files.Select(f => f.File).ToArray(), "exactly the listed bundles are in the folder");

        var lodash = manifest.Packages.Single(p => p.Name == "lodash-es");
        Assert.AreEqual("4.18.1", lodash.Version);
        StringAssert.EndsWith(lodash.Root, "node_modules/lodash-es");
        CollectionAssert.Contains(lodash.Files.ToArray(), "debounce.js", "the files the bundles read, relative to the package");
        CollectionAssert.DoesNotContain(lodash.Files.ToArray(), "package.json");
        Assert.IsTrue(manifest.Packages.Any(p => p.Name == "scheduler"), "a package reached only through react-dom is listed too");
        Assert.IsEmpty(manifest.Failed);

        // The file on disk is the documented JSON: camelCase fields in order, null entries written out.
        var json = File.ReadAllText(project.ManifestPath);
        using var document = JsonDocument.Parse(json);
        CollectionAssert.AreEqual(new[] { "schemaVersion", "inputsHash", "urlBase", "imports", "files", "packages", "failed" },
            document.RootElement.EnumerateObject().Select(p => p.Name).ToArray());
        StringAssert.Contains(json, "\"entry\": null");
        Assert.IsTrue(json.EndsWith("}\n", StringComparison.Ordinal) && !json.Contains('\r'), "\\n newlines and a final newline");
    }

    [TestMethod]
    public void The_bundles_run_in_node_with_one_react_for_react_and_react_dom()
    {
        using var project = new PrebundleProject("lodash-es", "date-fns", "react", "react-dom", "dayjs", "nanoid");
        var result = project.Optimize(PrebundleProject.UsesFromApp("lodash-es", "date-fns", "react", "react-dom/client", "dayjs", "nanoid"));
        Assert.IsEmpty(result.Manifest.Failed, string.Join("\n", result.Diagnostics));

        string Import(string specifier) => "./" + Path.GetFileName(project.EntryFile(result, specifier));
        var output = project.RunInNode($$"""
            import { chunk, debounce } from "{{Import("lodash-es")}}";
            import { format, addDays } from "{{Import("date-fns")}}";
            import React, { useState, createElement } from "{{Import("react")}}";
            import { createRoot } from "{{Import("react-dom/client")}}";
            import dayjs from "{{Import("dayjs")}}";
            import { nanoid } from "{{Import("nanoid")}}";
            console.log(JSON.stringify({
              chunk: chunk([1, 2, 3, 4, 5], 2),
              debounce: typeof debounce,
              date: format(addDays(new Date(2020, 0, 31), 1), "yyyy-MM-dd"),
              element: createElement("div", { id: "x" }).props.id,
              sameReact: React.useState === useState,
              createRoot: typeof createRoot,
              dayjs: dayjs("2020-02-29").add(1, "year").format("YYYY-MM-DD"),
              nanoid: nanoid().length,
            }));
            """);
        Assert.AreEqual("""{"chunk":[[1,2],[3,4],[5]],"debounce":"function","date":"2020-02-01","element":"x","sameReact":true,"createRoot":"function","dayjs":"2021-02-28","nanoid":21}""", output);
    }

    [TestMethod]
    public void Includes_are_bundled_excluded_packages_are_left_to_the_import_map_and_remote_keys_are_not_bundled()
    {
        using var project = new PrebundleProject("dayjs", "date-fns", "lit");
        var result = project.Optimize(PrebundleProject.UsesFromApp("date-fns", "date-fns/locale", "lit"), request => new DependencyOptimizerRequest
        {
            ProjectDirectory = request.ProjectDirectory,
            OutputDirectory = request.OutputDirectory,
            Uses = request.Uses,
            Includes = ["dayjs/locale/fr"],
            Excludes = ["date-fns"],
            RemoteImportMapKeys = ["lit"],
        });

        CollectionAssert.AreEqual(new[] { "dayjs/locale/fr" }, result.Manifest.Imports.Keys.ToArray());
        CollectionAssert.AreEqual(new[] { "date-fns", "date-fns/locale" }, result.ExcludedUses.Select(u => u.Specifier).ToArray());
        Assert.IsEmpty(result.Manifest.Failed);
        Assert.IsEmpty(result.Diagnostics);
    }

    [TestMethod]
    public void A_local_import_map_folder_is_a_package_source()
    {
        using var project = new PrebundleProject();
        project.Write("wwwroot/lib/greeter/package.json", """{ "name": "greeter", "version": "2.0.0", "module": "greet.js" }""");
        project.Write("wwwroot/lib/greeter/greet.js", "export const greet = (name) => `hello ${name}`;\n");
        var result = project.Optimize(PrebundleProject.UsesFromApp("greeter"), request => new DependencyOptimizerRequest
        {
            ProjectDirectory = request.ProjectDirectory,
            OutputDirectory = request.OutputDirectory,
            Uses = request.Uses,
            LocalImportMap = [new LocalImportMapEntry("greeter", Path.Combine(project.Root, "wwwroot/lib/greeter"))],
        });

        var package = result.Manifest.Packages.Single();
        Assert.AreEqual(("greeter", "2.0.0", "wwwroot/lib/greeter"), (package.Name, package.Version, package.Root));
        CollectionAssert.AreEqual(new[] { "greet.js" }, package.Files.ToArray(), "the files the bundle read");
        Assert.AreEqual(PackageFileStamp.Compute(Path.Combine(project.Root, "wwwroot/lib/greeter"), ["greet.js"]), package.FilesStamp);
        var output = project.RunInNode($"import {{ greet }} from \"./{Path.GetFileName(project.EntryFile(result, "greeter"))}\"; console.log(greet('map'));");
        Assert.AreEqual("hello map", output);
    }
}

using Hmr.Core.Artifact;

namespace Hmr.Bundler.Tests.Prebundling;

/// <summary>Bundling runs again only when its inputs change, and a bundle whose content did not change keeps its URL.</summary>
[TestClass]
public sealed class IncrementalPrebundlingTests
{
    private static Dictionary<string, (byte[] Bytes, DateTime Time)> Snapshot(string folder) =>
        Directory.GetFiles(folder).ToDictionary(f => Path.GetFileName(f), f => (File.ReadAllBytes(f), File.GetLastWriteTimeUtc(f)));

    [TestMethod]
    public void Equal_inputs_do_no_bundling_work_and_give_byte_identical_output()
    {
        using var project = new PrebundleProject("lodash-es", "react", "react-dom");
        var uses = PrebundleProject.UsesFromApp("react-dom/client", "lodash-es", "react");
        var first = project.Optimize(uses);
        Assert.IsFalse(first.UpToDate);
        var before = Snapshot(project.OutputFolder);

        var second = project.Optimize(uses);
        Assert.IsTrue(second.UpToDate);
        Assert.AreEqual((0, 0), (second.FilesWritten, second.FilesDeleted));
        Assert.AreEqual(first.Manifest.InputsHash, second.Manifest.InputsHash);
        var after = Snapshot(project.OutputFolder);
        CollectionAssert.AreEquivalent(before.Keys, after.Keys);
        foreach (var (name, (bytes, time)) in before)
        {
            Assert.AreEqual(time, after[name].Time, name + " was not touched");
        }

        // From nothing again (the folder deleted, the uses in another order): the very same bytes.
        Directory.Delete(project.OutputFolder, recursive: true);
        var fresh = project.Optimize([.. uses.Reverse()]);
        Assert.IsFalse(fresh.UpToDate);
        var again = Snapshot(project.OutputFolder);
        CollectionAssert.AreEquivalent(before.Keys, again.Keys);
        foreach (var (name, (bytes, _)) in before)
        {
            CollectionAssert.AreEqual(bytes, again[name].Bytes, name);
        }
    }

    [TestMethod]
    public void A_recorded_failure_of_the_bundler_itself_is_tried_again_while_a_package_failure_is_kept()
    {
        using var project = new PrebundleProject("dayjs");
        var uses = PrebundleProject.UsesFromApp("dayjs", "not-installed");
        var first = project.Optimize(uses);
        Assert.AreEqual("not-installed", first.Manifest.Failed.Single().Specifier);
        Assert.IsTrue(project.Optimize(uses).UpToDate, "a package that cannot be found is not looked for again while nothing changed");

        // The same manifest as if the bundler had crashed on dayjs (say, its parser could not be loaded).
        var crashed = first.Manifest with
        {
            Failed = [.. first.Manifest.Failed, new ManifestFailure("dayjs", [new ManifestDiagnostic(BundleCodes.InternalError, "The bundler failed unexpectedly (a bug)", "", 0, 0)])],
        };
        File.WriteAllBytes(project.ManifestPath, DependencyManifestFile.Serialize(crashed));
        var retried = project.Optimize(uses);
        Assert.IsFalse(retried.UpToDate);
        Assert.IsTrue(retried.Manifest.Imports.ContainsKey("dayjs"));
        Assert.AreEqual("not-installed", retried.Manifest.Failed.Single().Specifier);
    }

    [TestMethod]
    public void A_missing_bundle_file_a_changed_lock_file_or_package_json_bundles_again()
    {
        using var project = new PrebundleProject("dayjs");
        project.Write("node_modules/local-lib/package.json", """{ "name": "local-lib", "version": "1.0.0", "module": "index.js" }""");
        project.Write("node_modules/local-lib/index.js", "export const answer = 42;\n");
        var uses = PrebundleProject.UsesFromApp("dayjs", "local-lib");
        var first = project.Optimize(uses);
        Assert.IsTrue(project.Optimize(uses).UpToDate);

        File.AppendAllText(Path.Combine(project.Root, "package-lock.json"), "\n");
        Assert.IsFalse(project.Optimize(uses).UpToDate, "lock file changed");
        Assert.IsTrue(project.Optimize(uses).UpToDate);

        project.Write("node_modules/local-lib/package.json", """{ "name": "local-lib", "version": "1.0.1", "module": "index.js" }""");
        var bumped = project.Optimize(uses);
        Assert.IsFalse(bumped.UpToDate, "package.json changed");
        Assert.AreEqual("1.0.1", bumped.Manifest.Packages.Single(p => p.Name == "local-lib").Version);
        Assert.AreNotEqual(first.Manifest.InputsHash, bumped.Manifest.InputsHash);

        File.Delete(project.EntryFile(bumped, "dayjs"));
        var repaired = project.Optimize(uses);
        Assert.IsFalse(repaired.UpToDate, "a listed file is missing");
        Assert.IsTrue(File.Exists(project.EntryFile(repaired, "dayjs")));
        Assert.AreEqual(first.Manifest.Imports["dayjs"], repaired.Manifest.Imports["dayjs"], "same content, same URL");

        project.Write("pnpm-lock.yaml", "lockfileVersion: '9.0'\n");
        Assert.IsFalse(project.Optimize(uses).UpToDate, "a lock file appeared");
    }

    [TestMethod]
    public void A_local_patch_of_a_file_the_bundle_read_bundles_again_other_files_of_the_package_do_not()
    {
        using var project = new PrebundleProject();
        project.Write("node_modules/patched/package.json", """{ "name": "patched", "version": "1.0.0", "module": "index.js" }""");
        project.Write("node_modules/patched/index.js", "export { answer } from './answer.js';\n");
        project.Write("node_modules/patched/answer.js", "export const answer = 41;\n");
        project.Write("node_modules/patched/README.md", "docs\n");
        var uses = PrebundleProject.UsesFromApp("patched");
        var first = project.Optimize(uses);
        CollectionAssert.AreEqual(new[] { "answer.js", "index.js" }, first.Manifest.Packages.Single().Files.ToArray());

        File.AppendAllText(Path.Combine(project.Root, "node_modules/patched/README.md"), "more docs\n");
        Assert.IsTrue(project.Optimize(uses).UpToDate, "a file no bundle read");

        // What patch-package or an editor does to an installed package: same version, same package.json.
        project.Write("node_modules/patched/answer.js", "export const answer = 42;\n");
        var patched = project.Optimize(uses);
        Assert.IsFalse(patched.UpToDate, "a file the bundle read changed");
        Assert.AreNotEqual(first.Manifest.Imports["patched"], patched.Manifest.Imports["patched"], "new content, new URL");
        StringAssert.Contains(File.ReadAllText(project.EntryFile(patched, "patched")), "42");
        Assert.IsTrue(project.Optimize(uses).UpToDate);
    }

    [TestMethod]
    public void An_unchanged_entry_keeps_its_url_when_a_dependency_is_added_and_removed_ones_are_deleted()
    {
        using var project = new PrebundleProject("lodash-es", "date-fns", "dayjs");
        var first = project.Optimize(PrebundleProject.UsesFromApp("lodash-es", "date-fns"));
        var added = project.Optimize(PrebundleProject.UsesFromApp("lodash-es", "date-fns", "dayjs"));

        Assert.IsFalse(added.UpToDate);
        Assert.AreEqual(first.Manifest.Imports["lodash-es"], added.Manifest.Imports["lodash-es"]);
        Assert.AreEqual(first.Manifest.Imports["date-fns"], added.Manifest.Imports["date-fns"]);
        Assert.AreEqual(1, added.FilesWritten, "only the new bundle is written");

        var removed = project.Optimize(PrebundleProject.UsesFromApp("dayjs"));
        Assert.IsTrue(removed.FilesDeleted >= 2, removed.FilesDeleted.ToString());
        CollectionAssert.AreEqual(new[] { Path.GetFileName(project.EntryFile(removed, "dayjs")) },
            Directory.GetFiles(project.OutputFolder, "*.js").Select(Path.GetFileName).ToArray());
        Assert.AreEqual(added.Manifest.Imports["dayjs"], removed.Manifest.Imports["dayjs"]);
    }
}

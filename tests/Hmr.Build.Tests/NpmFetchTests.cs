namespace Hmr.Build.Tests;

/// <summary>samples/npm-fetch.cs, which ./demo.sh runs to give the demo its npm package with no Node: the packages a
/// package-lock.json pins come from the npm registry, checked against the lock file's integrity hash.</summary>
[TestClass]
public sealed class NpmFetchTests
{
    private static readonly string Script = Path.Combine(DotnetCli.RepositoryRoot(), "samples", "npm-fetch.cs");
    private static readonly string DemoLockFile = Path.Combine(DotnetCli.RepositoryRoot(), "samples", "HmrDemo", "package-lock.json");

    private static DotnetCli.Result Fetch(string folder) =>
        DotnetCli.Run(folder, nugetPackages: null, TimeSpan.FromMinutes(3), "run", Script, "--", folder);

    [TestMethod]
    public void The_demo_lock_file_installs_the_same_package_npm_installs_and_a_second_run_fetches_nothing()
    {
        var folder = Directory.CreateTempSubdirectory("hmr-npm-fetch-").FullName;
        try
        {
            File.Copy(DemoLockFile, Path.Combine(folder, "package-lock.json"));
            var first = Fetch(folder);
            Assert.AreEqual(0, first.ExitCode, first.ToString());
            StringAssert.Contains(first.Output, "npm-fetch: dayjs@1.11.23");

            // The same version is installed by npm itself for the bundler's tests: the files must be the same bytes.
            var npmInstalled = Path.Combine(DotnetCli.RepositoryRoot(), "tests", "Hmr.Bundler.Tests", "packages", "node_modules", "dayjs");
            foreach (var file in new[] { "package.json", "dayjs.min.js", "plugin/relativeTime.js", "esm/index.js" })
            {
                CollectionAssert.AreEqual(File.ReadAllBytes(Path.Combine(npmInstalled, file)),
                    File.ReadAllBytes(Path.Combine(folder, "node_modules", "dayjs", file)), file);
            }

            var second = Fetch(folder);
            Assert.AreEqual(0, second.ExitCode, second.ToString());
            StringAssert.Contains(second.Output, "node_modules is up to date");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public void A_tarball_that_does_not_match_the_lock_file_integrity_is_refused_and_nothing_is_installed()
    {
        var folder = Directory.CreateTempSubdirectory("hmr-npm-fetch-").FullName;
        try
        {
            var lockText = File.ReadAllText(DemoLockFile);
            var integrity = System.Text.RegularExpressions.Regex.Match(lockText, "sha512-([A-Za-z0-9+/]+)").Groups[1].Value;
            // Another valid base64 hash of the same length: the first character changed.
            var tampered = (integrity[0] == 'A' ? 'B' : 'A') + integrity[1..];
            File.WriteAllText(Path.Combine(folder, "package-lock.json"), lockText.Replace(integrity, tampered));

            var result = Fetch(folder);
            Assert.AreEqual(1, result.ExitCode, result.ToString());
            StringAssert.Contains(result.Output, "does not match the lock file's integrity");
            Assert.IsFalse(Directory.Exists(Path.Combine(folder, "node_modules", "dayjs")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

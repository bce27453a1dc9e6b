using Hmr.Core.Engine;
using Hmr.Core.Artifact;

namespace Hmr.Core.Tests.Engine;

[TestClass]
public sealed class ArtifactWarmStartTests
{
    private static TestSite SiteWithFiles(string artifact)
    {
        var site = new TestSite(artifactPath: artifact)
            .Write("/main.js", "import ./a.js")
            .Write("/a.js", "import ./b.js", "accept")
            .Write("/b.js", "");
        return site;
    }

    /// <summary>What the build task would write for the site's files as they are now.</summary>
    private static ModuleGraphDocument DocumentFor(TestSite site, int schema = ModuleGraphDocument.CurrentSchemaVersion, string webRoot = "wwwroot")
    {
        var analyzer = new DslAnalyzer();
        var modules = Directory.EnumerateFiles(site.WebRoot, "*.js", SearchOption.AllDirectories)
            .Select(path =>
            {
                var url = "/" + Path.GetRelativePath(site.WebRoot, path).Replace('\\', '/');
                var bytes = File.ReadAllBytes(path);
                return analyzer.Analyze(url, path, File.ReadAllText(path), ContentHash.Of(bytes), bytes.Length).Record;
            })
            .OrderBy(m => m.Url, StringComparer.Ordinal).ToList();
        return new ModuleGraphDocument(schema, webRoot, ["/main.js"], modules);
    }

    private static void WriteArtifact(string path, ModuleGraphDocument document)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, ModuleGraphSerializer.Serialize(document));
        // The artifact is written after the files it describes.
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
    }

    private readonly List<string> _artifactFolders = [];

    private string ArtifactPath()
    {
        var folder = Path.Combine(Path.GetTempPath(), "hmr-artifact-" + Guid.NewGuid().ToString("N"));
        _artifactFolders.Add(folder);
        return Path.Combine(folder, "module-graph.json");
    }

    [TestCleanup]
    public void RemoveArtifacts()
    {
        foreach (var folder in _artifactFolders.Where(Directory.Exists)) Directory.Delete(folder, recursive: true);
    }

    [TestMethod]
    public void MatchingArtifactIsUsedWithoutAnalysingAnything()
    {
        var artifact = ArtifactPath();
        using var site = SiteWithFiles(artifact);
        WriteArtifact(artifact, DocumentFor(site));
        var engine = site.Engine;
        Assert.AreEqual(new WarmStartReport(3, 0, null, site.Report!.Elapsed), site.Report);
        Assert.AreEqual(0, site.Analyzer.Calls);
        site.Execute("/main.js", "/a.js", "/b.js");
        CollectionAssert.AreEqual(new[] { "/a.js<-/a.js" }, site.Edit("/b.js", "// v2").Update().Pairs());
        Assert.IsNotNull(engine.GetModule("/main.js"));
    }

    [TestMethod]
    public void StaleNewAndDeletedFilesAreReconciled()
    {
        var artifact = ArtifactPath();
        using var site = SiteWithFiles(artifact);
        WriteArtifact(artifact, DocumentFor(site));
        site.Write("/a.js", "import ./b.js", "import ./c.js", "accept") // stale: bigger now
            .Write("/c.js", "accept");                                  // new
        File.Delete(site.PathOf("/main.js"));                           // deleted
        _ = site.Engine;
        Assert.AreEqual(1, site.Report!.ModulesFromArtifact);
        Assert.AreEqual(2, site.Report.ModulesAnalysed);
        Assert.IsNull(site.Report.ArtifactProblem);
        Assert.IsNull(site.Engine.GetModule("/main.js"));
        site.Execute("/a.js", "/c.js");
        // The stale a.js was re-analysed: it imports c.js now.
        CollectionAssert.AreEqual(new[] { "/c.js<-/c.js" }, site.Edit("/c.js", "accept", "// 2").Update().Pairs());
        site.Edit("/c.js", "// accept dropped").Update();
        site.Execute("/c.js");
        CollectionAssert.AreEqual(new[] { "/a.js<-/a.js" }, site.Edit("/c.js", "// 3").Update().Pairs());
    }

    [TestMethod]
    public void SameSizeEditAfterTheBuildIsCaughtByTheHash()
    {
        var artifact = ArtifactPath();
        using var site = SiteWithFiles(artifact);
        WriteArtifact(artifact, DocumentFor(site));
        File.SetLastWriteTimeUtc(artifact, DateTime.UtcNow.AddSeconds(-60));
        site.Write("/b.js", "x"); // "" -> "x": different size, and b.js is newer than the artifact
        site.Write("/a.js", "import ./b.js", "acceqt"); // same size as before, different content: no longer accepts
        _ = site.Engine;
        Assert.AreEqual(1, site.Report!.ModulesFromArtifact);
        Assert.AreEqual(2, site.Report.ModulesAnalysed);
        site.Execute("/main.js", "/a.js", "/b.js");
        site.Edit("/b.js", "// v2").Reload();
    }

    public static IEnumerable<object[]> BadArtifacts =>
    [
        ["corrupt", "not json at all {", "unreadable"],
        ["truncated", null!, "unreadable"],
        ["older schema", null!, "schema version"],
        ["foreign web root", null!, "web root"],
        ["another analyzer", null!, "analyzer 0.0.9"],
        ["analyzer not recorded", null!, "analyzer (not recorded)"],
        ["outside the root", null!, "inconsistent"],
        ["incomplete record", "{\"schemaVersion\":1,\"webRoot\":\"wwwroot\",\"roots\":[],\"modules\":[{\"url\":\"/a.js\"}]}", "unreadable"],
        ["null document", "null", "unreadable"],
    ];

    [TestMethod]
    [DynamicData(nameof(BadArtifacts))]
    public void BadArtifactIsReportedAndTheGraphIsBuiltFromTheFiles(string kind, string? content, string problem)
    {
        var artifact = ArtifactPath();
        using var site = SiteWithFiles(artifact);
        var good = DocumentFor(site);
        string Json(ModuleGraphDocument d) => System.Text.Encoding.UTF8.GetString(ModuleGraphSerializer.Serialize(d));
        var json = Json(good);
        content ??= kind switch
        {
            "truncated" => json[..(json.Length / 2)],
            "older schema" => Json(good with { SchemaVersion = 0 }),
            "foreign web root" => Json(good with { WebRoot = "public" }),
            // Same files and hashes, but analysed by other code (an upgraded package): the records may mean something else.
            "another analyzer" => Json(good with { Analyzer = "0.0.9 (mvid 00000000000000000000000000000000)" }),
            "analyzer not recorded" => Json(good with { Analyzer = null }),
            "outside the root" => Json(good with { Modules = [.. good.Modules, good.Modules[0] with { Url = "/../../etc/x.js" }] }),
            _ => throw new ArgumentException(kind),
        };
        Directory.CreateDirectory(Path.GetDirectoryName(artifact)!);
        File.WriteAllText(artifact, content);
        _ = site.Engine;
        StringAssert.Contains(site.Report!.ArtifactProblem, problem, kind);
        Assert.AreEqual(0, site.Report.ModulesFromArtifact);
        Assert.AreEqual(3, site.Report.ModulesAnalysed);
        site.Execute("/main.js", "/a.js", "/b.js");
        CollectionAssert.AreEqual(new[] { "/a.js<-/a.js" }, site.Edit("/b.js", "// v2").Update().Pairs());
    }

    [TestMethod]
    public void MissingArtifactIsReportedNotThrown()
    {
        using var site = SiteWithFiles(ArtifactPath());
        _ = site.Engine;
        StringAssert.Contains(site.Report!.ArtifactProblem, "not found");
        Assert.AreEqual(3, site.Report.ModulesAnalysed);
    }

    [TestMethod]
    public void ThrowingReaderIsReportedNotThrown()
    {
        var artifact = ArtifactPath();
        using var site = new TestSite(artifactPath: artifact, reader: new ThrowingReader()).Write("/a.js", "");
        Directory.CreateDirectory(Path.GetDirectoryName(artifact)!);
        File.WriteAllText(artifact, "{}");
        _ = site.Engine;
        StringAssert.Contains(site.Report!.ArtifactProblem, "boom");
        Assert.AreEqual(1, site.Report.ModulesAnalysed);
    }

    private sealed class ThrowingReader : IArtifactReader
    {
        public ModuleGraphDocument Read(Stream artifact) => throw new InvalidDataException("boom");
    }
}

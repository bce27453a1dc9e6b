using System.Text;
using Hmr.Core.Artifact;

namespace Hmr.Core.Tests.Artifact;

[TestClass]
public sealed class ModuleGraphSerializerTests
{
    private static ModuleGraphDocument Sample() => new(ModuleGraphDocument.CurrentSchemaVersion, "wwwroot", ["/js/main.js"],
    [
        new ModuleRecord("/js/main.js", "wwwroot/js/main.js", "ab12", 42,
            [
                new ResolvedImport("./a.js", "/js/a.js", "static", 1, 20, ["default", "x"]),
                new ResolvedImport("https://cdn/x.js", "https://cdn/x.js", "static", 2, 8, [], External: true),
                new ResolvedImport(null, null, "dynamic", 3, 8, null),
            ],
            ["main"],
            new HotRecord(true, false, ["/js/a.js"], ["main"]),
            [new DiagnosticRecord("HMR020", "warning", "bare \"é<&>\"", 4, 1)]),
        new ModuleRecord("/js/a.js", "wwwroot/js/a.js", "cd34", 7, [], [], HotRecord.None, []),
    ]) { ImportMapHash = "feed" };

    private string? directory;

    [TestCleanup]
    public void Cleanup()
    {
        if (directory is not null) Directory.Delete(directory, true);
    }

    private string TempFile(string name)
    {
        directory ??= Directory.CreateTempSubdirectory("hmr-serializer-").FullName;
        return Path.Combine(directory, name);
    }

    [TestMethod]
    public void Round_trips_every_field()
    {
        var bytes = ModuleGraphSerializer.Serialize(Sample());
        Assert.IsTrue(ModuleGraphSerializer.TryParse(bytes, out var read, out var problem), problem);
        Assert.AreEqual("wwwroot", read!.WebRoot);
        Assert.AreEqual("feed", read.ImportMapHash);
        CollectionAssert.AreEqual(new[] { "/js/main.js" }, read.Roots.ToArray());
        // Modules come back sorted by URL.
        Assert.AreEqual("/js/a.js", read.Modules[0].Url);
        var main = read.Modules[1];
        var original = Sample().Modules[0];
        Assert.AreEqual((original.Url, original.File, original.Hash, original.Size), (main.Url, main.File, main.Hash, main.Size));
        for (var i = 0; i < original.Imports.Count; i++)
        {
            var (a, b) = (original.Imports[i], main.Imports[i]);
            Assert.AreEqual((a.Specifier, a.Url, a.Kind, a.Line, a.Column, a.External), (b.Specifier, b.Url, b.Kind, b.Line, b.Column, b.External));
            CollectionAssert.AreEqual(a.Names?.ToArray(), b.Names?.ToArray());
        }
        Assert.IsNull(main.Imports[2].Names);
        CollectionAssert.AreEqual(new[] { "main" }, main.Exports.ToArray());
        Assert.AreEqual((true, false), (main.Hot.UsesHot, main.Hot.AcceptsSelf));
        CollectionAssert.AreEqual(new[] { "/js/a.js" }, main.Hot.AcceptedDeps.ToArray());
        CollectionAssert.AreEqual(new[] { "main" }, main.Hot.AcceptedExports!.ToArray());
        Assert.AreEqual(original.Diagnostics[0], main.Diagnostics[0]);
        Assert.IsNull(read.Modules[0].Hot.AcceptedExports);
        CollectionAssert.AreEqual(bytes, ModuleGraphSerializer.Serialize(read));
    }

    [TestMethod]
    public void Fields_added_by_a_newer_writer_are_skipped()
    {
        var text = Encoding.UTF8.GetString(ModuleGraphSerializer.Serialize(Sample()))
            .Replace("\"webRoot\"", "\"future\": { \"nested\": [1, {\"x\": null}] },\n  \"webRoot\"")
            .Replace("\"hash\": \"cd34\"", "\"hash\": \"cd34\", \"extra\": [\"a\"]");
        Assert.IsTrue(ModuleGraphSerializer.TryParse(Encoding.UTF8.GetBytes(text), out var read, out var problem), problem);
        CollectionAssert.AreEqual(ModuleGraphSerializer.Serialize(Sample()), ModuleGraphSerializer.Serialize(read!));
    }

    [TestMethod]
    public void The_live_engine_reads_what_the_build_writes()
    {
        var bytes = ModuleGraphSerializer.Serialize(Sample());
        var read = new Hmr.Core.Engine.SerializerArtifactReader().Read(new MemoryStream(bytes));
        Assert.AreEqual("feed", read.ImportMapHash);
        Assert.HasCount(2, read.Modules);
        var main = read.Modules.Single(m => m.Url == "/js/main.js");
        Assert.AreEqual(("ab12", 42L), (main.Hash, main.Size));
        Assert.IsTrue(main.Imports[1].External);
        Assert.IsNull(main.Imports[2].Names);
        CollectionAssert.AreEqual(new[] { "/js/a.js" }, main.Hot.AcceptedDeps.ToArray());
        Assert.AreEqual("HMR020", main.Diagnostics.Single().Code);
        // Same document, same bytes: nothing was lost on the way.
        CollectionAssert.AreEqual(bytes, ModuleGraphSerializer.Serialize(read));
    }

    [TestMethod]
    public void Output_is_deterministic_text_with_lf_newlines_and_camel_case_names()
    {
        var shuffled = Sample() with { Modules = Sample().Modules.Reverse().ToArray() };
        var bytes = ModuleGraphSerializer.Serialize(Sample());
        CollectionAssert.AreEqual(bytes, ModuleGraphSerializer.Serialize(shuffled));
        var text = Encoding.UTF8.GetString(bytes);
        Assert.DoesNotContain("\r", text);
        Assert.EndsWith("}\n", text);
        StringAssert.StartsWith(text, $"{{\n  \"schemaVersion\": 1,\n  \"analyzer\": \"{AnalyzerVersion.Current}\",\n  \"webRoot\": \"wwwroot\",");
        foreach (var name in new[] { "\"roots\"", "\"modules\"", "\"url\"", "\"file\"", "\"hash\"", "\"size\"", "\"imports\"", "\"specifier\"",
                     "\"kind\"", "\"line\"", "\"column\"", "\"names\"", "\"external\"", "\"exports\"", "\"hot\"", "\"usesHot\"",
                     "\"acceptsSelf\"", "\"acceptedDeps\"", "\"acceptedExports\"", "\"diagnostics\"", "\"code\"", "\"severity\"", "\"message\"" })
            Assert.Contains(name, text);
        Assert.Contains("bare \\\"é<&>\\\"", text, "non-ASCII and markup characters stay readable");
    }

    [TestMethod]
    public void WriteIfChanged_leaves_an_identical_file_alone()
    {
        var path = TempFile("hmr/module-graph.json");
        Assert.IsTrue(ModuleGraphSerializer.WriteIfChanged(Sample(), path));
        var stamp = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, stamp);
        Assert.IsFalse(ModuleGraphSerializer.WriteIfChanged(Sample(), path));
        Assert.AreEqual(stamp, File.GetLastWriteTimeUtc(path));
        Assert.IsTrue(ModuleGraphSerializer.WriteIfChanged(Sample() with { WebRoot = "public" }, path));
        Assert.IsEmpty(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.tmp"));
    }

    [TestMethod]
    public void TryRead_never_throws_on_bad_files()
    {
        var good = ModuleGraphSerializer.Serialize(Sample());
        var cases = new Dictionary<string, byte[]?>
        {
            ["missing"] = null,
            ["empty"] = [],
            ["truncated"] = good[..(good.Length / 2)],
            ["not json"] = "<html>"u8.ToArray(),
            ["array"] = "[1,2]"u8.ToArray(),
            ["older schema"] = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(good).Replace("\"schemaVersion\": 1", "\"schemaVersion\": 0")),
            ["no schema"] = "{\"webRoot\":\"wwwroot\"}"u8.ToArray(),
            ["wrong types"] = "{\"schemaVersion\":1,\"webRoot\":\"w\",\"roots\":[],\"modules\":[{\"url\":1}]}"u8.ToArray(),
            ["missing field"] = "{\"schemaVersion\":1,\"webRoot\":\"w\",\"roots\":[]}"u8.ToArray(),
            ["binary"] = [0xFF, 0xFE, 0x00, 0x7B],
        };
        foreach (var (name, bytes) in cases)
        {
            var path = TempFile(name.Replace(' ', '-') + ".json");
            if (bytes is not null) File.WriteAllBytes(path, bytes);
            Assert.IsFalse(ModuleGraphSerializer.TryRead(path, out var document, out var problem), name);
            Assert.IsNull(document, name);
            Assert.IsFalse(string.IsNullOrEmpty(problem), name);
        }
        var older = TempFile("older.json");
        File.WriteAllBytes(older, cases["older schema"]!);
        ModuleGraphSerializer.TryRead(older, out _, out var why);
        StringAssert.Contains(why, "schema version 0");
    }
    [TestMethod]
    public void The_same_graph_gives_the_same_bytes_every_time()
    {
        var first = ModuleGraphSerializer.Serialize(Sample());
        CollectionAssert.AreEqual(first, ModuleGraphSerializer.Serialize(Sample()), "two documents with the same content");
        var document = Sample();
        CollectionAssert.AreEqual(ModuleGraphSerializer.Serialize(document), ModuleGraphSerializer.Serialize(document), "one document twice");
        CollectionAssert.AreEqual(first, ModuleGraphSerializer.Serialize(Sample() with { Roots = ["/js/main.js", "/js/main.js"] }), "roots are distinct");
    }

    [TestMethod]
    public void Unicode_and_escapes_round_trip()
    {
        const string nasty = "é 日本 😀 \"quoted\" back\\slash tab\t new\nline \u0001 <script>&amp; \u2028";
        var document = Sample() with
        {
            Modules = [Sample().Modules[1] with { Url = "/js/é😀.js", File = "wwwroot/js/é😀.js", Exports = [nasty],
                Diagnostics = [new DiagnosticRecord("HMR020", "warning", nasty, 1, 1)] }],
            Roots = ["/js/é😀.js"],
        };
        var bytes = ModuleGraphSerializer.Serialize(document);
        Assert.IsTrue(ModuleGraphSerializer.TryParse(bytes, out var read, out var problem), problem);
        var module = read!.Modules.Single();
        Assert.AreEqual(("/js/é😀.js", "wwwroot/js/é😀.js", nasty, nasty), (module.Url, module.File, module.Exports.Single(), module.Diagnostics.Single().Message));
        CollectionAssert.AreEqual(bytes, ModuleGraphSerializer.Serialize(read));
        var text = Encoding.UTF8.GetString(bytes);
        Assert.Contains("é 日本", text, "non-ASCII stays readable");
        Assert.Contains("<script>&amp;", text, "markup characters stay readable");
        Assert.Contains("\\u0001", text, "control characters are escaped");
    }

    [TestMethod]
    public void An_artifact_that_does_not_name_its_analyzer_reads_as_none()
    {
        // A document made in this process carries this analyzer; one read from a file must not pretend it does.
        var text = Encoding.UTF8.GetString(ModuleGraphSerializer.Serialize(Sample()));
        text = text.Replace($"  \"analyzer\": \"{AnalyzerVersion.Current}\",\n", "");
        Assert.DoesNotContain("analyzer", text);
        Assert.IsTrue(ModuleGraphSerializer.TryParse(Encoding.UTF8.GetBytes(text), out var read, out var problem), problem);
        Assert.IsNull(read!.Analyzer);
        Assert.IsTrue(ModuleGraphSerializer.TryParse(ModuleGraphSerializer.Serialize(Sample() with { ImportMapHash = null }), out read, out _));
        Assert.IsNull(read!.ImportMapHash);
        Assert.AreEqual(AnalyzerVersion.Current, read.Analyzer);
    }

    [TestMethod]
    public void Properties_in_another_order_and_comments_are_read()
    {
        const string json = """
            // written by hand
            {
              "modules": [ { "diagnostics": [], "hot": { "acceptedExports": null, "acceptedDeps": [], "acceptsSelf": true, "usesHot": true },
                             "exports": [], "imports": [], "size": 3, "hash": "ab", "file": "wwwroot/a.js", "url": "/a.js" } ],
              "roots": [ "/a.js" ], /* the only one */
              "webRoot": "wwwroot",
              "schemaVersion": 1
            }
            """;
        Assert.IsTrue(ModuleGraphSerializer.TryParse(Encoding.UTF8.GetBytes(json), out var read, out var problem), problem);
        Assert.AreEqual(("/a.js", 3L, true), (read!.Modules.Single().Url, read.Modules.Single().Size, read.Modules.Single().Hot.AcceptsSelf));
    }

    [TestMethod]
    public void Null_items_in_lists_are_rejected()
    {
        var good = Encoding.UTF8.GetString(ModuleGraphSerializer.Serialize(Sample()));
        foreach (var list in new[] { "roots", "modules", "imports", "names", "exports", "acceptedDeps", "acceptedExports", "diagnostics" })
        {
            // The first non-empty list of that name (an indented one) gets a null first item.
            var opening = $"\"{list}\": [\n";
            Assert.Contains(opening, good, list);
            var at = good.IndexOf(opening, StringComparison.Ordinal) + opening.Length;
            var text = good[..at] + "null," + good[at..];
            Assert.IsFalse(ModuleGraphSerializer.TryParse(Encoding.UTF8.GetBytes(text), out var document, out var problem), list);
            Assert.IsNull(document, list);
            StringAssert.Contains(problem, "null", list);
        }
    }

    [TestMethod]
    public void Another_schema_is_named_even_when_its_shape_differs()
    {
        var newer = """{ "schemaVersion": 2, "graph": { "nodes": [] } }"""u8;
        Assert.IsFalse(ModuleGraphSerializer.TryParse(newer, out var document, out var problem));
        Assert.IsNull(document);
        StringAssert.Contains(problem, "schema version 2");
        Assert.IsFalse(ModuleGraphSerializer.TryParse("""{ "webRoot": "wwwroot", "roots": [], "modules": [] }"""u8, out _, out problem));
        StringAssert.Contains(problem, "schemaVersion");
    }
}

using Hmr.Core.Artifact;
using Hmr.Core.Resolution;

namespace Hmr.Core.Tests.Artifact;

/// <summary>Which modules the pages load (<see cref="ModuleGraphDocument.PageEntries"/>, <see cref="ModuleReach"/>):
/// from HTML pages and Razor files, through static and dynamic imports (docs/diagnostics.md, "Which modules are
/// reported").</summary>
[TestClass]
public sealed class PageReachTests
{
    private static ModuleGraphDocument Build(TempWebRoot root) =>
        ModuleGraphBuilder.Build(new ModuleGraphBuildOptions(root.ProjectDirectory, "wwwroot")).Document;

    private static void WriteProjectFile(TempWebRoot root, string relative, string content)
    {
        var path = Path.Combine(root.ProjectDirectory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }

    [TestMethod]
    public void Razor_scripts_and_html_pages_are_entries_and_their_imports_are_reached()
    {
        using var root = new TempWebRoot();
        root.Write("js/layout.js", "import './shared.js';\nimport('./lazy.js');\n");
        root.Write("js/shared.js", "export {};\n");
        root.Write("js/lazy.js", "export {};\n");
        root.Write("js/site.js", "// classic\n");
        root.Write("js/inline-target.js", "export {};\n");
        root.Write("about/page.js", "export {};\n");
        root.Write("lib/vendor/vendor.esm.js", "import './vendor-part.js';\n");
        root.Write("lib/vendor/vendor-part.js", "export {};\n");
        root.Write("about/index.html", "<script type=\"module\" src=\"page.js\"></script>");
        WriteProjectFile(root, "Pages/Shared/_Layout.cshtml",
            "<script src=\"~/js/site.js\" asp-append-version=\"true\"></script>\n<script type=\"module\" src=\"/js/layout.js?v=1\"></script>\n"
            + "<script type=\"module\" src=\"@Url.Content(\"~/js/dynamic.js\")\"></script>\n<script type=\"module\">import '/js/inline-target.js';</script>");
        WriteProjectFile(root, "bin/Debug/Stale.cshtml", "<script type=\"module\" src=\"~/lib/vendor/vendor.esm.js\"></script>");

        var document = Build(root);

        CollectionAssert.AreEqual(new[] { "/about/page.js", "/js/inline-target.js", "/js/layout.js", "/js/site.js" }, document.PageEntries!.ToArray());
        var reached = ModuleReach.FromPages(document)!;
        foreach (var url in new[] { "/js/layout.js", "/js/shared.js", "/js/lazy.js", "/about/page.js" }) Assert.IsTrue(reached.Includes(url), url);
        Assert.IsFalse(reached.Includes("/lib/vendor/vendor.esm.js"), "no page loads the vendor copy (bin/ is not the app's)");
        Assert.IsFalse(reached.Includes("/lib/vendor/vendor-part.js"));
    }

    [TestMethod]
    public void Without_any_page_every_module_counts_as_reached()
    {
        using var root = new TempWebRoot();
        root.Write("js/a.js", "import 'lodash';\n");
        WriteProjectFile(root, "Views/Plain.cshtml", "<p>no scripts here</p>");

        var document = Build(root);

        Assert.IsNull(document.PageEntries);
        Assert.IsTrue(ModuleReach.FromPages(document).Includes("/js/a.js"));
    }

    [TestMethod]
    public void Page_entries_survive_the_artifact()
    {
        using var root = new TempWebRoot();
        root.Write("index.html", "<script type=\"module\" src=\"/a.js\"></script>");
        root.Write("a.js", "export {};\n");
        var file = Path.Combine(root.ProjectDirectory, "graph.json");
        ModuleGraphSerializer.WriteIfChanged(Build(root), file);
        Assert.IsTrue(ModuleGraphSerializer.TryRead(file, out var read, out var problem), problem);
        CollectionAssert.AreEqual(new[] { "/a.js" }, read!.PageEntries!.ToArray());
        StringAssert.Contains(File.ReadAllText(file), "\"pageEntries\"");
    }

    [TestMethod]
    [DataRow("~/js/app.js", "/js/app.js")]
    [DataRow("/js/app.js?v=abc#x", "/js/app.js")]
    [DataRow("  ~/js/app.js  ", "/js/app.js")]
    [DataRow("js/app.js", null)] // relative to the request: unknown before rendering
    [DataRow("//cdn.example/app.js", null)]
    [DataRow("https://cdn.example/app.js", null)]
    [DataRow("@Model.Script", null)]
    public void A_Razor_src_is_known_when_it_does_not_depend_on_the_request(string src, string? url)
    {
        Assert.AreEqual(url, RazorPages.ScriptUrl(src));
    }
}

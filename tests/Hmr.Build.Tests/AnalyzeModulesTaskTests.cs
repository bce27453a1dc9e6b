using System.Text.RegularExpressions;
using Hmr.Core.Artifact;
using Microsoft.Build.Framework;

namespace Hmr.Build.Tests;

/// <summary>The task in-process, with the real lexer and a fake build engine.</summary>
[TestClass]
public sealed class AnalyzeModulesTaskTests
{
    private TaskProjectFolder folder = null!;
    private string project = "";

    [TestInitialize]
    public void CreateProject()
    {
        folder = new TaskProjectFolder();
        project = folder.Root;
        Write("wwwroot/index.html", "<script type=\"module\" src=\"/js/app.js\"></script>\n");
        Write("wwwroot/js/app.js", "import { helper } from './helper.js';\n\nimport missing from './missing.js';\nhelper();\n");
        Write("wwwroot/js/helper.js", "export function helper() {}\n");
    }

    [TestCleanup]
    public void DeleteProject() => folder.Dispose();

    private void Write(string relative, string content) => folder.Write(relative, content);

    private string GraphFile => folder.GraphFile;

    private (AnalyzeModules Task, FakeBuildEngine Engine, bool Result) Run(bool warningsAsErrors = false)
    {
        var engine = new FakeBuildEngine();
        var task = new AnalyzeModules
        {
            BuildEngine = engine,
            ProjectDirectory = project,
            WebRoot = "wwwroot",
            GraphFile = GraphFile,
            TreatWarningsAsErrors = warningsAsErrors,
        };
        return (task, engine, task.Execute());
    }

    [TestMethod]
    public void Writes_the_graph_and_logs_unresolved_imports_as_warnings_with_position()
    {
        var (task, engine, result) = Run();

        Assert.IsTrue(result);
        Assert.IsEmpty(engine.Errors);
        var warning = engine.Warnings.Single();
        Assert.AreEqual(GraphDiagnosticCodes.NoFileAtUrl, warning.Code);
        Assert.AreEqual(Path.Combine(project, "wwwroot/js/app.js"), warning.File);
        Assert.AreEqual(3, warning.LineNumber);
        Assert.AreEqual(21, warning.ColumnNumber);
        StringAssert.Contains(warning.Message, "/js/missing.js");

        Assert.IsTrue(ModuleGraphSerializer.TryRead(GraphFile, out var graph, out var problem), problem);
        CollectionAssert.AreEqual(new[] { "/js/app.js", "/js/helper.js" }, graph!.Modules.Select(m => m.Url).ToArray());
        CollectionAssert.AreEqual(new[] { "/js/app.js" }, graph.Roots.ToArray());
        Assert.AreEqual(2, task.ModuleCount);
        Assert.AreEqual(2, task.ReparsedCount);

        var summary = engine.Messages.Single(m => m.Message!.StartsWith("Hmr: 2 modules", StringComparison.Ordinal));
        Assert.AreEqual(MessageImportance.Normal, summary.Importance);
        Assert.MatchesRegex(new Regex(@"^Hmr: 2 modules, 2 imports, \d+ bytes analysed in \d+ ms \(2 re-parsed\)$"), summary.Message!);
    }

    [TestMethod]
    public void Warnings_become_errors_when_asked()
    {
        var (_, engine, result) = Run(warningsAsErrors: true);
        Assert.IsFalse(result);
        Assert.IsEmpty(engine.Warnings);
        var error = engine.Errors.Single();
        Assert.AreEqual((GraphDiagnosticCodes.NoFileAtUrl, 3, 21), (error.Code, error.LineNumber, error.ColumnNumber));
    }

    [TestMethod]
    public void A_second_run_re_parses_nothing_and_leaves_the_file_alone()
    {
        Run();
        var stamp = new DateTime(2021, 5, 5, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(GraphFile, stamp);

        var (task, engine, _) = Run();
        Assert.AreEqual(0, task.ReparsedCount);
        Assert.AreEqual(stamp, File.GetLastWriteTimeUtc(GraphFile));
        Assert.IsTrue(engine.Messages.Any(m => m.Message!.EndsWith("(0 re-parsed)", StringComparison.Ordinal)));

        Write("wwwroot/js/helper.js", "export function helper() { return 2; }\n");
        Assert.AreEqual(1, Run().Task.ReparsedCount);
    }

    [TestMethod]
    public void A_graph_from_another_analyzer_is_not_used_as_a_cache()
    {
        Run();
        Assert.IsTrue(ModuleGraphSerializer.TryRead(GraphFile, out var first, out var problem), problem);
        Assert.AreEqual(AnalyzerVersion.Current, first!.Analyzer);

        // What an obj/ folder holds after a package upgrade: same sources and hashes, records of older analysis code.
        File.WriteAllBytes(GraphFile, ModuleGraphSerializer.Serialize(first with { Analyzer = "0.0.9 (mvid 00000000000000000000000000000000)" }));
        var (task, engine, result) = Run();
        Assert.IsTrue(result);
        Assert.AreEqual(2, task.ReparsedCount);
        var note = engine.Messages.Single(m => m.Code == GraphDiagnosticCodes.PreviousGraphUnreadable);
        StringAssert.Contains(note.Message, "analyzer 0.0.9");
        Assert.IsTrue(ModuleGraphSerializer.TryRead(GraphFile, out var rewritten, out _));
        Assert.AreEqual(AnalyzerVersion.Current, rewritten!.Analyzer);

        Assert.AreEqual(0, Run().Task.ReparsedCount, "same analyzer: the cache is used");
    }

    [TestMethod]
    public void A_corrupt_previous_graph_is_ignored()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(GraphFile)!);
        File.WriteAllText(GraphFile, "{ \"schemaVersion\": 1, \"modules\": [");
        var (task, engine, result) = Run();
        Assert.IsTrue(result);
        Assert.AreEqual(2, task.ReparsedCount);
        Assert.IsTrue(engine.Messages.Any(m => m.Code == GraphDiagnosticCodes.PreviousGraphUnreadable));
        Assert.IsTrue(ModuleGraphSerializer.TryRead(GraphFile, out _, out _));
    }

    [TestMethod]
    public void Syntax_errors_are_warnings_with_the_lexer_code_and_position()
    {
        Write("wwwroot/js/broken.js", "export const ok = 1;\nconst s = 'never closed\n");
        Write("wwwroot/js/helper.js", "export function helper() {}\nimport('./broken.js');\n"); // the page reaches it
        var (_, engine, result) = Run();
        Assert.IsTrue(result, "a syntax error never fails the build");
        var syntax = engine.Warnings.Single(w => w.File.EndsWith("broken.js", StringComparison.Ordinal));
        Assert.MatchesRegex(new Regex("^HMR0[01][0-9]$"), syntax.Code);
        Assert.AreEqual(2, syntax.LineNumber);
        Assert.IsGreaterThan(0, syntax.ColumnNumber);
    }

    [TestMethod]
    public void A_module_no_page_loads_is_analysed_quietly_and_a_page_the_Razor_layout_names_is_not()
    {
        // A vendor copy no page loads, with the problems of bootstrap.esm.js in the template: messages, not warnings.
        Write("wwwroot/lib/vendor/vendor.esm.js", "import { createPopper } from '@popperjs/core';\nimport './gone.js';\nconst s = 'never closed\n");
        // A module only a Razor layout loads: reached, so its problems are warnings.
        Write("Views/Shared/_Layout.cshtml", "<html><body>@RenderBody()\n<script type=\"module\" src=\"~/js/layout.js\" asp-append-version=\"true\"></script></body></html>\n");
        Write("wwwroot/js/layout.js", "import './nowhere.js';\n");
        var (_, engine, result) = Run();

        Assert.IsTrue(result);
        Assert.IsFalse(engine.Warnings.Any(w => w.File.EndsWith("vendor.esm.js", StringComparison.Ordinal)), string.Join("\n", engine.Warnings.Select(w => w.Message)));
        var quiet = engine.Messages.Where(m => m.File?.EndsWith("vendor.esm.js", StringComparison.Ordinal) == true).ToList();
        Assert.IsTrue(quiet.Any(m => m.Code == GraphDiagnosticCodes.BareSpecifierUnmapped && m.LineNumber == 1 && m.ColumnNumber > 0), "still there with -v:n, with code and place");
        Assert.IsTrue(quiet.All(m => m.Importance == Microsoft.Build.Framework.MessageImportance.Normal && m.Message!.Contains("no page loads this module", StringComparison.Ordinal)));
        var layout = engine.Warnings.Single(w => w.File.EndsWith("layout.js", StringComparison.Ordinal));
        Assert.AreEqual(GraphDiagnosticCodes.NoFileAtUrl, layout.Code);
        Assert.AreEqual((1, 8), (layout.LineNumber, layout.ColumnNumber));
        Assert.IsTrue(ModuleGraphSerializer.TryRead(GraphFile, out var graph, out _));
        CollectionAssert.AreEqual(new[] { "/js/app.js", "/js/layout.js" }, graph!.PageEntries!.ToArray(), "the graph says which modules the pages load");
        Assert.IsTrue(graph.Modules.Single(m => m.Url == "/lib/vendor/vendor.esm.js").Diagnostics.Count >= 2, "and keeps the quiet module's problems");
    }
}

using Hmr.Core.Engine;
using Hmr.Core.Protocol;

namespace Hmr.Runtime.Tests.Serving;

/// <summary>Bare specifiers mapped by a page's import map: left bare until their module is updated, then the stamped
/// module URL, so an importer re-run after the update gets the new module instead of the browser's cached one.</summary>
[TestClass]
public sealed class ImportMapStampingTests
{
    private static Dictionary<string, string> Site() => new()
    {
        ["wwwroot/index.html"] = "<!doctype html><html><head><script type=\"importmap\">{\"imports\":{\"lib\":\"/js/lib.js\",\"lib/\":\"/js/lib/\"}}</script>"
            + "</head><body><script type=\"module\" src=\"/js/main.js\"></script></body></html>",
        ["wwwroot/js/main.js"] = "import { x } from 'lib';\nimport { y } from \"lib/util.js\";\nimport 'unmapped';\nexport const z = x + y;\nimport.meta.hot.accept();\n",
        ["wwwroot/js/viewer.js"] = "import * as lib from 'lib';\nimport.meta.hot.accept('lib', (m) => console.log(m.x));\n",
        ["wwwroot/js/lib.js"] = "export const x = 1;\n",
        ["wwwroot/js/lib/util.js"] = "export const y = 2;\n",
    };

    [TestMethod]
    public async Task Mapped_bare_specifier_stays_bare_until_its_module_is_updated()
    {
        await using var app = await TestApp.StartAsync(Site());
        var before = await app.Http.GetStringAsync("/js/main.js");
        StringAssert.Contains(before, "import { x } from 'lib';");
        StringAssert.Contains(before, "import { y } from \"lib/util.js\";");
        await app.Http.GetStringAsync("/js/lib.js");

        var outcome = app.Edit("js/lib.js", "export const x = 10;\n");
        var update = outcome.Messages.OfType<UpdateMessage>().Single().Updates.Single();
        Assert.AreEqual("/js/main.js", update.Path, "the engine follows the import map too");
        var stamp = app.Engine.GetModule("/js/lib.js")!.LastUpdateTimestamp;

        var after = await app.Http.GetStringAsync($"/js/main.js?t={stamp}");
        StringAssert.Contains(after, $"import {{ x }} from '/js/lib.js?t={stamp}';");
        StringAssert.Contains(after, "import { y } from \"lib/util.js\";", "a module never updated keeps its bare name");
        StringAssert.Contains(after, "import 'unmapped';");
    }

    [TestMethod]
    public async Task Module_mapped_through_a_prefix_entry_is_stamped_too()
    {
        await using var app = await TestApp.StartAsync(Site());
        await app.Http.GetStringAsync("/js/main.js");
        await app.Http.GetStringAsync("/js/lib/util.js");

        app.Edit("js/lib/util.js", "export const y = 20;\n");
        var stamp = app.Engine.GetModule("/js/lib/util.js")!.LastUpdateTimestamp;

        StringAssert.Contains(await app.Http.GetStringAsync("/js/main.js"), $"import {{ y }} from \"/js/lib/util.js?t={stamp}\";");
    }

    [TestMethod]
    public async Task Bare_accepted_dependency_becomes_the_module_url_the_client_matches()
    {
        await using var app = await TestApp.StartAsync(Site());
        var body = await app.Http.GetStringAsync("/js/viewer.js");
        StringAssert.Contains(body, "import * as lib from 'lib';");
        StringAssert.Contains(body, "import.meta.hot.accept('/js/lib.js', (m)");
    }

    [TestMethod]
    public async Task Edited_import_map_applies_to_modules_served_after_it()
    {
        await using var app = await TestApp.StartAsync(Site());
        await app.Http.GetStringAsync("/js/main.js");
        await app.Http.GetStringAsync("/js/lib.js");
        app.Edit("js/lib.js", "export const x = 10;\n");
        TestApp.Write(app.Root, "wwwroot/js/other.js", "export const x = 3;\n");
        TestApp.Write(app.Root, "wwwroot/index.html", Site()["wwwroot/index.html"].Replace("\"lib\":\"/js/lib.js\"", "\"lib\":\"/js/other.js\""));
        app.Engine.ApplyChanges([new FileChange(Path.Combine(app.WebRoot, "js", "other.js"), FileChangeKind.Created)]);
        // The page edit reaches the runtime through the watcher; wait for it to drop the old map.
        var body = await Eventually(() => app.Http.GetStringAsync("/js/main.js"), text => text.Contains("import { x } from 'lib';"));
        StringAssert.Contains(body, "import { x } from 'lib';", "other.js was never updated, so 'lib' stays bare");
    }

    [TestMethod]
    public async Task Edited_import_map_changes_both_what_propagates_and_what_is_served()
    {
        await using var app = await TestApp.StartAsync(Site());
        TestApp.Write(app.Root, "wwwroot/js/other.js", "export const x = 3;\n");
        app.Engine.ApplyChanges([new FileChange(Path.Combine(app.WebRoot, "js", "other.js"), FileChangeKind.Created)]);
        StringAssert.Contains(await app.Http.GetStringAsync("/js/viewer.js"), "import.meta.hot.accept('/js/lib.js',");
        await app.Http.GetStringAsync("/js/lib.js");
        Assert.AreEqual("/js/lib.js", app.Edit("js/lib.js", "export const x = 10;\n").Messages.OfType<UpdateMessage>().Single().Updates
            .Single(u => u.Path == "/js/viewer.js").AcceptedPath);

        var outcome = app.Edit("index.html", Site()["wwwroot/index.html"].Replace("\"lib\":\"/js/lib.js\"", "\"lib\":\"/js/other.js\""));

        Assert.AreEqual("/index.html", outcome.Messages.OfType<FullReloadMessage>().Single().Path, "the edited page reloads");
        Assert.IsFalse(outcome.Messages.OfType<UpdateMessage>().Any(), "nothing else is propagated");
        // What the reloaded page is served follows the new map: the accepted dependency and the (stamped) import.
        var viewer = await app.Http.GetStringAsync("/js/viewer.js");
        StringAssert.Contains(viewer, "import.meta.hot.accept('/js/other.js',");
        var main = await app.Http.GetStringAsync("/js/main.js");
        StringAssert.Contains(main, "import { x } from 'lib';", "other.js was never updated, so 'lib' stays bare for the page's map");
        Assert.IsFalse(main.Contains("/js/lib.js", StringComparison.Ordinal), main);
        await app.Http.GetStringAsync("/js/other.js");
        // And what propagates follows it too: other.js is accepted by viewer.js, lib.js is nobody's dependency now.
        var update = app.Edit("js/other.js", "export const x = 30;\n").Messages.OfType<UpdateMessage>().Single().Updates;
        CollectionAssert.AreEquivalent(new[] { "/js/viewer.js|/js/other.js", "/js/main.js|/js/main.js" },
            update.Select(u => u.Path + "|" + u.AcceptedPath).ToArray());
        var lib = app.Edit("js/lib.js", "export const x = 100;\n").Messages;
        Assert.IsFalse(lib.OfType<UpdateMessage>().Any() || lib.OfType<FullReloadMessage>().Any(), string.Join(", ", lib));
    }

    private static async Task<string> Eventually(Func<Task<string>> read, Func<string, bool> done)
    {
        var text = await read();
        for (var i = 0; i < 600 && !done(text); i++)
        {
            await Task.Delay(50);
            text = await read();
        }
        return text;
    }
}

using Hmr.Core.Engine;
using Hmr.Core.Protocol;

namespace Hmr.Runtime.Tests.Sockets;

/// <summary>The updates a page gets for what it loaded through the runtime: a module requested by its MapStaticAssets
/// fingerprinted URL is the module the updates name, and a boundary inside an import cycle is flagged so the client
/// reloads if its re-import throws (both also checked in Chromium, see docs/runtime.md).</summary>
[TestClass]
public sealed class UpdateShapeTests
{
    [TestMethod]
    public async Task Module_loaded_by_its_fingerprinted_url_gets_updates_under_its_module_url()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string>
        {
            ["wwwroot/js/app.js"] = "import { msg } from './msg.js';\ndocument.title = msg;\nimport.meta.hot.accept();\n",
            ["wwwroot/js/msg.js"] = "export const msg = 'one';\n",
        });
        var served = await app.Http.GetStringAsync("/js/app.1x2ckht6dr.js");
        StringAssert.Contains(served, "__hmr_createHotContext(\"/js/app.js\")");
        await app.Http.GetStringAsync("/js/msg.0123456789.js");

        var update = app.Edit("js/msg.js", "export const msg = 'two';\n").Messages.OfType<UpdateMessage>().Single().Updates.Single();

        Assert.AreEqual("/js/app.js", update.Path);
        Assert.AreEqual("/js/app.js", update.AcceptedPath);
        StringAssert.Contains(await app.Http.GetStringAsync($"/js/app.js?t={update.Timestamp}"), $"from '/js/msg.js?t={update.Timestamp}';");
    }

    [TestMethod]
    public async Task Boundary_inside_an_import_cycle_is_flagged()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string>
        {
            ["wwwroot/js/main.js"] = "import './a.js';\n",
            ["wwwroot/js/a.js"] = "import { b } from './b.js';\nexport const a = 'a';\n",
            ["wwwroot/js/b.js"] = "import { a } from './a.js';\nexport const b = 'b';\nimport.meta.hot.accept();\n",
            ["wwwroot/js/leaf.js"] = "export const leaf = 1;\nimport.meta.hot.accept();\n",
        });
        foreach (var module in new[] { "main", "a", "b", "leaf" }) await app.Http.GetStringAsync($"/js/{module}.js");

        var inCycle = app.Edit("js/b.js", "import { a } from './a.js';\nexport const b = 'b2';\nimport.meta.hot.accept();\n");
        var outside = app.Edit("js/leaf.js", "export const leaf = 2;\nimport.meta.hot.accept();\n");

        Assert.IsTrue(inCycle.Messages.OfType<UpdateMessage>().Single().Updates.Single().IsWithinCircularImport);
        Assert.IsFalse(outside.Messages.OfType<UpdateMessage>().Single().Updates.Single().IsWithinCircularImport);
    }
}

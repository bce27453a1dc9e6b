using Hmr.Core.Engine;
using Hmr.Core.Protocol;

namespace Hmr.Runtime.Tests.Serving;

/// <summary>A page loaded while a module is broken: it gets the overlay from the stand-in module, and the save that
/// fixes the file produces a message the page can recover from (the client reloads when the update's boundary never
/// ran because the broken module stopped its importers).</summary>
[TestClass]
public sealed class BrokenModuleRecoveryTests
{
    private const string Broken = "export let count = 0;\nimport.meta.hot.accept();\nconst s = 'oops\n";
    private const string Fixed = "export let count = 0;\nimport.meta.hot.accept();\nconst s = 'fixed';\n";

    private static Dictionary<string, string> Site(string counter) => new()
    {
        ["wwwroot/index.html"] = "<!doctype html><html><head></head><body><script type=\"module\" src=\"/js/main.js\"></script></body></html>",
        ["wwwroot/js/main.js"] = "import def, { count, label as shown } from './counter.js';\ndocument.title = String(count) + shown + def;\n",
        ["wwwroot/js/counter.js"] = counter,
    };

    [TestMethod]
    public async Task Module_broken_at_startup_is_served_as_the_overlay_stand_in_and_its_fix_is_propagated()
    {
        await using var app = await TestApp.StartAsync(Site(Broken));
        await app.Http.GetStringAsync("/js/main.js");
        var standIn = await app.Http.GetStringAsync("/js/counter.js");
        StringAssert.Contains(standIn, "__hmr_reportModuleError({\"message\":");
        StringAssert.Contains(standIn, "\"loc\":{\"file\":\"/js/counter.js\",\"line\":3,");
        // What main.js imports must exist, or the browser fails the page while linking, before the overlay shows.
        StringAssert.Contains(standIn, "export { __hmr_unavailable as count, __hmr_unavailable as default, __hmr_unavailable as label };");

        var outcome = Fix(app);

        Assert.IsTrue(outcome.Messages.Any(IsUpdateOrReloadOf), $"messages: {Describe(outcome)}");
        StringAssert.StartsWith(await app.Http.GetStringAsync("/js/counter.js"), "import { createHotContext");
    }

    [TestMethod]
    public async Task Module_broken_after_startup_and_loaded_broken_gets_its_fix_propagated()
    {
        await using var app = await TestApp.StartAsync(Site(Fixed));
        await app.Http.GetStringAsync("/js/main.js");
        await app.Http.GetStringAsync("/js/counter.js");
        TestApp.Write(app.Root, "wwwroot/js/counter.js", Broken);
        var breaking = app.Engine.ApplyChanges([Change(app)]);
        Assert.IsTrue(breaking.Messages.OfType<ErrorMessage>().Any(), $"messages: {Describe(breaking)}");
        // The page is reloaded now, while the file is broken: it gets the stand-in.
        await app.Http.GetStringAsync("/js/main.js");
        StringAssert.StartsWith(await app.Http.GetStringAsync("/js/counter.js"), "import { reportModuleError");

        var outcome = Fix(app, "export let count = 1;\nimport.meta.hot.accept();\n");

        Assert.IsTrue(outcome.Messages.Any(IsUpdateOrReloadOf), $"messages: {Describe(outcome)}");
    }

    private static EngineOutcome Fix(TestApp app, string content = Fixed) => app.Edit("js/counter.js", content);

    private static FileChange Change(TestApp app) => new(Path.Combine(app.WebRoot, "js", "counter.js"), FileChangeKind.Changed);

    private static bool IsUpdateOrReloadOf(HmrMessage message) => message switch
    {
        UpdateMessage update => update.Updates.Any(u => u.AcceptedPath == "/js/counter.js"),
        FullReloadMessage => true,
        _ => false,
    };

    private static string Describe(EngineOutcome outcome) =>
        string.Join("; ", outcome.Messages.Select(m => m.ToString())) + " | " + outcome.Trace.ReloadReason + " | " + string.Join(", ", outcome.Trace.Detail);
}

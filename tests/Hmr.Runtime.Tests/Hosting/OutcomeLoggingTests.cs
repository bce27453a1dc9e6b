using Hmr.Core.Engine;
using Hmr.Core.Protocol;
using Hmr.Runtime.Hosting;
using Hmr.Runtime.Tests.Dependencies;

namespace Hmr.Runtime.Tests.Hosting;

/// <summary>The one server log line per update or reload (docs/runtime.md): it names what the update came through, and
/// says why a reload happened.</summary>
[TestClass]
public sealed class OutcomeLoggingTests
{
    private static IReadOnlyList<string> Log(IReadOnlyList<string> changed, string? reason, params HmrMessage[] sent) =>
        Log(changed, reason, morphPages: false, sent);

    private static IReadOnlyList<string> Log(IReadOnlyList<string> changed, string? reason, bool morphPages, params HmrMessage[] sent)
    {
        var logs = new CollectingLogs();
        logs.CreateLogger("Hmr").LogOutcome(new UpdateTrace(changed, [], reason, TimeSpan.FromMilliseconds(2), []), sent, morphPages);
        return [.. logs.Entries.Select(e => e.Message)];
    }

    private static UpdateMessage Update(string path, string acceptedPath) =>
        new([new ModuleUpdate(UpdateType.JsUpdate, 1, path, acceptedPath, false, null, [])]);

    [TestMethod]
    [DataRow("/js/app.js", "/js/message.js", "/js/message.js", "hmr update /js/app.js (via /js/message.js) in 2 ms")] // accepts the dependency
    [DataRow("/js/app.js", "/js/app.js", "/js/message.js", "hmr update /js/app.js (via /js/message.js) in 2 ms")] // accepts itself, imports the change
    [DataRow("/js/app.js", "/js/app.js", "/js/app.js", "hmr update /js/app.js in 2 ms")] // the change itself
    public void An_update_names_what_it_came_through(string path, string acceptedPath, string changed, string line)
    {
        CollectionAssert.AreEqual(new[] { line }, Log([changed], null, Update(path, acceptedPath)).ToArray());
    }

    [TestMethod]
    public void A_reload_says_why_in_one_line()
    {
        const string Reason = "/js/footer.js changed; no module accepts it: /js/footer.js <- /js/main.js <- the page";
        CollectionAssert.AreEqual(new[] { "page reload: " + Reason },
            Log(["/js/footer.js"], Reason, new FullReloadMessage("*", "/js/footer.js", Reason)).ToArray());
    }

    [TestMethod]
    public void A_page_edit_is_a_reload_only_without_the_morph()
    {
        var pageReload = new FullReloadMessage("/about.html", "/about.html", "/about.html changed; a page reloads when it is edited");
        CollectionAssert.AreEqual(new[] { "page reload: /about.html changed; a page reloads when it is edited" },
            Log(["/about.html"], "page edited: /about.html", morphPages: false, pageReload).ToArray());
        CollectionAssert.AreEqual(new[] { "page edited: /about.html (morphed into the tabs showing it; reloaded where a morph is not safe)" },
            Log(["/about.html"], "page edited: /about.html", morphPages: true, pageReload).ToArray());
        // A module's dead end still reloads every page, morph or not.
        CollectionAssert.AreEqual(new[] { "page reload: x" }, Log(["/js/a.js"], "x", morphPages: true, new FullReloadMessage("*", "/js/a.js", "x")).ToArray());
    }
}

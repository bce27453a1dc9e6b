using System.Text.Json;

namespace Hmr.Runtime.Tests.Hardening;

/// <summary>A module replaced, between its change event and its read, by something unreadable: a directory, then a
/// dangling symbolic link (tests run as root, where chmod 000 blocks nothing). The server keeps running, and the next
/// good save reaches the browser with a fresh URL for the module.</summary>
[TestClass]
public sealed class VanishingFileTests
{
    [TestMethod]
    public async Task After_a_directory_and_a_dangling_link_the_next_good_save_is_an_update()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string>
        {
            ["wwwroot/v/main.js"] = "import { dep } from './dep.js';\nexport const m = dep;\nimport.meta.hot?.accept();\n",
            ["wwwroot/v/dep.js"] = "export const dep = 'dep 0';\n",
        });
        var dep = Path.Combine(app.WebRoot, "v", "dep.js");
        Assert.AreEqual(200, (await RawHttp.GetAsync(app.Address, "/v/main.js")).Status);
        Assert.AreEqual(200, (await RawHttp.GetAsync(app.Address, "/v/dep.js")).Status);
        await using var tab = await SocketClient.ConnectAsync(app);
        await tab.ReceiveTypeAsync("connected");
        var seen = new List<string>();

        File.WriteAllText(dep, "export const dep = 'torn';\n");
        File.Delete(dep);
        Directory.CreateDirectory(dep);
        seen.Add("after the directory: " + await TryReceiveAsync(tab, TimeSpan.FromSeconds(3)));
        var asDirectory = await RawHttp.GetAsync(app.Address, "/v/dep.js");

        Directory.Delete(dep);
        File.CreateSymbolicLink(dep, Path.Combine(app.Root, "no-such-file.js"));
        await Task.Delay(500);
        var asDanglingLink = await RawHttp.GetAsync(app.Address, "/v/dep.js");
        File.Delete(dep);

        File.WriteAllText(dep, "export const dep = 'dep 1';\n");
        string? update;
        do
        {
            update = await TryReceiveAsync(tab, TimeSpan.FromSeconds(5));
            seen.Add("after the good save: " + update);
        } while (update is not null && !update.Contains("dep.js", StringComparison.Ordinal) && seen.Count < 10);

        Assert.IsLessThan(500, asDirectory.Status, asDirectory.Head);
        Assert.IsLessThan(500, asDanglingLink.Status, asDanglingLink.Head);
        // The module that imports dep.js, as the browser re-imports it now, must point at a fresh dep.js URL.
        var main = await RawHttp.GetAsync(app.Address, "/v/main.js?t=1");
        StringAssert.Matches(main.BodyText, new System.Text.RegularExpressions.Regex(@"/v/dep\.js\?t=\d+"), string.Join("\n", seen) + "\n" + main.BodyText);
        var served = await RawHttp.GetAsync(app.Address, "/v/dep.js");
        StringAssert.Contains(served.BodyText, "dep 1");
    }

    private static async Task<string?> TryReceiveAsync(SocketClient tab, TimeSpan timeout)
    {
        try { return JsonSerializer.Serialize(await tab.ReceiveAsync(timeout)); }
        catch (OperationCanceledException) { return null; }
    }
}

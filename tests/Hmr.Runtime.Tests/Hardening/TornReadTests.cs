namespace Hmr.Runtime.Tests.Hardening;

/// <summary>A module requested while its writer has truncated it but not written yet (the 500-saves storm of the
/// fault suite reloaded a page into exactly that moment): the browser must not get the empty file, which would run
/// without a hot context and ignore every later update.</summary>
[TestClass]
public sealed class TornReadTests
{
    [TestMethod]
    public async Task A_module_read_mid_write_is_served_once_written()
    {
        await using var app = await TestApp.StartAsync(new Dictionary<string, string>
        {
            ["wwwroot/s/main.js"] = "export const v = 'storm 0';\nimport.meta.hot?.accept();\n",
        });
        var file = Path.Combine(app.WebRoot, "s", "main.js");
        Assert.AreEqual(200, (await RawHttp.GetAsync(app.Address, "/s/main.js")).Status);

        await File.WriteAllTextAsync(file, ""); // truncated…
        var request = RawHttp.GetAsync(app.Address, "/s/main.js");
        await Task.Delay(60);
        await File.WriteAllTextAsync(file, "export const v = 'storm 1';\nimport.meta.hot?.accept();\n"); // …then written
        var response = await request;

        Assert.AreEqual(200, response.Status);
        StringAssert.Contains(response.BodyText, "storm 1");
        StringAssert.Contains(response.BodyText, "createHotContext");
    }
}

namespace Hmr.Runtime.Tests.Serving;

[TestClass]
public sealed class PathSafetyTests
{
    private const string Secret = "TOP-SECRET-OUTSIDE-WEB-ROOT";

    private static Task<TestApp> StartAsync() => TestApp.StartAsync(new Dictionary<string, string>
    {
        ["secret.js"] = $"export const s = '{Secret}';\n",
        ["outside/secret.js"] = $"export const s = '{Secret}';\n",
        ["wwwroot/js/app.js"] = "export const a = 1;\n",
        ["wwwroot/.hidden.js"] = $"export const h = '{Secret}';\n",
        ["wwwroot/.git/config.js"] = $"export const g = '{Secret}';\n",
    }, prepare: root =>
    {
        File.CreateSymbolicLink(Path.Combine(root, "wwwroot", "link.js"), Path.Combine(root, "secret.js"));
        Directory.CreateSymbolicLink(Path.Combine(root, "wwwroot", "up"), Path.Combine(root, "outside"));
    });

    [TestMethod]
    [DataRow("/../secret.js")]
    [DataRow("/js/../../secret.js")]
    [DataRow("/%2e%2e/secret.js")]
    [DataRow("/%2e%2e%2fsecret.js")]
    [DataRow("/js/%2E%2E%2F%2E%2E%2Fsecret.js")]
    [DataRow("/%252e%252e%252fsecret.js")]
    [DataRow("/js/..%5c..%5csecret.js")]
    [DataRow("/js/..\\..\\secret.js")]
    [DataRow("/secret.js%00.js")]
    [DataRow("/js/app.js%00")]
    [DataRow("/.hidden.js")]
    [DataRow("/.git/config.js")]
    [DataRow("/link.js")]
    [DataRow("/up/secret.js")]
    [DataRow("/js/app.js/.")]
    [DataRow("/js/app.js?raw??")]
    [DataRow("/js/app.js?import&raw")]
    [DataRow("/js/app.js#/../../secret.js")]
    [DataRow("//secret.js")]
    public async Task Nothing_outside_the_web_root_is_served(string target)
    {
        await using var app = await StartAsync();
        var (status, response) = await app.RawGetAsync(target);
        Assert.IsFalse(response.Contains(Secret, StringComparison.Ordinal), $"{target} leaked: {status}");
    }

    [TestMethod]
    public async Task Suspicious_module_requests_are_refused_not_passed_on()
    {
        await using var app = await StartAsync();
        foreach (var target in new[] { "/link.js", "/up/secret.js", "/%2e%2e%2fsecret.js", "/.hidden.js" })
            Assert.AreEqual(404, (await app.RawGetAsync(target)).Status, target);
        Assert.AreEqual(200, (await app.RawGetAsync("/js/app.js")).Status);
    }

    [TestMethod]
    [DataRow("/js/app.js", null)]
    [DataRow("/js/../app.js", "dot segment or dot-file")]
    [DataRow("/js//app.js", "empty path segment")]
    [DataRow("/js/app.js.", "segment ending in '.' or space")]
    [DataRow("/js/a:b.js", "forbidden character in the path")]
    [DataRow("/js/a\0.js", "forbidden character in the path")]
    [DataRow("js/app.js", "not an absolute path")]
    public void Path_check_names_the_problem(string path, string? expected) =>
        Assert.AreEqual(expected, Hmr.Runtime.Serving.SafePaths.CheckPath(path));
}

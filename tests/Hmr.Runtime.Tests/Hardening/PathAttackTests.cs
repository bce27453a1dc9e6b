using System.Text;

namespace Hmr.Runtime.Tests.Hardening;

/// <summary>Path attacks on every URL the runtime answers (modules, <c>/_hmr/client.js</c>, <c>/_hmr/overlay.js</c>,
/// <c>/_hmr/preamble.js</c>, <c>/_hmr/instance</c>, <c>/_hmr/ws</c>), sent verbatim over raw sockets. Secrets sit
/// outside the web root (reached by traversal and by file and directory symlinks) and in dot-files inside it, all
/// carrying one marker. The oracle: the marker never appears, and every 200 answer is either exactly what the same app
/// without HMR answers for the same request target, or one of the runtime's own canonical answers (a transformed
/// module, a client script, the instance id).</summary>
[TestClass]
public sealed class PathAttackTests
{
    private const string Marker = "HMR-HARDENING-SECRET-7f3a9c1e";

    private static TestApp hmr = null!;
    private static TestApp plain = null!;
    private static readonly HashSet<string> Canonical = new(StringComparer.Ordinal);

    private static readonly Dictionary<string, string> Files = new()
    {
        ["secret.js"] = $"export const s = '{Marker}';\n",
        ["secret.mjs"] = $"export const s = '{Marker}';\n",
        ["secret.txt"] = Marker,
        ["outside/secret.js"] = $"export const s = '{Marker}';\n",
        ["wwwroot/index.html"] = "<!doctype html><html><head></head><body><script type=\"module\" src=\"/js/app.js\"></script></body></html>",
        ["wwwroot/js/app.js"] = "import { b } from './b.js';\nexport const a = b;\nimport.meta.hot?.accept();\n",
        ["wwwroot/js/b.js"] = "export const b = 2;\n",
        // A module of the app that tries to pull the secrets in through its imports.
        ["wwwroot/js/evil.js"] = "import '../../secret.js';\nimport '/../secret.mjs';\nimport '../up/secret.js';\nimport '../link.js';\nexport const e = 1;\n",
        ["wwwroot/.env"] = $"SECRET={Marker}\n",
        ["wwwroot/.git/config"] = $"[core]\n\tsecret = {Marker}\n",
        ["wwwroot/.hidden.js"] = $"export const h = '{Marker}';\n",
        ["wwwroot/.well/inner.js"] = $"export const w = '{Marker}';\n",
    };

    private static void Links(string root)
    {
        var web = Path.Combine(root, "wwwroot");
        File.CreateSymbolicLink(Path.Combine(web, "link.js"), Path.Combine(root, "secret.js"));
        File.CreateSymbolicLink(Path.Combine(web, "link.mjs"), Path.Combine(root, "secret.mjs"));
        File.CreateSymbolicLink(Path.Combine(web, "js", "rel.js"), "../../secret.js"); // relative target
        Directory.CreateSymbolicLink(Path.Combine(web, "up"), Path.Combine(root, "outside"));
        Directory.CreateSymbolicLink(Path.Combine(web, "js", "chain"), Path.Combine(web, "up")); // link to a link
    }

    [ClassInitialize]
    public static async Task StartAsync(TestContext _)
    {
        hmr = await TestApp.StartAsync(Files, prepare: Links);
        plain = await TestApp.StartAsync(Files, addHmr: false, prepare: Links);
        foreach (var url in new[] { "/", "/index.html", "/js/app.js", "/js/b.js", "/js/evil.js", "/_hmr/client.js", "/_hmr/overlay.js", "/_hmr/preamble.js", "/_hmr/instance" })
        {
            var response = await RawHttp.GetAsync(hmr.Address, url);
            Assert.AreEqual(200, response.Status, url + " is a canonical URL: " + response.Head);
            Canonical.Add(Convert.ToBase64String(response.Body));
        }
    }

    [ClassCleanup]
    public static async Task StopAsync()
    {
        await hmr.DisposeAsync();
        await plain.DisposeAsync();
    }

    /// <summary>Traversal spellings, each tried under every prefix the runtime owns.</summary>
    private static readonly string[] Traversals =
    [
        "../secret.js", "../../secret.js", "../../../secret.mjs", "..%2fsecret.js", "%2e%2e/secret.js", "%2e%2e%2fsecret.js",
        "%2E%2E%2F%2E%2E%2Fsecret.js", ".%2e/.%2e/secret.js", "%252e%252e%252fsecret.js", "%252e%252e/%252e%252e/secret.js",
        "%25252e%25252e%25252fsecret.js", "..\\secret.js", "..\\..\\secret.js", "..%5csecret.js", "..%5c..%5csecret.js", "%5c..%5csecret.js",
        "%c0%ae%c0%ae/secret.js", "%e0%80%ae%e0%80%ae/secret.js", "..;/secret.js", "..%00/secret.js", "../secret.txt", "..%2f..%2fsecret.txt",
        "./../secret.js", "....//secret.js", "%2e%2e%5csecret.js",
    ];

    private static readonly string[] Prefixes = ["/", "/js/", "/js/nested/", "/_hmr/", "/_hmr/ws/", "/up/", "/js/chain/"];

    private static readonly string[] Specials =
    [
        // Odd queries and suffixes on modules and on the client script.
        "/js/app.js?raw??", "/js/app.js?import&raw", "/js/app.js?url", "/js/app.js?import&url&raw", "/js/app.js?raw=../../secret.js",
        "/_hmr/client.js?raw??", "/_hmr/client.js?import&raw", "/_hmr/overlay.js?raw", "/_hmr/instance?raw??",
        "/js/app.js/.", "/js/app.js/..", "/js/app.js/./", "/_hmr/client.js/.", "/_hmr/instance/.", "/js/app.js.", "/js/app.js%20",
        "/js/app.js#/../../secret.js", "/_hmr/client.js#/../../secret.js", "/#/../secret.js", "/js/%23/../../secret.js",
        "/js/app.js%00", "/secret.js%00.js", "/js/app.js%00.html", "/_hmr/client.js%00", "/up/secret.js%00", "/%00",
        // Symlinks leading out of the web root.
        "/link.js", "/link.mjs", "/js/rel.js", "/up/secret.js", "/up/./secret.js", "/up//secret.js", "/js/chain/secret.js", "/UP/secret.js",
        "/link.js?raw??", "/up/secret.js?import&raw",
        // Dot-files and dot-directories.
        "/.env", "/.git/config", "/.hidden.js", "/.well/inner.js", "/%2eenv", "/%2egit/config", "/%2Ehidden.js", "/js/../.env", "/.git%2fconfig",
        "/_hmr/../.env", "/_hmr/%2e%2e/.env", "/.env%00", "/.git/", "/.git",
        // Other shapes of the request target.
        "//secret.js", "///secret.js", "/./secret.js", "/js/evil.js", "http://evil.example/../secret.js", "http://127.0.0.1/..%2fsecret.js",
        "/js/app.js;../../secret.js", "/_hmr/client.js;/../../secret.js", "/_HMR/client.js", "/_hmr/CLIENT.JS", "/_hmr/", "/_hmr", "/_hmr/ws",
        "/_hmr/instance/../../secret.js", "/js/b.js?../../secret.js",
    ];

    public static IEnumerable<object[]> Targets()
    {
        foreach (var prefix in Prefixes)
            foreach (var traversal in Traversals) yield return [prefix + traversal];
        foreach (var special in Specials) yield return [special];
    }

    [TestMethod]
    [DynamicData(nameof(Targets))]
    public async Task Nothing_but_the_apps_own_content_is_served(string target)
    {
        var response = await RawHttp.GetAsync(hmr.Address, target);
        Assert.IsFalse(response.All.Contains(Marker, StringComparison.Ordinal), $"{target} leaked the secret: {response.Head}");
        Assert.IsFalse(response.HasHeader("Access-Control-Allow-Origin"), response.Head);
        if (response.Status != 200) return;
        var asPlainApp = await RawHttp.GetAsync(plain.Address, target);
        var same = asPlainApp.Status == 200 && asPlainApp.Body.AsSpan().SequenceEqual(response.Body);
        Assert.IsTrue(same || Canonical.Contains(Convert.ToBase64String(response.Body)),
            $"{target} answered 200 with content neither the app nor the runtime serves at a canonical URL:\n{response.Head}\n{Trim(response.BodyText)}");
    }

    [TestMethod]
    public async Task The_oracle_can_tell_a_leak()
    {
        // The app without HMR is not the runtime's business, but it shows the secrets are reachable in principle
        // (the static file provider follows a directory symlink for a non-module file), so the assertions above bite.
        File.WriteAllText(Path.Combine(plain.Root, "outside", "notes.txt"), Marker);
        try
        {
            var response = await RawHttp.GetAsync(plain.Address, "/up/notes.txt");
            Assert.AreEqual(200, response.Status, response.Head);
            Assert.Contains(Marker, response.BodyText);
        }
        finally
        {
            File.Delete(Path.Combine(plain.Root, "outside", "notes.txt"));
        }
    }

    [TestMethod]
    public async Task Module_imports_reaching_out_of_the_web_root_are_not_served()
    {
        var evil = await RawHttp.GetAsync(hmr.Address, "/js/evil.js");
        Assert.AreEqual(200, evil.Status);
        Assert.DoesNotContain(Marker, evil.BodyText);
        // Whatever URLs the transformed module now imports, none of them yields the secret.
        foreach (var url in System.Text.RegularExpressions.Regex.Matches(evil.BodyText, "['\"](/[^'\"]*)['\"]").Select(m => m.Groups[1].Value))
        {
            var imported = await RawHttp.GetAsync(hmr.Address, url);
            Assert.IsFalse(imported.All.Contains(Marker, StringComparison.Ordinal), $"{url} (imported by /js/evil.js) leaked");
        }
    }

    [TestMethod]
    [DataRow("/js/{long}.js")]
    [DataRow("/js/app.js?{long}")]
    [DataRow("/_hmr/client.js?{long}")]
    [DataRow("/_hmr/{long}")]
    [DataRow("/{dots}secret.js")]
    [DataRow("/js/{encdots}secret.js")]
    public async Task A_64_KB_request_target_is_refused_and_the_server_stays_up(string shape)
    {
        var target = shape.Replace("{long}", new string('a', 64 * 1024)).Replace("{dots}", string.Concat(Enumerable.Repeat("../", 22_000)))
            .Replace("{encdots}", string.Concat(Enumerable.Repeat("%2e%2e%2f", 7_300)));
        Assert.IsGreaterThanOrEqualTo(64 * 1024, Encoding.ASCII.GetByteCount(target));
        var response = await RawHttp.GetAsync(hmr.Address, target);
        Assert.IsTrue(response.Status is >= 400 and < 500, $"{response.Status}: {response.Head}");
        Assert.DoesNotContain(Marker, response.All);
        Assert.AreEqual(200, (await RawHttp.GetAsync(hmr.Address, "/js/app.js")).Status, "the server stopped answering");
    }

    [TestMethod]
    public async Task Every_odd_request_left_the_server_answering_modules()
    {
        foreach (var target in Specials.Take(20)) await RawHttp.GetAsync(hmr.Address, target);
        var response = await RawHttp.GetAsync(hmr.Address, "/js/app.js");
        Assert.AreEqual(200, response.Status);
        Assert.Contains("import.meta.hot", response.BodyText);
    }

    private static string Trim(string s) => s.Length > 400 ? s[..400] + "…" : s;
}

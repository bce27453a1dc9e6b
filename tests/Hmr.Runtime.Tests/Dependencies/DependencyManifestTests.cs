using System.Net;
using Microsoft.Extensions.Logging;
using static Hmr.Runtime.Tests.Dependencies.DependencySite;

namespace Hmr.Runtime.Tests.Dependencies;

/// <summary>A missing, corrupt or other-schema manifest is no dependencies (logged once, no failure); a rewritten
/// manifest applies to the next request.</summary>
[TestClass]
public sealed class DependencyManifestTests
{
    private const string Page = "<!doctype html><html><head><title>t</title></head><body><script type=\"module\" src=\"/js/main.js\"></script></body></html>";

    private static Dictionary<string, string> Site() => new()
    {
        ["wwwroot/index.html"] = Page,
        ["wwwroot/js/main.js"] = "import { debounce } from 'lodash-es';\nexport const d = debounce;\n",
    };

    [TestMethod]
    public async Task Missing_manifest_leaves_pages_alone()
    {
        await using var app = await DependencySite.StartAsync(Site(), []);
        var page = await PageAsync(app, "/");
        Assert.AreEqual(Page.Replace("<head>", "<head>" + Preamble(app)), page);
        Assert.AreEqual(HttpStatusCode.OK, (await app.Http.GetAsync("/js/main.js")).StatusCode);
    }

    [TestMethod]
    public async Task Corrupt_or_other_schema_manifest_means_no_dependencies_logged_once()
    {
        foreach (var text in new[] { "{\"schemaVersion\":1,\"urlBase\":\"/_deps/\",\"imports\":{", "{\"schemaVersion\":3,\"urlBase\":\"/_deps/\",\"imports\":{\"a\":\"/_deps/a.js\"}}", "[]" })
        {
            var logs = new CollectingLogs();
            await using var app = await DependencySite.StartAsync(Site(), [], logs: logs);
            WriteManifestText(app.Root, text);
            // Older than the window in which a manifest that does not parse is taken for one being written.
            File.SetLastWriteTimeUtc(ManifestFile(app.Root), DateTime.UtcNow.AddMinutes(-1));
            for (var i = 0; i < 3; i++)
            {
                var page = await PageAsync(app, "/");
                Assert.AreEqual(Page.Replace("<head>", "<head>" + Preamble(app)), page, text);
                Assert.AreEqual(HttpStatusCode.NotFound, (await app.Http.GetAsync("/_deps/a.js")).StatusCode);
            }
            var warnings = logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Message.Contains("deps-manifest.json", StringComparison.Ordinal)).ToList();
            Assert.AreEqual(1, warnings.Count, $"{text}: {string.Join(" | ", logs.Entries)}");
        }
    }

    [TestMethod]
    public async Task Rewritten_manifest_applies_to_the_next_page_and_request()
    {
        await using var app = await DependencySite.StartAsync(Site(), [Lodash]);
        StringAssert.Contains(await PageAsync(app, "/"), InjectedMap(Lodash));

        var lodash2 = Lodash with { Content = "export function debounce(f) { return () => f(); }\n" };
        Write(app.Root, lodash2, React);
        var page = await PageAsync(app, "/");
        StringAssert.Contains(page, InjectedMap(lodash2, React));
        Assert.IsFalse(page.Contains(Lodash.Url, StringComparison.Ordinal));
        Assert.AreEqual(HttpStatusCode.NotFound, (await app.Http.GetAsync(Lodash.Url)).StatusCode, "the old bundle is no longer listed");
        Assert.AreEqual(lodash2.Content, await app.Http.GetStringAsync(lodash2.Url));

        File.Delete(ManifestFile(app.Root));
        Assert.AreEqual(Page.Replace("<head>", "<head>" + Preamble(app)), await PageAsync(app, "/"));
    }
}

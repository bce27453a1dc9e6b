using System.Net;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Hmr.EndToEnd.Tests.Infrastructure;

/// <summary>What an app without HMR looks like from outside: no /_hmr/ endpoints, HTML and modules served as written.</summary>
public static class NoHmrProbe
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(20) };

    /// <summary>Asserts that /_hmr/ answers 404, that <paramref name="htmlPath"/> carries no /_hmr/ script (and, when
    /// <paramref name="htmlExactlyAsWritten"/>, is byte for byte the file) and that <paramref name="modulePath"/> is the file as written.</summary>
    public static async Task AssertNothingOfHmrAsync(WebApp app, string htmlPath, string modulePath, bool htmlExactlyAsWritten, string situation)
    {
        foreach (var path in new[] { "/_hmr/client.js", "/_hmr/preamble.js", "/_hmr/overlay.js", "/_hmr/instance", "/_hmr/ws?token=x" })
        {
            using var response = await Http.GetAsync(app.Url(path));
            Assert.AreEqual(HttpStatusCode.NotFound, response.StatusCode, $"{situation}: GET {path}\n{app.WatchOutputTail}");
        }

        using var page = new HttpRequestMessage(HttpMethod.Get, app.Url(htmlPath));
        page.Headers.Accept.ParseAdd("text/html");
        page.Headers.Add("Sec-Fetch-Dest", "document");
        using var pageResponse = await Http.SendAsync(page);
        Assert.AreEqual(HttpStatusCode.OK, pageResponse.StatusCode, $"{situation}: GET {htmlPath}");
        var html = await pageResponse.Content.ReadAsStringAsync();
        Assert.IsFalse(html.Contains("/_hmr/", StringComparison.Ordinal), $"{situation}: the HTML was injected:\n{html}");
        if (htmlExactlyAsWritten) Assert.AreEqual(app.ReadWebFile(htmlPath), html, $"{situation}: the HTML is served as written");

        using var moduleResponse = await Http.GetAsync(app.Url(modulePath));
        Assert.AreEqual(HttpStatusCode.OK, moduleResponse.StatusCode, $"{situation}: GET {modulePath}");
        Assert.AreEqual(app.ReadWebFile(modulePath), await moduleResponse.Content.ReadAsStringAsync(), $"{situation}: the module is served as written");
    }

    /// <summary>Whether the assembly carries an assembly-level <c>[HostingStartup]</c> attribute (read from its metadata, not loaded).</summary>
    public static bool HasHostingStartupAttribute(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        foreach (var handle in reader.GetAssemblyDefinition().GetCustomAttributes())
        {
            var constructor = reader.GetCustomAttribute(handle).Constructor;
            if (constructor.Kind != HandleKind.MemberReference) continue;
            var parent = reader.GetMemberReference((MemberReferenceHandle)constructor).Parent;
            if (parent.Kind != HandleKind.TypeReference) continue;
            var type = reader.GetTypeReference((TypeReferenceHandle)parent);
            if (reader.GetString(type.Name) == "HostingStartupAttribute") return true;
        }
        return false;
    }
}

using System.Text;
using Hmr.Core.Engine;
using Hmr.Runtime.Html;

namespace Hmr.Runtime.Tests.Html;

/// <summary>A page's module scripts get their module's update timestamp, as Vite's served HTML does, whatever way the
/// page arrives in pieces; nothing else in the page changes.</summary>
[TestClass]
public sealed class ModuleScriptStampingTests
{
    private static ModuleInfo? Lookup(string url) => url switch
    {
        "/js/main.js" => new ModuleInfo(url, "/web/js/main.js", 42),
        "/js/plain.js" => new ModuleInfo(url, "/web/js/plain.js", 0),
        _ => null,
    };

    private static string Pass(string html, string pagePath, int pieceSize)
    {
        using var sink = new MemoryStream();
        var stream = new ModuleScriptStampingStream(sink, pagePath, Lookup);
        var bytes = Encoding.UTF8.GetBytes(html);
        for (var i = 0; i < bytes.Length; i += pieceSize)
            stream.WriteAsync(bytes.AsMemory(i, Math.Min(pieceSize, bytes.Length - i))).AsTask().Wait();
        stream.FinishAsync(CancellationToken.None).Wait();
        return Encoding.UTF8.GetString(sink.ToArray());
    }

    private static void AssertStamps(string html, string expected, string pagePath = "/index.html")
    {
        foreach (var pieceSize in new[] { 1, 2, 3, 7, 16, html.Length })
            Assert.AreEqual(expected, Pass(html, pagePath, pieceSize), $"in pieces of {pieceSize}");
    }

    [TestMethod]
    public void A_stamped_module_script_gets_its_timestamp()
    {
        AssertStamps("<body><script type=\"module\" src=\"/js/main.js\"></script></body>",
            "<body><script type=\"module\" src=\"/js/main.js?t=42\"></script></body>");
        AssertStamps("<SCRIPT SRC='js/main.js' TYPE=Module></SCRIPT>", "<SCRIPT SRC='js/main.js?t=42' TYPE=Module></SCRIPT>");
        AssertStamps("<script type=module src=../js/main.js?v=1>\n</script>", "<script type=module src=../js/main.js?v=1&t=42>\n</script>", "/pages/a.html");
    }

    [TestMethod]
    public void Other_scripts_and_text_are_left_alone()
    {
        string[] unchanged =
        [
            "<script src=\"/js/main.js\"></script>",                              // classic script
            "<script type=\"module\" src=\"/js/plain.js\"></script>",             // never updated
            "<script type=\"module\" src=\"/js/main.js?t=7\"></script>",          // already stamped
            "<script type=\"module\" src=\"//cdn.example/js/main.js\"></script>", // another host
            "<script type=\"module\">const s = '<script type=\"module\" src=\"/js/main.js\">';</script>",
            "<scripts type=\"module\" src=\"/js/main.js\"></scripts><p>é ü ✓</p>",
            "<!-- --><script type=\"module\" src=\"/js/ma",                       // a tag cut off by the end
        ];
        foreach (var html in unchanged) AssertStamps(html, html);
    }

    [TestMethod]
    public void Inline_script_text_is_skipped_up_to_its_end_tag()
    {
        AssertStamps("<script>let a = 1 < 2;</SCRIPT ><script type=module src=/js/main.js></script>",
            "<script>let a = 1 < 2;</SCRIPT ><script type=module src=/js/main.js?t=42></script>");
    }
}

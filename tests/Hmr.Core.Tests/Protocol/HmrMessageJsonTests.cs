using System.Text.Json;
using Hmr.Core.Protocol;

namespace Hmr.Core.Tests.Protocol;

[TestClass]
public sealed class HmrMessageJsonTests
{
    public static IEnumerable<object[]> ServerMessages =>
    [
        [new ConnectedMessage(), """{"type":"connected"}"""],
        [new ConnectedMessage("b7f2", 3), """{"type":"connected","instanceId":"b7f2","messageCount":3}"""],
        [new UpdateMessage([
            new ModuleUpdate(UpdateType.JsUpdate, 1700000000123, "/app.js", "/dep.js", false, null, []),
            new ModuleUpdate(UpdateType.CssUpdate, 1700000000123, "/site.css", "/site.css", false, null, []),
        ]), """{"type":"update","updates":[{"type":"js-update","timestamp":1700000000123,"path":"/app.js","acceptedPath":"/dep.js","explicitImportRequired":false,"isWithinCircularImport":false},{"type":"css-update","timestamp":1700000000123,"path":"/site.css","acceptedPath":"/site.css","explicitImportRequired":false,"isWithinCircularImport":false}]}"""],
        [new UpdateMessage([new ModuleUpdate(UpdateType.JsUpdate, 5, "/a.js", "/a.js", true, "/x.js", ["/a.js?t=5", "/b.js?t=5"])]),
            """{"type":"update","updates":[{"type":"js-update","timestamp":5,"path":"/a.js","acceptedPath":"/a.js","explicitImportRequired":false,"isWithinCircularImport":true,"firstInvalidatedBy":"/x.js","preload":["/a.js?t=5","/b.js?t=5"]}]}"""],
        [new FullReloadMessage("*", "/main.js"), """{"type":"full-reload","path":"*","triggeredBy":"/main.js"}"""],
        [new FullReloadMessage("/index.html", null), """{"type":"full-reload","path":"/index.html"}"""],
        [new FullReloadMessage(null, null), """{"type":"full-reload"}"""],
        [new PruneMessage(["/a.js", "/b.js"]), """{"type":"prune","paths":["/a.js","/b.js"]}"""],
        [new ErrorMessage(new HmrError("Unexpected token (HMR001)", "at /a.js:2:3", "/a.js", "> 2 | let x = <\n    |     ^", new ErrorLocation("/a.js", 2, 3))),
            """{"type":"error","err":{"message":"Unexpected token (HMR001)","stack":"at /a.js:2:3","id":"/a.js","frame":"> 2 | let x = <\n    |     ^","loc":{"file":"/a.js","line":2,"column":3}}}"""],
        [new ErrorMessage(new HmrError("boom", null, "/a.js", null, null)), """{"type":"error","err":{"message":"boom","stack":"","id":"/a.js"}}"""],
        [new CustomMessage("my:event", JsonDocument.Parse("""{"n":1,"s":"é"}""").RootElement), """{"type":"custom","event":"my:event","data":{"n":1,"s":"é"}}"""],
        [new CustomMessage("no-data", null), """{"type":"custom","event":"no-data"}"""],
    ];

    [TestMethod]
    [DynamicData(nameof(ServerMessages))]
    public void ServerMessageHasViteShape(HmrMessage message, string json)
    {
        Assert.AreEqual(json, HmrMessageJson.Serialize(message));
        // Parsing back gives the same frame (records with lists compare by reference, so compare frames).
        var parsed = HmrMessageJson.ParseServerMessage(json);
        Assert.IsNotNull(parsed);
        Assert.AreEqual(message.GetType(), parsed.GetType());
        Assert.AreEqual(json, HmrMessageJson.Serialize(parsed));
    }

    [TestMethod]
    public void InvalidateFromTheClientIsParsed()
    {
        var parsed = HmrMessageJson.ParseClientMessage(
            """{"type":"custom","event":"vite:invalidate","data":{"path":"/a.js","message":"nope","firstInvalidatedBy":"/b.js"}}""");
        Assert.AreEqual(new ClientInvalidate("/a.js", "nope", "/b.js"), parsed);
        Assert.AreEqual(new ClientInvalidate("/a.js", null, null),
            HmrMessageJson.ParseClientMessage("""{"type":"custom","event":"vite:invalidate","data":{"path":"/a.js","extra":1}}"""));
    }

    [TestMethod]
    public void PingAndCustomEventsFromTheClientAreParsed()
    {
        Assert.IsInstanceOfType<ClientPing>(HmrMessageJson.ParseClientMessage("""{"type":"ping"}"""));
        var custom = (ClientCustomEvent)HmrMessageJson.ParseClientMessage("""{"type":"custom","event":"app:hello","data":[1,2]}""")!;
        Assert.AreEqual("app:hello", custom.Event);
        Assert.AreEqual("[1,2]", custom.Data!.Value.GetRawText());
        var bare = (ClientCustomEvent)HmrMessageJson.ParseClientMessage("""{"type":"custom","event":"app:bare"}""")!;
        Assert.IsNull(bare.Data);
    }

    [TestMethod]
    [DataRow("")]
    [DataRow("not json")]
    [DataRow("[]")]
    [DataRow("""{"type":"nope"}""")]
    [DataRow("""{"event":"x"}""")]
    [DataRow("""{"type":"custom"}""")]
    [DataRow("""{"type":"custom","event":"vite:invalidate"}""")]
    [DataRow("""{"type":"custom","event":"vite:invalidate","data":{"message":"no path"}}""")]
    [DataRow("""{"type":"custom","event":"vite:invalidate","data":"text"}""")]
    [DataRow("""{"type":"custom","event":"vite:invalidate","data":{"path":5}}""")]
    [DataRow("""{"type":"custom","event":7}""")]
    [DataRow("""{"type":"custom","event":null}""")]
    [DataRow("""{"type":"ping"} trailing""")]
    [DataRow("null")]
    public void MalformedClientFramesAreNull(string json) => Assert.IsNull(HmrMessageJson.ParseClientMessage(json));

    [TestMethod]
    [DataRow("{")]
    [DataRow("""{"type":"update"}""")]
    [DataRow("""{"type":"update","updates":[{"type":"js-update"}]}""")]
    [DataRow("""{"type":"prune"}""")]
    [DataRow("""{"type":"error"}""")]
    [DataRow("""{"type":"connected","messageCount":"three"}""")]
    [DataRow("""{"paths":["/a.js"]}""")]
    public void MalformedServerFramesAreNull(string json) => Assert.IsNull(HmrMessageJson.ParseServerMessage(json));

    [TestMethod]
    public void ClientMessagesRoundTrip()
    {
        ClientMessage[] messages =
        [
            new ClientPing(),
            new ClientInvalidate("/a.js", "why", "/b.js"),
            new ClientInvalidate("/a.js", null, null),
            new ClientCustomEvent("x:y", JsonDocument.Parse("{\"k\":true}").RootElement),
        ];
        foreach (var message in messages)
        {
            var json = HmrMessageJson.Serialize(message);
            var parsed = HmrMessageJson.ParseClientMessage(json);
            Assert.IsNotNull(parsed, json);
            Assert.AreEqual(json, HmrMessageJson.Serialize(parsed));
        }
        Assert.AreEqual("""{"type":"custom","event":"vite:invalidate","data":{"path":"/a.js","message":"why","firstInvalidatedBy":"/b.js"}}""",
            HmrMessageJson.Serialize(messages[1]));
        Assert.AreEqual("""{"type":"ping"}""", HmrMessageJson.Serialize(messages[0]));
    }

    [TestMethod]
    public void StringsAreEscapedAsJsonRequires()
    {
        var json = HmrMessageJson.Serialize(new FullReloadMessage("/a \"b\"\\c\n.html", null));
        Assert.AreEqual("/a \"b\"\\c\n.html", JsonDocument.Parse(json).RootElement.GetProperty("path").GetString());
    }

    [TestMethod]
    public void TypeNeedNotComeFirst()
    {
        Assert.AreEqual(new ClientInvalidate("/a.js", null, null),
            HmrMessageJson.ParseClientMessage("""{"data":{"path":"/a.js"},"event":"vite:invalidate","type":"custom"}"""));
        var prune = (PruneMessage)HmrMessageJson.ParseServerMessage("""{"paths":["/a.js"],"type":"prune"}""")!;
        CollectionAssert.AreEqual(new[] { "/a.js" }, prune.Paths.ToArray());
    }

    [TestMethod]
    public void UnicodeAndMarkupStayReadableAndRoundTrip()
    {
        const string path = "/é/日本/😀 <b>&amp;</b> \"q\" \\ \t \u0001 \u2028.html";
        var json = HmrMessageJson.Serialize(new FullReloadMessage(path, null));
        StringAssert.Contains(json, "/é/日本/");
        StringAssert.Contains(json, "<b>&amp;</b>");
        StringAssert.Contains(json, "\\u0001");
        Assert.AreEqual(path, ((FullReloadMessage)HmrMessageJson.ParseServerMessage(json)!).Path);
        var invalidate = new ClientInvalidate(path, "é 😀", null);
        Assert.AreEqual(invalidate, HmrMessageJson.ParseClientMessage(HmrMessageJson.Serialize(invalidate)));
    }
}

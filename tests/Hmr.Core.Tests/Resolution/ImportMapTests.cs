using Hmr.Core.Resolution;

namespace Hmr.Core.Tests.Resolution;

[TestClass]
public sealed class ImportMapTests
{
    private static ImportMap Parse(string json, string baseUrl = "/index.html")
    {
        var problems = new List<string>();
        var map = ImportMap.Parse(json, baseUrl, problems);
        Assert.IsEmpty(problems, string.Join("; ", problems));
        return map;
    }

    private static string? Map(ImportMap map, string specifier, string referrer = "/js/app.js") =>
        map.TryResolve(specifier, false, referrer, out var address) ? address ?? "<blocked>" : null;

    [TestMethod]
    public void Exact_match_resolves_against_the_map_base_url()
    {
        var map = Parse("""{ "imports": { "lit": "./vendor/lit.js", "cdn": "https://cdn.example/x.js" } }""", "/pages/index.html");
        Assert.AreEqual("/pages/vendor/lit.js", Map(map, "lit"));
        Assert.AreEqual("https://cdn.example/x.js", Map(map, "cdn"));
        Assert.IsNull(Map(map, "lit/other.js"), "an exact key does not match a longer specifier");
        Assert.IsNull(Map(map, "unknown"));
    }

    [TestMethod]
    public void Trailing_slash_prefix_match_appends_the_rest()
    {
        var map = Parse("""{ "imports": { "lodash/": "/vendor/lodash/" } }""");
        Assert.AreEqual("/vendor/lodash/map.js", Map(map, "lodash/map.js"));
        Assert.AreEqual("/vendor/lodash/fp/get.js", Map(map, "lodash/fp/get.js"));
        Assert.IsNull(Map(map, "lodash"), "a prefix key needs the slash");
    }

    [TestMethod]
    public void Longest_prefix_wins_whatever_the_key_order()
    {
        var map = Parse("""{ "imports": { "a/": "/short/", "a/b/": "/long/", "a/b/c.js": "/exact.js" } }""");
        Assert.AreEqual("/long/x.js", Map(map, "a/b/x.js"));
        Assert.AreEqual("/short/x.js", Map(map, "a/x.js"));
        Assert.AreEqual("/exact.js", Map(map, "a/b/c.js"));
    }

    [TestMethod]
    public void Scopes_apply_by_referrer_prefix_most_specific_first_then_fall_back_to_imports()
    {
        var map = Parse("""
            {
              "imports": { "dep": "/dep-v1.js" },
              "scopes": {
                "/legacy/": { "dep": "/dep-v0.js" },
                "/legacy/very/": { "dep": "/dep-old.js" }
              }
            }
            """);
        Assert.AreEqual("/dep-v1.js", Map(map, "dep", "/js/app.js"));
        Assert.AreEqual("/dep-v0.js", Map(map, "dep", "/legacy/app.js"));
        Assert.AreEqual("/dep-old.js", Map(map, "dep", "/legacy/very/app.js"));
    }

    [TestMethod]
    public void Null_or_invalid_addresses_block_the_specifier()
    {
        var problems = new List<string>();
        var map = ImportMap.Parse("""{ "imports": { "blocked": null, "bare": "not-a-url", "dir/": "/no-slash" } }""", "/", problems);
        Assert.AreEqual("<blocked>", Map(map, "blocked"));
        Assert.AreEqual("<blocked>", Map(map, "bare"));
        Assert.AreEqual("<blocked>", Map(map, "dir/x.js"));
        Assert.HasCount(2, problems, "null is a valid way to block; the other two are mistakes");
    }

    [TestMethod]
    public void Malformed_json_gives_an_empty_map_and_a_problem()
    {
        var problems = new List<string>();
        var map = ImportMap.Parse("{ \"imports\": { ", "/", problems);
        Assert.IsTrue(map.IsEmpty);
        Assert.HasCount(1, problems);
        StringAssert.Contains(problems[0], "not valid JSON");
    }

    [TestMethod]
    public void Merge_keeps_existing_entries_and_adds_new_ones()
    {
        var first = Parse("""{ "imports": { "a": "/a1.js" } }""");
        var second = Parse("""{ "imports": { "a": "/a2.js", "b": "/b.js" } }""");
        var merged = first.Merge(second);
        Assert.AreEqual("/a1.js", Map(merged, "a"));
        Assert.AreEqual("/b.js", Map(merged, "b"));
        Assert.AreNotEqual(first.Fingerprint, merged.Fingerprint);
        Assert.AreEqual(merged.Fingerprint, Parse("""{ "imports": { "b": "/b.js", "a": "/a1.js" } }""").Fingerprint);
    }
}

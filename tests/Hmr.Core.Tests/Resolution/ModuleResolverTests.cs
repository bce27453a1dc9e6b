using Hmr.Core.Artifact;
using Hmr.Core.Resolution;

namespace Hmr.Core.Tests.Resolution;

[TestClass]
public sealed class ModuleResolverTests
{
    private static readonly HashSet<string> Files = ["/js/app.js", "/js/lib/util.js", "/vendor/lit/index.js", "/vendor/lit/html.js", "/top.js", "/js/a b.js"];

    private static ModuleResolver Resolver(string importMapJson = "{}")
    {
        var problems = new List<string>();
        var map = ImportMap.Parse(importMapJson, "/index.html", problems);
        Assert.IsEmpty(problems);
        return new ModuleResolver(map, Files.Contains);
    }

    [TestMethod]
    public void Relative_and_root_relative_specifiers_resolve_to_existing_files()
    {
        var resolver = Resolver();
        Assert.AreEqual(new ResolutionResult(ResolutionOutcome.Resolved, "/js/lib/util.js", null), resolver.Resolve("./lib/util.js", "/js/app.js"));
        Assert.AreEqual("/js/app.js", resolver.Resolve("../app.js", "/js/lib/util.js").Url);
        Assert.AreEqual("/top.js", resolver.Resolve("/top.js", "/js/app.js").Url);
    }

    [TestMethod]
    public void Query_and_hash_do_not_reach_the_url()
    {
        var result = Resolver().Resolve("./lib/util.js?v=3#x", "/js/app.js");
        Assert.AreEqual(ResolutionOutcome.Resolved, result.Outcome);
        Assert.AreEqual("/js/lib/util.js", result.Url);
    }

    [TestMethod]
    public void Percent_escapes_name_the_same_file_as_the_plain_characters()
    {
        Assert.AreEqual("/js/a b.js", Resolver().Resolve("./a%20b.js", "/js/app.js").Url);
        Assert.AreEqual("/js/a b.js", Resolver().Resolve("./a b.js", "/js/app.js").Url);
    }

    [TestMethod]
    public void Dot_dot_above_the_root_is_clamped_and_flagged()
    {
        var result = Resolver().Resolve("../../../top.js", "/js/app.js");
        Assert.AreEqual(ResolutionOutcome.Resolved, result.Outcome);
        Assert.AreEqual("/top.js", result.Url);
        Assert.IsTrue(result.EscapedRoot);
    }

    [TestMethod]
    public void Full_urls_are_external()
    {
        var resolver = Resolver();
        foreach (var specifier in new[] { "https://cdn.example/a.js", "http://x/a.js", "data:text/javascript,1", "blob:http://x/1", "//cdn/a.js" })
        {
            var result = resolver.Resolve(specifier, "/js/app.js");
            Assert.AreEqual(ResolutionOutcome.External, result.Outcome, specifier);
            Assert.AreEqual(specifier, result.Url);
        }
    }

    [TestMethod]
    public void Bare_specifiers_go_through_the_import_map()
    {
        var resolver = Resolver("""
            { "imports": { "lit": "/vendor/lit/index.js", "lit/": "/vendor/lit/", "cdn": "https://cdn.example/x.js" },
              "scopes": { "/js/lib/": { "lit": "/vendor/lit/html.js" } } }
            """);
        Assert.AreEqual("/vendor/lit/index.js", resolver.Resolve("lit", "/js/app.js").Url);
        Assert.AreEqual("/vendor/lit/html.js", resolver.Resolve("lit/html.js", "/js/app.js").Url);
        Assert.AreEqual("/vendor/lit/html.js", resolver.Resolve("lit", "/js/lib/util.js").Url, "the scope wins for its modules");
        Assert.AreEqual(ResolutionOutcome.External, resolver.Resolve("cdn", "/js/app.js").Outcome);
    }

    [TestMethod]
    public void Url_like_specifiers_can_be_remapped_too()
    {
        var resolver = Resolver("""{ "imports": { "/js/old.js": "/top.js" } }""");
        Assert.AreEqual("/top.js", resolver.Resolve("./old.js", "/js/app.js").Url);
    }

    [TestMethod]
    public void Unresolved_cases_carry_their_codes()
    {
        var resolver = Resolver("""{ "imports": { "gone": null, "missing": "/nope.js" } }""");
        var bare = resolver.Resolve("react", "/js/app.js");
        Assert.AreEqual(ResolutionOutcome.Unresolved, bare.Outcome);
        Assert.AreEqual(GraphDiagnosticCodes.BareSpecifierUnmapped, bare.Code);
        Assert.AreEqual(GraphDiagnosticCodes.BlockedByImportMap, resolver.Resolve("gone", "/js/app.js").Code);
        var noFile = resolver.Resolve("./nothing.js", "/js/app.js");
        Assert.AreEqual(GraphDiagnosticCodes.NoFileAtUrl, noFile.Code);
        Assert.AreEqual("/js/nothing.js", noFile.Url);
        Assert.AreEqual(GraphDiagnosticCodes.NoFileAtUrl, resolver.Resolve("missing", "/js/app.js").Code);
    }

    [TestMethod]
    public void Urls_served_elsewhere_are_external_leaves_not_missing_files()
    {
        var problems = new List<string>();
        var map = ImportMap.Parse("{\"imports\":{\"lodash-es\":\"/_deps/lodash-es.3f9a1c2e.js\"}}", "/", problems);
        var withPrefix = new ModuleResolver(map, Files.Contains, ["/_deps/"]);
        Assert.AreEqual(new ResolutionResult(ResolutionOutcome.External, "/_deps/lodash-es.3f9a1c2e.js", null), withPrefix.Resolve("lodash-es", "/js/app.js"));
        Assert.AreEqual(ResolutionOutcome.External, withPrefix.Resolve("../_deps/chunk.js", "/js/app.js").Outcome);
        Assert.AreEqual(ResolutionOutcome.Resolved, withPrefix.Resolve("./lib/util.js", "/js/app.js").Outcome);

        var without = new ModuleResolver(map, Files.Contains);
        Assert.AreEqual(GraphDiagnosticCodes.NoFileAtUrl, without.Resolve("lodash-es", "/js/app.js").Code);
    }
}

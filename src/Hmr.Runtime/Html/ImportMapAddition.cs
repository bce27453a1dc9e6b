using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Hmr.Runtime.Html;

/// <summary>The dependencies' import map entries for one page (docs/dependencies.md, "Serving and the import map"):
/// merged into the page's own map, where an entry the page wrote wins and every other member (<c>scopes</c>,
/// <c>integrity</c>) stays, or written as a map of their own.</summary>
internal sealed class ImportMapAddition(IReadOnlyList<KeyValuePair<string, string>> imports)
{
    // The default encoder escapes <, >, & and ', so no "</script" can appear in the JSON written into the page.
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.Default };

    /// <summary>A <c>&lt;script type="importmap"&gt;</c> holding only the dependencies.</summary>
    public string Tag()
    {
        var entries = new JsonObject();
        foreach (var (specifier, url) in imports) entries[specifier] = url;
        return "<script type=\"importmap\">" + new JsonObject { ["imports"] = entries }.ToJsonString(Json) + "</script>";
    }

    /// <summary>The page's map with the dependencies added; the text as it was when they were all there already. Null,
    /// with the reason, when the page's map is not a JSON object whose <c>imports</c> is an object: the browser rejects
    /// such a map anyway, and rewriting it would hide the app's own mistake.</summary>
    public string? MergeInto(string pageMap, out string? problem)
    {
        try
        {
            return Merge(pageMap, out problem);
        }
        catch (ArgumentException e)
        {
            // JsonObject refuses duplicate keys when it is first read.
            problem = $"its import map has a duplicate key ({e.Message})";
            return null;
        }
    }

    private string? Merge(string pageMap, out string? problem)
    {
        problem = null;
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(pageMap, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow });
        }
        catch (Exception e) when (e is JsonException or ArgumentException)
        {
            problem = $"its import map is not valid JSON ({e.Message})";
            return null;
        }
        if (root is not JsonObject map)
        {
            problem = "its import map is not a JSON object";
            return null;
        }
        JsonObject pageImports;
        try
        {
            pageImports = map["imports"] switch
            {
                null when !map.ContainsKey("imports") => AddImports(map),
                JsonObject existing => existing,
                _ => throw new InvalidOperationException(),
            };
        }
        catch (InvalidOperationException)
        {
            problem = "\"imports\" in its import map is not an object";
            return null;
        }
        var added = false;
        foreach (var (specifier, url) in imports)
        {
            if (pageImports.ContainsKey(specifier)) continue; // the app's own entry wins
            pageImports[specifier] = url;
            added = true;
        }
        return added ? map.ToJsonString(Json) : pageMap;
    }

    private static JsonObject AddImports(JsonObject map)
    {
        var created = new JsonObject();
        map["imports"] = created;
        return created;
    }
}

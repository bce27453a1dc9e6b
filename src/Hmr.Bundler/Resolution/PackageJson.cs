using System.Text;
using System.Text.Json;

namespace Hmr.Bundler.DependencyResolution;

/// <summary>The fields of a <c>package.json</c> that resolution reads. Fields of the wrong type are ignored as bundlers
/// ignore them, except <c>exports</c> and <c>imports</c>, whose shape is checked when they are used.</summary>
internal sealed class PackageJson
{
    private PackageJson(string path, JsonElement root)
    {
        FilePath = path;
        Directory = System.IO.Path.GetDirectoryName(path)!;
        Name = StringField(root, "name");
        Version = StringField(root, "version");
        Module = StringField(root, "module");
        Browser = StringField(root, "browser");
        Main = StringField(root, "main");
        Exports = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("exports", out var exports) && exports.ValueKind != JsonValueKind.Null
            ? exports.Clone()
            : null;
        Imports = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("imports", out var imports) && imports.ValueKind == JsonValueKind.Object
            ? imports.Clone()
            : null;
    }

    public string FilePath { get; }

    public string Directory { get; }

    public string? Name { get; }

    public string? Version { get; }

    public string? Module { get; }

    /// <summary>The string form only: the object form (file replacements) is not a package entry.</summary>
    public string? Browser { get; }

    public string? Main { get; }

    public JsonElement? Exports { get; }

    public JsonElement? Imports { get; }

    /// <summary>The entry fields a package without <c>exports</c> is resolved through, in the order they are tried.</summary>
    public IEnumerable<(string Field, string Value)> MainFields()
    {
        if (!string.IsNullOrWhiteSpace(Module))
        {
            yield return ("module", Module);
        }
        if (!string.IsNullOrWhiteSpace(Browser))
        {
            yield return ("browser", Browser);
        }
        if (!string.IsNullOrWhiteSpace(Main))
        {
            yield return ("main", Main);
        }
    }

    /// <summary>Parses the file's text as Node does (strict JSON, a leading byte order mark dropped). Invalid JSON
    /// throws <see cref="ResolutionException"/> (HMR104) naming the file, line and column.</summary>
    public static PackageJson Parse(string path, string text, string displayPath)
    {
        using var document = ParseJson(text, displayPath);
        return new PackageJson(path, document.RootElement);
    }

    /// <summary>Strict JSON parse with the error turned into a diagnostic at its line and column (1-based).</summary>
    public static JsonDocument ParseJson(string text, string displayPath)
    {
        try
        {
            return JsonDocument.Parse(text.AsMemory().TrimStart('\uFEFF'));
        }
        catch (JsonException e)
        {
            var line = (e.LineNumber ?? 0) + 1;
            var column = (e.BytePositionInLine ?? 0) + 1;
            throw new ResolutionException(ResolutionCodes.InvalidJson, $"{displayPath}({line},{column}): invalid JSON: {FirstSentence(e.Message)}");
        }
    }

    /// <summary>Reads the file as UTF-8; I/O failures become HMR113.</summary>
    public static string ReadText(string path, string displayPath)
    {
        try
        {
            return File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ResolutionException(ResolutionCodes.Unreadable, $"{displayPath} could not be read: {e.Message}");
        }
    }

    private static string? StringField(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    /// <summary>System.Text.Json ends its messages with "LineNumber: … | BytePositionInLine: …", given separately here.</summary>
    private static string FirstSentence(string message)
    {
        var end = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var path = message.IndexOf(" Path:", StringComparison.Ordinal);
        if (path >= 0 && (end < 0 || path < end))
        {
            end = path;
        }
        return (end >= 0 ? message[..end] : message).Trim();
    }
}

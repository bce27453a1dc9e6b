using System.Text.RegularExpressions;

namespace Hmr.Runtime.Tests.Infrastructure;

/// <summary>The random id each injected preamble tag carries (<c>data-hmr-page</c>, the page's served copy): taken out
/// of a body so the rest can be compared exactly.</summary>
internal static partial class PageIds
{
    [GeneratedRegex(" data-hmr-page=\"[0-9a-f]{32}\"")]
    private static partial Regex PageIdAttribute();

    public static string Strip(string body) => PageIdAttribute().Replace(body, "");

    public static IReadOnlyList<string> Find(string body) =>
        [.. PageIdAttribute().Matches(body).Select(m => m.Value.Split('"')[1])];
}

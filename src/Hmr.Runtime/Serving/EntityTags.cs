using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Hmr.Runtime.Serving;

/// <summary>Conditional GETs for what the runtime serves itself (modules, client scripts, dependency bundles).</summary>
internal static class EntityTags
{
    /// <summary>Kept by the browser only, and revalidated before each use.</summary>
    public const string PrivateRevalidated = "private, no-cache";

    /// <summary>Sends <paramref name="etag"/> and, when the request's <c>If-None-Match</c> names it, answers 304:
    /// true then, and nothing more is to be written.</summary>
    public static bool AnsweredNotModified(HttpContext context, string etag)
    {
        context.Response.Headers.ETag = etag;
        if (!IfNoneMatch(context.Request, etag)) return false;
        context.Response.StatusCode = StatusCodes.Status304NotModified;
        return true;
    }

    /// <summary>A strong ETag for <paramref name="content"/>: 128 bits of its SHA-256, quoted.</summary>
    public static string Of(ReadOnlySpan<byte> content) => "\"" + Convert.ToHexStringLower(SHA256.HashData(content))[..32] + "\"";

    /// <summary>Whether the request's <c>If-None-Match</c> names <paramref name="etag"/> (quoted) or is <c>*</c>: the
    /// browser's copy is current and a 304 will do.</summary>
    private static bool IfNoneMatch(HttpRequest request, string etag)
    {
        var header = request.Headers.IfNoneMatch;
        return header.Count > 0 && EntityTagHeaderValue.TryParseList(header, out var tags)
            && tags.Any(t => t.Tag.Value == etag || t.Tag == "*");
    }
}

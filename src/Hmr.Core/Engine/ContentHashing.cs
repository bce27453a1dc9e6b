using System.Security.Cryptography;

namespace Hmr.Core.Engine;

/// <summary>The default content hash: SHA-256 of the file's bytes, lowercase hex.</summary>
public static class ContentHashing
{
    public static string Sha256Hex(ReadOnlyMemory<byte> content)
    {
        Span<byte> digest = stackalloc byte[32];
        SHA256.HashData(content.Span, digest);
        return Convert.ToHexStringLower(digest);
    }
}

using System.Security.Cryptography;
using System.Text;

namespace Hmr.Core.Artifact;

/// <summary>The content hash recorded for each module: lowercase hex SHA-256 of the file's bytes as they are on disk
/// (the live engine hashes files the same way, so a warm start recognises unchanged files). SHA-256 is in the BCL,
/// stable across runs and processes, and fast enough here (hardware-accelerated, tens of milliseconds for 16 MB).</summary>
public static class ContentHash
{
    private static readonly byte[] Utf8Bom = [0xEF, 0xBB, 0xBF];

    /// <summary>Hash of a text, as its UTF-8 encoding without a byte order mark (the file's bytes when it has none).</summary>
    public static string Of(string content)
    {
        var byteCount = Encoding.UTF8.GetByteCount(content);
        var bytes = byteCount <= 64 * 1024 ? stackalloc byte[byteCount] : new byte[byteCount];
        Encoding.UTF8.GetBytes(content, bytes);
        return Of(bytes);
    }

    /// <summary>Hash of bytes as read from a file.</summary>
    public static string Of(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The bytes after a UTF-8 byte order mark, if there is one.</summary>
    public static ReadOnlySpan<byte> WithoutBom(ReadOnlySpan<byte> utf8) => utf8.StartsWith(Utf8Bom) ? utf8[3..] : utf8;
}

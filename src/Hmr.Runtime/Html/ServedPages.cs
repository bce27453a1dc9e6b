using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Hmr.Runtime.Html;

/// <summary>The markup of the pages the server sent lately, as the browser got it (preamble and import map in), each
/// under a random id the page's preamble tag carries. A page's first morph (page-refresh.js) needs what the server
/// sent before to tell the server's changes from a script's. Bounded: the latest <see cref="Capacity"/> pages, each at
/// most <see cref="MaxPageBytes"/> (a larger page gets a two-way morph).</summary>
internal sealed class ServedPages
{
    public const int Capacity = 64;
    public const int MaxPageBytes = 2 * 1024 * 1024;

    private readonly ConcurrentDictionary<string, ServedPage> _pages = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> _order = new();

    public static string NewId() => Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();

    public void Add(string id, ServedPage page)
    {
        if (!_pages.TryAdd(id, page)) return;
        _order.Enqueue(id);
        while (_order.Count > Capacity && _order.TryDequeue(out var oldest)) _pages.TryRemove(oldest, out _);
    }

    public ServedPage? Find(string? id) => id is not null && _pages.TryGetValue(id, out var page) ? page : null;
}

/// <summary>One page's markup and its content type (for its charset).</summary>
internal sealed record ServedPage(byte[] Markup, string ContentType);

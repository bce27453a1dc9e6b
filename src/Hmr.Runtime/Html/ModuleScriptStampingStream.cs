using Hmr.Core.Engine;

namespace Hmr.Runtime.Html;

/// <summary>Passes a page through, giving each <c>&lt;script type="module" src&gt;</c> start tag its module's update
/// timestamp (<see cref="ModuleScriptStamps"/>) and, with <paramref name="preloads"/>, the preload links of the
/// dependency bundles its module loads before it. Bytes are held back only while a start tag (or what may be the start of
/// one) is incomplete; the raw text of scripts is skipped, so a string that looks like a tag inside inline code is
/// left alone.</summary>
internal sealed class ModuleScriptStampingStream(Stream inner, string pagePath, Func<string, ModuleInfo?> lookup,
    ModulePreloads? preloads = null) : RewritingStream
{
    // A start tag longer than this is passed on as it is rather than held.
    private const int TagLimit = 64 * 1024;
    private static readonly byte[] ScriptOpen = "<script"u8.ToArray();
    private static readonly byte[] ScriptClose = "</script"u8.ToArray();
    private readonly MemoryStream _held = new();
    private bool _inScriptText;

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        _held.Write(buffer.Span);
        var data = _held.GetBuffer().AsMemory(0, (int)_held.Length);
        var consumed = await PassOnAsync(data, cancellationToken);
        var rest = data[consumed..].ToArray();
        _held.SetLength(0);
        _held.Write(rest);
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    /// <summary>End of the page: what is still held goes out as it is.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        if (_held.Length == 0) return;
        await inner.WriteAsync(_held.GetBuffer().AsMemory(0, (int)_held.Length), cancellationToken);
        _held.SetLength(0);
    }

    /// <summary>Writes out what can be decided and returns how many bytes of <paramref name="data"/> that was.</summary>
    private async Task<int> PassOnAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var output = new List<ReadOnlyMemory<byte>>();
        var consumed = Decide(data, output);
        foreach (var part in output)
            if (!part.IsEmpty) await inner.WriteAsync(part, cancellationToken);
        return consumed;
    }

    /// <summary>Splits <paramref name="data"/> into the parts to write (stamped tags replaced) and returns how many of
    /// its bytes they cover; the rest waits for more data.</summary>
    private int Decide(ReadOnlyMemory<byte> data, List<ReadOnlyMemory<byte>> output)
    {
        var span = data.Span;
        var position = 0;
        while (true)
        {
            if (_inScriptText)
            {
                var close = IndexOfIgnoreCase(span[position..], ScriptClose);
                if (close < 0)
                {
                    // The end of the data may be the start of "</script": keep that much.
                    var safe = data.Length - PartialAtEnd(span[position..], ScriptClose);
                    output.Add(data[position..safe]);
                    return safe;
                }
                _inScriptText = false;
                var afterClose = position + close + ScriptClose.Length;
                output.Add(data[position..afterClose]);
                position = afterClose;
                continue;
            }
            var open = IndexOfIgnoreCase(span[position..], ScriptOpen);
            if (open < 0)
            {
                var safe = data.Length - PartialAtEnd(span[position..], ScriptOpen);
                output.Add(data[position..safe]);
                return safe;
            }
            var tagStart = position + open;
            output.Add(data[position..tagStart]);
            var afterName = tagStart + ScriptOpen.Length;
            if (afterName >= data.Length) return tagStart;
            if (span[afterName] is not ((byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)'\f' or (byte)'>' or (byte)'/'))
            {
                // "<scripts", "<script-x": not a script element.
                output.Add(data[tagStart..afterName]);
                position = afterName;
                continue;
            }
            var tagEnd = EndOfTag(span, afterName);
            if (tagEnd < 0)
            {
                if (data.Length - tagStart <= TagLimit) return tagStart;
                output.Add(data[tagStart..]);
                return data.Length;
            }
            var tag = ModuleScriptStamps.Decode(span[tagStart..(tagEnd + 1)]);
            if (preloads is not null && ModuleScriptStamps.ModulePath(tag, pagePath) is { } module && preloads.LinksFor(module) is { } links)
                output.Add(ModuleScriptStamps.Encode(links));
            output.Add(ModuleScriptStamps.Stamp(tag, pagePath, lookup) is { } stamped
                ? ModuleScriptStamps.Encode(stamped)
                : data[tagStart..(tagEnd + 1)]);
            _inScriptText = true;
            position = tagEnd + 1;
        }
    }

    /// <summary>How many bytes at the end of <paramref name="span"/> begin <paramref name="lowerNeedle"/> (and may be
    /// completed by the next write): only those are held back, so a page that flushes after "&lt;/p&gt;" is not delayed.</summary>
    private static int PartialAtEnd(ReadOnlySpan<byte> span, ReadOnlySpan<byte> lowerNeedle)
    {
        for (var length = Math.Min(lowerNeedle.Length - 1, span.Length); length > 0; length--)
            if (IndexOfIgnoreCase(span[^length..], lowerNeedle[..length]) == 0) return length;
        return 0;
    }

    /// <summary>The index of the tag's closing <c>&gt;</c>, outside quoted attribute values; -1 when not there yet.</summary>
    private static int EndOfTag(ReadOnlySpan<byte> span, int from)
    {
        byte quote = 0;
        for (var i = from; i < span.Length; i++)
        {
            var b = span[i];
            if (quote != 0) { if (b == quote) quote = 0; }
            else if (b is (byte)'"' or (byte)'\'') quote = b;
            else if (b == (byte)'>') return i;
        }
        return -1;
    }

    private static int IndexOfIgnoreCase(ReadOnlySpan<byte> span, ReadOnlySpan<byte> lowerNeedle)
    {
        var from = 0;
        while (true)
        {
            var at = span[from..].IndexOf(lowerNeedle[0]);
            if (at < 0) return -1;
            var start = from + at;
            if (span.Length - start < lowerNeedle.Length)
                return -1;
            var match = true;
            for (var i = 1; i < lowerNeedle.Length && match; i++)
                match = (span[start + i] | 0x20) == lowerNeedle[i] || span[start + i] == lowerNeedle[i];
            if (match) return start;
            from = start + 1;
        }
    }
}

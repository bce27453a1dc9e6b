using System.Text;

namespace Hmr.Runtime.Html;

/// <summary>Writes an HTML document through, inserting a snippet right after the <c>&lt;head&gt;</c> start tag.
/// Only the bytes before that point are held back; when a page has no head tag (or flushes before it), the
/// snippet goes after <c>&lt;html&gt;</c> or the doctype, where the parser still puts it into the head.</summary>
internal sealed class InjectingStream(Stream inner, string snippet) : Stream
{
    private const int HoldLimit = 64 * 1024;
    private readonly byte[] _snippet = Encoding.UTF8.GetBytes(snippet);
    private readonly MemoryStream _pending = new();
    private bool _done;

    public bool Injected { get; private set; }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) =>
        WriteAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_done) { await inner.WriteAsync(buffer, cancellationToken); return; }
        _pending.Write(buffer.Span);
        var held = _pending.GetBuffer().AsMemory(0, (int)_pending.Length);
        var point = HtmlScanner.AfterHeadStartTag(held.Span);
        if (point == HtmlScanner.NeedMore && (HtmlScanner.HasImplicitHead(held.Span) || held.Length > HoldLimit))
            point = HtmlScanner.Fallback(held.Span);
        if (point != HtmlScanner.NeedMore) await ReleaseAsync(point, cancellationToken);
    }

    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>The app wants bytes on the wire now (streaming rendering): stop waiting for a head tag, unless the
    /// held bytes end inside a tag (a writer that flushes after every write, such as <c>Response.WriteAsync</c>).</summary>
    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (!_done && _pending.Length > 0)
        {
            var held = _pending.GetBuffer().AsSpan(0, (int)_pending.Length);
            if (held.LastIndexOf((byte)'<') > held.LastIndexOf((byte)'>')) return;
            await ReleaseAsync(HtmlScanner.Fallback(held), cancellationToken);
        }
        await inner.FlushAsync(cancellationToken);
    }

    /// <summary>End of the response: write whatever is still held.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        if (!_done && _pending.Length > 0) await ReleaseAsync(HtmlScanner.Fallback(_pending.GetBuffer().AsSpan(0, (int)_pending.Length)), cancellationToken);
        _done = true;
    }

    /// <summary>Writes the held bytes with the snippet at <paramref name="point"/> (no snippet when negative).</summary>
    private async Task ReleaseAsync(int point, CancellationToken cancellationToken)
    {
        _done = true;
        var held = _pending.GetBuffer().AsMemory(0, (int)_pending.Length);
        if (point < 0) { await inner.WriteAsync(held, cancellationToken); return; }
        await inner.WriteAsync(held[..point], cancellationToken);
        await inner.WriteAsync(_snippet, cancellationToken);
        await inner.WriteAsync(held[point..], cancellationToken);
        Injected = true;
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}

namespace Hmr.Runtime.Html;

/// <summary>Passes a page's bytes on and keeps a copy of them (<see cref="ServedPages"/>), up to a limit; past it the
/// copy is dropped and <see cref="Captured"/> is null.</summary>
internal sealed class CapturingStream(Stream inner, int limit) : RewritingStream
{
    private MemoryStream? _copy = new();

    public byte[]? Captured => _copy?.ToArray();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_copy is not null)
        {
            if (_copy.Length + buffer.Length > limit) _copy = null;
            else _copy.Write(buffer.Span);
        }
        await inner.WriteAsync(buffer, cancellationToken);
    }

    public override void Flush() => inner.Flush();
    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);
}

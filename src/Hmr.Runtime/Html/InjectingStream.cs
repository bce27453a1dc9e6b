using System.Text;

namespace Hmr.Runtime.Html;

/// <summary>Writes an HTML document through, inserting a snippet right after the <c>&lt;head&gt;</c> start tag and,
/// when the app has dependencies, their import map entries (<see cref="ImportMapAddition"/>) into the page's first
/// import map or as a map before the first script. Only the bytes before those points are held back; when a page has
/// no head tag (or flushes before it), the snippet goes after <c>&lt;html&gt;</c> or the doctype, where the parser still
/// puts it into the head. Both carry the page's script nonce when <paramref name="pageNonce"/> gives one: it is asked for
/// when the first bytes go out, after the app has set its headers.</summary>
internal sealed class InjectingStream(Stream inner, string snippet, ImportMapAddition? importMap = null,
    Func<CancellationToken, ValueTask<string?>>? pageNonce = null) : RewritingStream
{
    private const int HoldLimit = 64 * 1024;
    // How far past the head the import map's place is looked for (a head with big inline styles or scripts).
    private const int ImportMapHoldLimit = 1024 * 1024;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private readonly MemoryStream _pending = new();
    private int? _snippetPoint;
    private int _scanFrom;
    private bool _done;

    public bool Injected { get; private set; }

    /// <summary>What became of the dependencies' entries: null (none to add, or no place found), <c>merged</c>,
    /// <c>inserted</c>, or why the page's own map was left as it was.</summary>
    public string? ImportMapOutcome { get; private set; }

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_done) { await inner.WriteAsync(buffer, cancellationToken); return; }
        _pending.Write(buffer.Span);
        await AdvanceAsync(Reason.Write, cancellationToken);
    }

    public override void Flush() => FlushAsync(CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>The app wants bytes on the wire now (streaming rendering): stop waiting for a head tag, unless the
    /// held bytes end inside a tag (a writer that flushes after every write, such as <c>Response.WriteAsync</c>). The
    /// search for the import map's place is not cut short: it ends at the head's end at the latest.</summary>
    public override async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (!_done && _pending.Length > 0)
        {
            var held = Held.Span;
            if (held.LastIndexOf((byte)'<') > held.LastIndexOf((byte)'>')) return;
            await AdvanceAsync(Reason.Flush, cancellationToken);
            if (!_done) return;
        }
        await inner.FlushAsync(cancellationToken);
    }

    /// <summary>End of the response: write whatever is still held.</summary>
    public async Task FinishAsync(CancellationToken cancellationToken)
    {
        if (!_done && _pending.Length > 0) await AdvanceAsync(Reason.End, cancellationToken);
        _done = true;
    }

    private enum Reason { Write, Flush, End }

    private Memory<byte> Held => _pending.GetBuffer().AsMemory(0, (int)_pending.Length);

    /// <summary>Finds the snippet's place, then the import map's, as far as the held bytes allow; writes them out once
    /// both are known (or can no longer be).</summary>
    private async Task AdvanceAsync(Reason reason, CancellationToken cancellationToken)
    {
        if (_snippetPoint is null)
        {
            var held = Held.Span;
            var point = HeadInjectionPoints.AfterHeadStartTag(held);
            if (point == HeadInjectionPoints.NeedMore && (reason != Reason.Write || HeadInjectionPoints.HasImplicitHead(held) || held.Length > HoldLimit))
                point = HeadInjectionPoints.Fallback(held);
            if (point == HeadInjectionPoints.NeedMore) return;
            _snippetPoint = point;
            _scanFrom = Math.Max(point, 0);
        }
        var snippetPoint = _snippetPoint.Value;
        if (importMap is null || snippetPoint < 0)
        {
            await ReleaseAsync(snippetPoint, default, cancellationToken);
            return;
        }
        var spot = ImportMapSpotScanner.Find(Held.Span, _scanFrom);
        if (spot.Kind == ImportMapSpotKind.NeedMore)
        {
            _scanFrom = spot.Start;
            if (reason == Reason.End || _pending.Length > ImportMapHoldLimit) await ReleaseAsync(snippetPoint, default, cancellationToken);
            return;
        }
        await ReleaseAsync(snippetPoint, spot, cancellationToken);
    }

    /// <summary>Writes the held bytes with the snippet at <paramref name="point"/> (no snippet when negative) and the
    /// dependencies at <paramref name="spot"/> (none when it is <c>default</c>).</summary>
    private async Task ReleaseAsync(int point, ImportMapSpot spot, CancellationToken cancellationToken)
    {
        _done = true;
        var held = Held;
        if (point < 0) { await inner.WriteAsync(held, cancellationToken); return; }
        var nonce = pageNonce is null ? null : await pageNonce(cancellationToken);
        await inner.WriteAsync(held[..point], cancellationToken);
        await inner.WriteAsync(Utf8.GetBytes(ContentSecurityPolicyNonce.Apply(snippet, nonce)), cancellationToken);
        Injected = true;
        switch (spot.Kind)
        {
            case ImportMapSpotKind.InsertAt:
                await inner.WriteAsync(held[point..spot.Start], cancellationToken);
                await inner.WriteAsync(Utf8.GetBytes(ContentSecurityPolicyNonce.Apply(importMap!.Tag(), nonce)), cancellationToken);
                await inner.WriteAsync(held[spot.Start..], cancellationToken);
                ImportMapOutcome = "inserted";
                return;
            case ImportMapSpotKind.MergeInto:
                var merged = importMap!.MergeInto(Utf8.GetString(held.Span[spot.Start..spot.End]), out var problem);
                ImportMapOutcome = merged is null ? problem : "merged";
                await inner.WriteAsync(held[point..spot.Start], cancellationToken);
                await inner.WriteAsync(merged is null ? held[spot.Start..spot.End] : Utf8.GetBytes(merged), cancellationToken);
                await inner.WriteAsync(held[spot.End..], cancellationToken);
                return;
            default:
                await inner.WriteAsync(held[point..], cancellationToken);
                return;
        }
    }
}

namespace Hmr.Core.Engine;

/// <summary>Update timestamps: Unix milliseconds, but strictly increasing even when the wall clock stalls or steps
/// back, because the client and the served <c>?t=</c> URLs rely on a later update never reusing a stamp.</summary>
internal sealed class TimestampClock(Func<long>? now = null)
{
    private readonly Func<long> _now = now ?? (() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
    private long _last;

    public long Last => Interlocked.Read(ref _last);

    public long Next()
    {
        while (true)
        {
            var last = Interlocked.Read(ref _last);
            var next = Math.Max(_now(), last + 1);
            if (Interlocked.CompareExchange(ref _last, next, last) == last) return next;
        }
    }
}

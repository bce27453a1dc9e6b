using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Hmr.Runtime.Html;

/// <summary>The response body as the app sees it during a document request. When the response turns out to be a
/// 200 <c>text/html</c> without content coding, writes go through an <see cref="InjectingStream"/> and then, when
/// <paramref name="stamps"/> is given, a <see cref="ModuleScriptStampingStream"/>; with <paramref name="capture"/>, a
/// copy of what goes out is kept (<see cref="Captured"/>). Anything else passes through untouched.</summary>
internal sealed class InjectingBodyFeature(IHttpResponseBodyFeature inner, HttpResponse response, string snippet, ImportMapAddition? importMap,
    Func<Stream, ModuleScriptStampingStream>? stamps = null, bool capture = false)
    : IHttpResponseBodyFeature
{
    private readonly IHttpResponseBodyFeature _inner = inner;
    private InjectingStream? _injecting;
    private ModuleScriptStampingStream? _stamping;
    private CapturingStream? _capturing;
    private Stream? _stream;
    private PipeWriter? _writer;
    private bool _decided;

    public bool Injected => _injecting?.Injected == true;

    /// <summary>See <see cref="InjectingStream.ImportMapOutcome"/>.</summary>
    public string? ImportMapOutcome => _injecting?.ImportMapOutcome;

    /// <summary>The page as it went out, when it was captured and not too large; call after <see cref="CompleteAsync"/>.</summary>
    public byte[]? Captured => _capturing?.Captured;

    public Stream Stream => _stream ??= new DecidingStream(this);

    public PipeWriter Writer => _writer ??= PipeWriter.Create(Stream, new StreamPipeWriterOptions(leaveOpen: true));

    public void DisableBuffering() => _inner.DisableBuffering();

    public Task StartAsync(CancellationToken cancellationToken = default)
    {
        Decide();
        return _inner.StartAsync(cancellationToken);
    }

    public async Task SendFileAsync(string path, long offset, long? count, CancellationToken cancellationToken = default)
    {
        if (Decide() is not { } injecting)
        {
            await _inner.SendFileAsync(path, offset, count, cancellationToken);
            return;
        }
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, useAsync: true);
        file.Seek(offset, SeekOrigin.Begin);
        var remaining = count ?? file.Length - offset;
        var buffer = new byte[16 * 1024];
        while (remaining > 0)
        {
            var read = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), cancellationToken);
            if (read == 0) break;
            await injecting.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            remaining -= read;
        }
    }

    public async Task CompleteAsync()
    {
        if (_writer is not null) await _writer.FlushAsync();
        if (_injecting is not null) await _injecting.FinishAsync(CancellationToken.None);
        if (_stamping is not null) await _stamping.FinishAsync(CancellationToken.None);
    }

    /// <summary>Decides once, before the first byte or header goes out, whether this response gets the tag.</summary>
    private InjectingStream? Decide()
    {
        if (_decided) return _injecting;
        _decided = true;
        var contentType = response.ContentType ?? "";
        if (response.HasStarted || response.StatusCode != StatusCodes.Status200OK
            || !contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase)
            || response.Headers.ContentEncoding.Count > 0)
            return null;
        response.ContentLength = null;
        response.Headers.ETag = default;
        response.Headers.LastModified = default;
        response.Headers.CacheControl = "no-cache";
        var output = _inner.Stream;
        if (capture) output = _capturing = new CapturingStream(output, ServedPages.MaxPageBytes);
        _stamping = stamps?.Invoke(output);
        _injecting = new InjectingStream((Stream?)_stamping ?? output, snippet, importMap, PageNonceAsync);
        return _injecting;
    }

    /// <summary>The response's script nonce. An app may set its policy header as the response starts (an
    /// <c>OnStarting</c> callback, as security-header middleware does); starting it here, right before its first bytes
    /// would start it anyway, runs those callbacks first.</summary>
    private async ValueTask<string?> PageNonceAsync(CancellationToken cancellationToken)
    {
        if (!response.HasStarted) await _inner.StartAsync(cancellationToken);
        return ContentSecurityPolicyNonce.Find(response.Headers);
    }

    /// <summary>Routes each write to the injecting stream or straight to the server, once decided.</summary>
    private sealed class DecidingStream(InjectingBodyFeature owner) : Stream
    {
        private Stream Target => (Stream?)owner.Decide() ?? owner._inner.Stream;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() => Target.Flush();
        public override Task FlushAsync(CancellationToken cancellationToken) => Target.FlushAsync(cancellationToken);
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => Target.Write(buffer, offset, count);
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Target.WriteAsync(buffer, offset, count, cancellationToken);
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
            Target.WriteAsync(buffer, cancellationToken);
    }
}

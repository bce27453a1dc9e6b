using System.Collections.Concurrent;
using System.Text;
using System.Threading.Channels;
using Hmr.Core.Artifact;
using Hmr.Core.Protocol;
using Hmr.Runtime.Dependencies;
using Hmr.Runtime.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Hmr.Runtime.Checking;

/// <summary>Checks each version of a module pages load with the full JavaScript parser (Hmr.Bundler's, loaded at run
/// time), off the update's path: a module is served and its update goes out as fast as without the check, and the
/// verdict comes a moment later. An error the lexer did not see goes to the pages' overlay as an <c>error</c> message,
/// and from then on the module is served as the overlay's stand-in until the file changes (docs/runtime.md, "A module
/// with a syntax error"). Only modules a page asks for are checked, so a broken file no page loads stays quiet.</summary>
internal sealed class ModuleSyntaxChecks : IDisposable
{
    /// <summary>Deep syntax trees are parsed recursively; a large stack keeps the parser safe on any input.</summary>
    private const int StackBytes = 64 * 1024 * 1024;

    private readonly HmrServer _server;
    private readonly ILogger<ModuleSyntaxChecks> _logger;
    private readonly string? _bundlerAssembly;
    private readonly Channel<CheckRequest> _requests = Channel.CreateUnbounded<CheckRequest>(new UnboundedChannelOptions { SingleReader = true });
    // Per module URL, the verdict on its latest version checked or being checked (keyed by content hash).
    private readonly ConcurrentDictionary<string, Verdict> _verdicts = new(StringComparer.Ordinal);
    private readonly Lock _startLock = new();
    private Thread? _worker;
    private CheckModuleSyntax? _check;

    public ModuleSyntaxChecks(HmrServer server, IOptions<HmrOptions> options, ILogger<ModuleSyntaxChecks> logger)
    {
        _server = server;
        _logger = logger;
        _bundlerAssembly = options.Value.CheckSyntax ? options.Value.BundlerAssembly ?? AppContext.GetData("Hmr.BundlerAssembly") as string : null;
    }

    private sealed record CheckRequest(string Url, string FullPath, string Hash, string Source);

    /// <summary>The version's verdict: <see cref="Pending"/> while the parser has not answered, then its error or null.</summary>
    private sealed class Verdict(string hash)
    {
        // Written by the worker (the error first), read by requests: volatile, so a reader that sees the answer sees the error.
        private volatile bool _pending = true;

        public string Hash { get; } = hash;
        public bool Pending { get => _pending; set => _pending = value; }
        public DiagnosticRecord? Error { get; set; }
    }

    /// <summary>The parser's error for this version of the module, when it has one and has already answered.</summary>
    public DiagnosticRecord? KnownError(string url, string hash) =>
        _verdicts.TryGetValue(url, out var verdict) && verdict.Hash == hash && !verdict.Pending ? verdict.Error : null;

    /// <summary>Has this version checked in the background, unless it is or was already.</summary>
    public void Request(string url, string fullPath, string hash, string source)
    {
        if (_bundlerAssembly is null) return;
        var fresh = new Verdict(hash);
        var current = _verdicts.AddOrUpdate(url, fresh, (_, existing) => existing.Hash == hash ? existing : fresh);
        if (current != fresh) return;
        EnsureWorker();
        _requests.Writer.TryWrite(new CheckRequest(url, fullPath, hash, source));
    }

    private void EnsureWorker()
    {
        if (_worker is not null) return;
        lock (_startLock)
        {
            if (_worker is not null) return;
            _worker = new Thread(Work, StackBytes) { IsBackground = true, Name = "Hmr syntax check" };
            _worker.Start();
        }
    }

    private void Work()
    {
        // Loaded here, not on the request that first served a module: that request is on an update's path.
        _check = BundlerLoader.LoadSyntaxCheck(_bundlerAssembly, out var problem);
        if (_check is null) _logger.SyntaxCheckUnavailable(problem ?? "no parser");
        var reader = _requests.Reader;
        while (reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (reader.TryRead(out var request)) CheckOne(request);
        }
    }

    private void CheckOne(CheckRequest request)
    {
        if (!_verdicts.TryGetValue(request.Url, out var verdict) || verdict.Hash != request.Hash) return; // superseded
        DiagnosticRecord? error = null;
        try
        {
            error = _check?.Invoke(request.Source, request.Url);
        }
        catch (Exception e)
        {
            // The check is a convenience: a parser bug must not stop the server or the module.
            _logger.Failure(e, $"the syntax check of {request.Url}");
        }
        verdict.Error = error;
        verdict.Pending = false;
        if (error is null) return;
        // Saved again since: the newer version gets its own verdict, and an overlay for this one would be stale.
        if (!StillOnDisk(request)) return;
        _logger.ModuleRejectedByParser(request.Url, error.Line, error.Column, error.Message);
        var overlay = new ErrorMessage(HmrError.InSource(request.Url, request.Source, error));
        try
        {
            _server.PublishAsync([request.Url], [overlay]).AsTask().GetAwaiter().GetResult();
        }
        catch (Exception e)
        {
            _logger.Failure(e, $"the overlay for {request.Url}");
        }
    }

    private static bool StillOnDisk(CheckRequest request)
    {
        try
        {
            return Encoding.UTF8.GetString(ContentHash.WithoutBom(File.ReadAllBytes(request.FullPath))) == request.Source;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public void Dispose() => _requests.Writer.TryComplete();
}

using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hmr.Runtime.Hosting;

/// <summary>Runs the update path's warm-up once the app listens: its module requests over a loopback connection to the
/// app when nobody would see them, in process otherwise; logs what it did.</summary>
internal sealed class WarmUpLauncher(
    IServer httpServer,
    WarmUpRoute route,
    ILoggerFactory loggers,
    IServiceProvider services,
    ILogger<WarmUpLauncher> logger)
{
    public async Task<WarmUpResult> RunAsync(CancellationToken stopping)
    {
        var watch = Stopwatch.StartNew();
        var (loopback, inProcessBecause) = CreateLoopback();
        using (loopback)
        {
            var result = await UpdatePathWarmup.RunAsync(stopping, loopback: loopback);
            var how = inProcessBecause is not null ? $"in process ({inProcessBecause})"
                : result.LoopbackFailed ? $"over loopback, {result.LoopbackRequests} before one failed, the rest in process"
                : $"over loopback ({result.LoopbackRequests})";
            logger.WarmedUp(result.Rounds, watch.ElapsedMilliseconds, how);
            return result;
        }
    }

    private (LoopbackModuleRequests? Loopback, string? InProcessBecause) CreateLoopback()
    {
        if (LoopbackModuleRequests.WouldBeSeen(loggers, services.GetService<DiagnosticListener>()) is { } seen) return (null, seen);
        var addresses = httpServer.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        return LoopbackModuleRequests.TryCreate(addresses, route) is { } loopback
            ? (loopback, null)
            : (null, "the server has no loopback address");
    }
}

using System.Security.Cryptography;
using System.Text;
using Hmr.Runtime.Sockets;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Hmr.Runtime.Hosting;

/// <summary>Lets the warm-up's module requests travel the app's real request path (Kestrel, hosting, the HMR
/// middleware) to the warm-up's own scratch modules: <c>/_hmr/warm-up/dep.js</c> is served as the scratch root's
/// <c>/dep.js</c>. Open only while a warm-up runs, and only to a request carrying that run's random secret; anything
/// else under the prefix is a 404 like every unknown <c>/_hmr/</c> URL.</summary>
internal sealed class WarmUpRoute
{
    public const string Prefix = "/_hmr/warm-up";
    public const string SecretHeader = "X-Hmr-Warm-Up";

    private sealed record Opening(byte[] Secret, RequestDelegate Serve);

    private Opening? _open;

    /// <summary>Whether a warm-up is being served.</summary>
    public bool IsOpen => Volatile.Read(ref _open) is not null;

    /// <summary>Routes requests with the returned secret to <paramref name="serve"/> until the result is disposed.</summary>
    public IDisposable Open(RequestDelegate serve, out string secret)
    {
        secret = Convert.ToHexString(RandomNumberGenerator.GetBytes(32));
        var opening = new Opening(Encoding.ASCII.GetBytes(secret), serve);
        Volatile.Write(ref _open, opening);
        return new Closing(this, opening);
    }

    /// <summary>Serves <paramref name="context"/> (whose path is <paramref name="rest"/> under the prefix) from the open
    /// warm-up, or answers 404.</summary>
    public Task ServeAsync(HttpContext context, PathString rest)
    {
        if (Volatile.Read(ref _open) is not { } open || !HmrToken.SecretMatches(context.Request.Headers[SecretHeader], open.Secret))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        // The scratch middleware sees the module's own URL, in the path and in the raw target it checks for traversal.
        context.Request.Path = rest;
        if (context.Features.Get<IHttpRequestFeature>() is { } request)
            request.RawTarget = rest.Value + context.Request.QueryString.Value;
        return open.Serve(context);
    }

    private sealed class Closing(WarmUpRoute route, Opening opening) : IDisposable
    {
        public void Dispose() => Interlocked.CompareExchange(ref route._open, null, opening);
    }
}

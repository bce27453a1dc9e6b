using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;

namespace Hmr.Runtime.Sockets;

/// <summary>Who may open the HMR socket: pages of this app on a loopback host, and origins the options allow.
/// A foreign <c>Origin</c> (another site in the same browser) and a non-loopback <c>Host</c> (DNS rebinding) are refused.</summary>
internal sealed class OriginPolicy(IServer server, HmrOptions options)
{
    /// <summary>Null when the request may connect, otherwise why not.</summary>
    public string? Check(HttpRequest request)
    {
        if (CheckHost(request) is { } hostProblem) return hostProblem;
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0) return null; // not a browser: the token is the only key
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var originUri) || originUri.Scheme is not ("http" or "https"))
            return $"Origin '{origin}' is not an http(s) origin";
        if (IsSameOrigin(originUri, request) || IsOwnLoopbackOrigin(originUri) || IsListed(originUri)) return null;
        return $"Origin '{origin}' is not allowed";
    }

    /// <summary>Null when the request names a loopback host (or one the options allow), otherwise why not. A page on a
    /// rebound DNS name reaches our port with its own name in <c>Host</c>: it gets none of the runtime's URLs, so it can
    /// read neither the socket's token (in the client script) nor the instance id.</summary>
    public string? CheckHost(HttpRequest request) =>
        IsLoopbackHost(request.Host.Host) || IsAllowedHost(request.Host) ? null : $"Host '{request.Host}' is not a loopback host";

    public static bool IsLoopbackHost(string host)
    {
        if (host.Length == 0) return false;
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)) return true;
        return IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
    }

    private static bool IsSameOrigin(Uri origin, HttpRequest request) =>
        origin.Scheme == request.Scheme
        && string.Equals(origin.Host.Trim('[', ']'), request.Host.Host.Trim('[', ']'), StringComparison.OrdinalIgnoreCase)
        && origin.Port == (request.Host.Port ?? (request.IsHttps ? 443 : 80));

    private bool IsOwnLoopbackOrigin(Uri origin)
    {
        if (!IsLoopbackHost(origin.Host)) return false;
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            var normalized = address.Replace("://*", "://localhost").Replace("://+", "://localhost").Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost");
            if (Uri.TryCreate(normalized, UriKind.Absolute, out var own) && own.Scheme == origin.Scheme && own.Port == origin.Port) return true;
        }
        return false;
    }

    private bool IsListed(Uri origin) => options.AllowedOrigins.Any(allowed =>
        Uri.TryCreate(allowed, UriKind.Absolute, out var uri)
        && uri.Scheme == origin.Scheme && string.Equals(uri.Host, origin.Host, StringComparison.OrdinalIgnoreCase) && uri.Port == origin.Port);

    private bool IsAllowedHost(HostString host) => options.AllowedOrigins.Any(allowed =>
        Uri.TryCreate(allowed, UriKind.Absolute, out var uri) && string.Equals(uri.Host, host.Host, StringComparison.OrdinalIgnoreCase));
}

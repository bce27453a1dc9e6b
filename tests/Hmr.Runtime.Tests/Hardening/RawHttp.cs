using System.Net.Sockets;
using System.Text;

namespace Hmr.Runtime.Tests.Hardening;

/// <summary>One HTTP exchange over a raw socket: the request target goes out byte for byte (HttpClient would
/// normalise dots, backslashes and '#'), the answer comes back split into status, headers and body.</summary>
internal sealed record RawResponse(int Status, string Head, byte[] Body)
{
    public string BodyText => Encoding.UTF8.GetString(Body);

    public string All => Head + "\r\n\r\n" + Encoding.Latin1.GetString(Body);

    public IEnumerable<string> HeaderNames => Head.Split("\r\n")[1..]
        .Select(l => l.Split(':', 2)[0].Trim()).Where(n => n.Length > 0);

    public bool HasHeader(string name) => HeaderNames.Any(n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
}

internal static class RawHttp
{
    /// <summary>Sends <paramref name="requestHead"/> (everything before the blank line; the blank line is added) and
    /// reads until the server closes or, for a 101, until the head is complete.</summary>
    public static async Task<RawResponse> SendAsync(Uri server, string requestHead, byte[]? body = null)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(server.Host, server.Port);
        await using var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.Latin1.GetBytes(requestHead + "\r\n\r\n"));
        if (body is not null) await stream.WriteAsync(body);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var received = new MemoryStream();
        var buffer = new byte[64 * 1024];
        while (true)
        {
            int read;
            try { read = await stream.ReadAsync(buffer, timeout.Token); }
            catch (IOException) { break; } // reset by the server after its answer
            catch (OperationCanceledException) { break; } // kept alive without a length: what came is the answer
            if (read == 0) break;
            received.Write(buffer, 0, read);
            var sofar = received.ToArray();
            var headEnd = IndexOfHeadEnd(sofar);
            // A WebSocket (101) stays open: the head is all there is to read.
            if (headEnd >= 0 && Encoding.Latin1.GetString(sofar, 0, Math.Min(12, sofar.Length)).EndsWith(" 101", StringComparison.Ordinal)) break;
            // A kept-alive HTTP/1.1 answer: complete once Content-Length bytes of body are in.
            if (headEnd >= 0 && ContentLength(Encoding.Latin1.GetString(sofar, 0, headEnd)) is { } length && sofar.Length - headEnd - 4 >= length) break;
            if (received.Length > 32 * 1024 * 1024) break;
        }
        var bytes = received.ToArray();
        var end = IndexOfHeadEnd(bytes);
        var head = Encoding.Latin1.GetString(bytes, 0, end < 0 ? bytes.Length : end);
        var rest = end < 0 ? [] : bytes[(end + 4)..];
        var statusLine = head.Split("\r\n")[0];
        var status = statusLine.Length >= 12 && int.TryParse(statusLine.AsSpan(9, 3), out var code) ? code : 0;
        return new RawResponse(status, head, rest);
    }

    /// <summary>A GET in HTTP/1.0 (no chunked encoding, the server closes after the answer).</summary>
    public static Task<RawResponse> GetAsync(Uri server, string target, string? host = null, string extraHeaders = "") =>
        SendAsync(server, $"GET {target} HTTP/1.0\r\nHost: {host ?? server.Authority}{Headers(extraHeaders)}");

    /// <summary>A WebSocket handshake (HTTP/1.1 Upgrade) on <paramref name="target"/>.</summary>
    public static Task<RawResponse> UpgradeAsync(Uri server, string target, string? host = null, string? origin = null) =>
        SendAsync(server,
            $"GET {target} HTTP/1.1\r\nHost: {host ?? server.Authority}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n" +
            $"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13" + (origin is null ? "" : $"\r\nOrigin: {origin}"));

    private static string Headers(string extra) => extra.Length == 0 ? "" : "\r\n" + extra.TrimEnd('\r', '\n');

    private static long? ContentLength(string head)
    {
        foreach (var line in head.Split("\r\n"))
        {
            var parts = line.Split(':', 2);
            if (parts.Length == 2 && parts[0].Trim().Equals("Content-Length", StringComparison.OrdinalIgnoreCase)
                && long.TryParse(parts[1].Trim(), System.Globalization.CultureInfo.InvariantCulture, out var n)) return n;
        }
        return null;
    }

    private static int IndexOfHeadEnd(byte[] bytes)
    {
        for (var i = 0; i + 3 < bytes.Length; i++)
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') return i;
        return -1;
    }
}

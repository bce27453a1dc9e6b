using System.Security.Cryptography;
using System.Text;

namespace Hmr.Runtime.Sockets;

/// <summary>The per-process secret a browser must present to open the HMR socket, and the id of this server
/// instance (a client that reconnects to another instance knows the server restarted).</summary>
internal sealed class HmrToken
{
    private readonly byte[] _tokenBytes;

    public HmrToken()
    {
        Value = Base64Url(RandomNumberGenerator.GetBytes(32));
        _tokenBytes = Encoding.ASCII.GetBytes(Value);
        InstanceId = Base64Url(RandomNumberGenerator.GetBytes(9));
    }

    /// <summary>43 base64url characters, embedded in the client script (kept by the browser only: <c>private</c>).</summary>
    public string Value { get; }

    /// <summary>Identifies this process to reconnecting clients.</summary>
    public string InstanceId { get; }

    /// <summary>Constant-time comparison; any length or character mismatch fails.</summary>
    public bool Matches(string? candidate)
    {
        if (string.IsNullOrEmpty(candidate) || candidate.Length > 256) return false;
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _tokenBytes);
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

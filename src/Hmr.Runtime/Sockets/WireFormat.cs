using System.Text.Json;
using Hmr.Core.Protocol;

namespace Hmr.Runtime.Sockets;

/// <summary>The frames the runtime sends beyond the shared protocol serializer: <c>connected</c> carries the server
/// instance id so a reconnecting client can tell a restart from a network blip.</summary>
internal static class WireFormat
{
    public static string Connected(string instanceId, long broadcasts = 0) =>
        "{\"type\":\"connected\",\"instanceId\":" + JsonSerializer.Serialize(instanceId) + ",\"broadcasts\":" + broadcasts.ToString(System.Globalization.CultureInfo.InvariantCulture) + "}";

    public static string Serialize(HmrMessage message) => HmrMessageJson.Serialize(message);

    public static ClientMessage? Parse(string json) => HmrMessageJson.ParseClientMessage(json);
}

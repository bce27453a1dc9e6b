using System.Text.Json;
using Hmr.Core.Protocol;

namespace Hmr.Runtime.Sockets;

/// <summary>The frames the runtime sends beyond the shared protocol serializer: <c>connected</c> carries the server
/// instance id so a reconnecting client can tell a restart from a network blip, and the number of update,
/// full-reload, prune and error messages broadcast so far so it can tell whether the blip lost one.</summary>
internal static class WireFormat
{
    public static string Connected(string instanceId, long messageCount) =>
        "{\"type\":\"connected\",\"instanceId\":" + JsonSerializer.Serialize(instanceId) + ",\"messageCount\":" + messageCount + "}";

    public static string Serialize(HmrMessage message) => HmrMessageJson.Serialize(message);

    public static ClientMessage? Parse(string json) => HmrMessageJson.ParseClientMessage(json);
}

using Hmr.Core.Protocol;

namespace Hmr.Runtime.Sockets;

/// <summary>The <c>connected</c> frame the runtime sends: it carries the server instance id so a reconnecting client
/// can tell a restart from a network blip, and the number of update, full-reload, prune and error messages broadcast
/// so far so it can tell whether the blip lost one.</summary>
internal static class WireFormat
{
    public static string Connected(string instanceId, long messageCount) =>
        HmrMessageJson.Serialize(new ConnectedMessage(instanceId, messageCount));
}

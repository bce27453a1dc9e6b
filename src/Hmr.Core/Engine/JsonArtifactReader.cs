using System.Text.Json;
using Hmr.Core.Graph;

namespace Hmr.Core.Engine;

/// <summary>Reads <c>module-graph.json</c> with System.Text.Json's web defaults (camelCase), the artifact's shape.</summary>
public sealed class JsonArtifactReader : IArtifactReader
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public ModuleGraphDocument Read(Stream artifact) =>
        JsonSerializer.Deserialize<ModuleGraphDocument>(artifact, Options) ?? throw new InvalidDataException("the artifact is empty (null)");
}

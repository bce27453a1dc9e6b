using System.Text.Json;
using System.Text.Json.Serialization;

namespace Hmr.Core.Protocol;

/// <summary>The protocol's JSON contract, generated at compile time from the records' attributes (HmrMessages.cs,
/// HmrClientMessages.cs). Reading is strict about what is there (a constructor parameter without a default value is
/// required, a non-nullable one must not be null) and lenient about extra properties, and <c>type</c> may come
/// anywhere in a frame. Use it through <see cref="HmrMessageJson"/>, which adds what attributes cannot say.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    AllowOutOfOrderMetadataProperties = true)]
[JsonSerializable(typeof(HmrMessage))]
[JsonSerializable(typeof(ClientFrame))]
[JsonSerializable(typeof(ClientInvalidate))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;

namespace Hmr.Core.Artifact;

// deps-manifest.json, documented field by field in docs/dependencies.md ("The manifest"). Property order here is the
// order in the file.

/// <summary>The bundles of one project and the import-map entries the pages get for them.</summary>
public sealed record DependencyManifest(
    int SchemaVersion,
    string InputsHash,
    string UrlBase,
    IReadOnlyDictionary<string, string> Imports,
    IReadOnlyList<ManifestFile> Files,
    IReadOnlyList<ManifestPackage> Packages,
    IReadOnlyList<ManifestFailure> Failed)
{
    public const int CurrentSchemaVersion = 2;
}

/// <summary>One written bundle file. <paramref name="Kind"/> is <c>entry</c>, <c>shared</c> or <c>lazy</c>;
/// <paramref name="Entry"/> the specifier of an entry file; <paramref name="Hash"/> the hash its name carries the
/// first 8 characters of.</summary>
public sealed record ManifestFile(string File, string Url, string Kind, string? Entry, string Hash);

/// <summary>A package the bundles were made from; <paramref name="Root"/> is relative to the project, with <c>/</c>.
/// <paramref name="Files"/> are the package's files the bundles were made from (relative to its root, sorted) and
/// <paramref name="FilesStamp"/> their <see cref="PackageFileStamp.Compute"/> when they were read.</summary>
public sealed record ManifestPackage(string Name, string? Version, string Root, IReadOnlyList<string> Files, string FilesStamp);

/// <summary>A specifier that was not bundled. Its first diagnostic says why (at the app's import); the others are
/// the problems in the package's files.</summary>
public sealed record ManifestFailure(string Specifier, IReadOnlyList<ManifestDiagnostic> Diagnostics);

/// <summary>A diagnostic as stored: <paramref name="File"/> relative to the project (with <c>/</c>) when inside it.</summary>
public sealed record ManifestDiagnostic(string Code, string Message, string File, int Line, int Column);

/// <summary>Source-generated serialization: no reflection, so it works in trimmed hosts too.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    WriteIndented = true,
    NewLine = "\n",
    DefaultIgnoreCondition = JsonIgnoreCondition.Never)]
[JsonSerializable(typeof(DependencyManifest))]
internal sealed partial class DependencyManifestJsonContext : JsonSerializerContext;

using System.Text.Json;

namespace Hmr.Bundler.DependencyResolution;

/// <summary>One library of <c>libman.json</c>: its package name (the <c>library</c> without its <c>@version</c>) and
/// the folder LibMan restores it into.</summary>
internal sealed record LibManLibrary(string Library, string Name, string Destination);

/// <summary>The project's <c>libman.json</c> (LibMan, Visual Studio's client-side library manager): which package
/// folders it restores where. A library counts as a package only when its destination holds a <c>package.json</c>
/// (the unpkg and jsDelivr providers copy it; cdnjs does not). <c>fileMappings</c> are not read.</summary>
internal sealed class LibManManifest
{
    private LibManManifest(string? path, IReadOnlyList<LibManLibrary> libraries)
    {
        FilePath = path;
        Libraries = libraries;
    }

    /// <summary>Null when the project has no <c>libman.json</c>.</summary>
    public string? FilePath { get; }

    public IReadOnlyList<LibManLibrary> Libraries { get; }

    /// <summary>Reads <c>libman.json</c> in the project folder; an invalid file throws <see cref="ResolutionException"/>
    /// (HMR104), which the resolver reports at the imports that needed it.</summary>
    public static LibManManifest Load(PackageFiles files)
    {
        var path = Path.Join(files.ProjectDirectory, "libman.json");
        if (!File.Exists(path))
        {
            return new LibManManifest(null, []);
        }
        using var document = PackageJson.ParseJson(PackageJson.ReadText(path, files.Display(path)), files.Display(path));
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("libraries", out var libraries) || libraries.ValueKind != JsonValueKind.Array)
        {
            return new LibManManifest(path, []);
        }
        var defaultDestination = StringProperty(root, "defaultDestination");
        var found = new List<LibManLibrary>();
        foreach (var entry in libraries.EnumerateArray())
        {
            var library = StringProperty(entry, "library");
            var destination = StringProperty(entry, "destination") ?? defaultDestination;
            if (library is null || destination is null)
            {
                continue;
            }
            found.Add(new LibManLibrary(library, NameOf(library), Path.GetFullPath(Path.Join(files.ProjectDirectory, destination))));
        }
        return new LibManManifest(path, found);
    }

    /// <summary><c>lodash-es@4.17.21</c> is <c>lodash-es</c>; <c>@lit/reactive-element@2.0.0</c> is <c>@lit/reactive-element</c>.</summary>
    internal static string NameOf(string library)
    {
        var at = library.IndexOf('@', library.StartsWith('@') ? 1 : 0);
        return at > 0 ? library[..at] : library;
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}

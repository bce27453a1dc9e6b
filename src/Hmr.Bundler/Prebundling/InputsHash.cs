using System.Security.Cryptography;
using System.Text;

namespace Hmr.Bundler.Prebundling;

/// <summary>The hash of everything the bundles depend on that can be known before bundling: the bundler build, the
/// mode and URL base, each specifier with what it resolved to (or why it failed), the exclusions and import-map
/// entries, the <c>package.json</c> of each entry's package, and the lock files. Equal hash and all files present:
/// no bundling (the packages reached only through other packages are checked by their versions, see
/// <see cref="ManifestFreshness"/>).</summary>
internal sealed class InputsHash(string projectDirectory)
{
    private readonly StringBuilder _text = new();

    /// <summary>A new bundler (another build of this assembly) may bundle differently.</summary>
    private static readonly string BundlerVersion = typeof(InputsHash).Assembly.ManifestModule.ModuleVersionId.ToString("N");

    public InputsHash Add(string label, string value)
    {
        _text.Append(label).Append('\0').Append(value).Append('\n');
        return this;
    }

    /// <summary>Adds a file by its path relative to the project and the hash of its bytes (missing: "absent").</summary>
    public InputsHash AddFile(string label, string path)
    {
        string content;
        try
        {
            content = File.Exists(path) ? Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))) : "absent";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            content = "unreadable";
        }
        return Add(label, ProjectPaths.Relative(projectDirectory, path) + " " + content);
    }

    public string Compute() =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"hmr-prebundle\0{BundlerVersion}\n{_text}")));
}

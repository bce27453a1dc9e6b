using System.Security.Cryptography;
using System.Text;

namespace Hmr.Core.Artifact;

/// <summary>The stamp of the files a package gave the bundles (<see cref="ManifestPackage.Files"/>): each file's path,
/// size and last write time, hashed. A local patch of a package (an editor, patch-package) changes it, so the build
/// bundles again and the dev server, which checks it while running, does too (docs/dependencies.md, "Keeping it
/// current"). Reading sizes and times, not contents, keeps the check cheap enough to repeat every second or two.</summary>
public static class PackageFileStamp
{
    /// <param name="packageRoot">The package's folder.</param>
    /// <param name="files">Paths relative to it, with <c>/</c>.</param>
    public static string Compute(string packageRoot, IEnumerable<string> files)
    {
        var text = new StringBuilder();
        foreach (var file in files)
        {
            var info = new FileInfo(Path.Join(packageRoot, file));
            text.Append(file).Append('\0');
            try
            {
                text.Append(info.Exists ? $"{info.Length} {info.LastWriteTimeUtc.Ticks}" : "absent");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                text.Append("unreadable");
            }
            text.Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}

// Installs the npm packages a package-lock.json pins into node_modules, with no Node.js: each package's tarball
// comes from the npm registry, is checked against the lock file's integrity hash, and is unpacked. It is how the demo
// gets its packages (./demo.sh runs it), and any project that uses Hmr.Build's pre-bundling without Node can do the same:
//
//     dotnet run samples/npm-fetch.cs -- <folder with package-lock.json>
//
// The registry is npm's own unless npm_config_registry names another (the variable npm itself reads).
using System.Formats.Tar;
using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;

var projectDirectory = Path.GetFullPath(args.Length > 0 ? args[0] : ".");
var lockFile = Path.Combine(projectDirectory, "package-lock.json");
var registry = (Environment.GetEnvironmentVariable("npm_config_registry") is { Length: > 0 } configured
    ? configured
    : "https://registry.npmjs.org").TrimEnd('/');

using var lockDocument = JsonDocument.Parse(File.ReadAllBytes(lockFile));
using var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
var installed = 0;
foreach (var entry in lockDocument.RootElement.GetProperty("packages").EnumerateObject())
{
    // Lock file v2/v3: "node_modules/a" and nested "node_modules/a/node_modules/b"; the root entry is "".
    const string folderMarker = "node_modules/";
    var at = entry.Name.LastIndexOf(folderMarker, StringComparison.Ordinal);
    if (at < 0 || entry.Value.TryGetProperty("link", out _) || entry.Value.TryGetProperty("inBundle", out _)) continue;
    var name = entry.Name[(at + folderMarker.Length)..];
    var version = entry.Value.GetProperty("version").GetString()!;
    var integrity = entry.Value.GetProperty("integrity").GetString()!;
    var target = Path.Combine(projectDirectory, entry.Name);
    if (InstalledVersion(target) == version) continue;

    var tarballUrl = entry.Value.TryGetProperty("resolved", out var resolved)
        ? resolved.GetString()!
        : $"{registry}/{name}/-/{name[(name.LastIndexOf('/') + 1)..]}-{version}.tgz";
    Console.WriteLine($"npm-fetch: {name}@{version}");
    var tarball = await http.GetByteArrayAsync(tarballUrl);
    if (!MatchesIntegrity(tarball, integrity))
    {
        Console.Error.WriteLine($"npm-fetch: {name}@{version} from {tarballUrl} does not match the lock file's integrity {integrity}; nothing installed.");
        return 1;
    }
    Unpack(tarball, target);
    installed++;
}
Console.WriteLine(installed == 0 ? "npm-fetch: node_modules is up to date" : $"npm-fetch: {installed} packages installed");
return 0;

static string? InstalledVersion(string packageFolder)
{
    var manifest = Path.Combine(packageFolder, "package.json");
    if (!File.Exists(manifest)) return null;
    using var document = JsonDocument.Parse(File.ReadAllBytes(manifest));
    return document.RootElement.TryGetProperty("version", out var version) ? version.GetString() : null;
}

// Subresource-integrity form, as npm writes it: "sha512-<base64>" (several hashes may be listed; sha512 is checked).
static bool MatchesIntegrity(byte[] content, string integrity)
{
    var expected = integrity.Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .FirstOrDefault(hash => hash.StartsWith("sha512-", StringComparison.Ordinal));
    return expected is not null
        && CryptographicOperations.FixedTimeEquals(Convert.FromBase64String(expected["sha512-".Length..]), SHA512.HashData(content));
}

// npm tarballs hold one top folder (usually "package/"); its content becomes the package folder. Only regular files
// are written, and never outside the package folder (a crafted "../" entry or link is skipped). The package is
// unpacked beside its place and moved in whole, so an interrupted run leaves no half-installed package.
static void Unpack(byte[] tarball, string target)
{
    var staging = target + ".npm-fetch";
    if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
    var stagingRoot = Path.GetFullPath(staging) + Path.DirectorySeparatorChar;
    using (var reader = new TarReader(new GZipStream(new MemoryStream(tarball), CompressionMode.Decompress)))
    {
        while (reader.GetNextEntry() is { } entry)
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile) || entry.DataStream is null) continue;
            var slash = entry.Name.IndexOf('/');
            if (slash < 0) continue;
            var destination = Path.GetFullPath(Path.Combine(staging, entry.Name[(slash + 1)..]));
            if (!destination.StartsWith(stagingRoot, StringComparison.Ordinal)) continue;
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            using var file = File.Create(destination);
            entry.DataStream.CopyTo(file);
        }
    }
    if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
    Directory.Move(staging, target);
}

using System.Diagnostics;
using System.Text.Json;

namespace Hmr.Bundler.Tests.DependencyResolution;

/// <summary>The real npm packages of tests/Hmr.Bundler.Tests/packages (installed by <c>npm ci</c> there, for tests
/// only) and Node's resolver over them (reference-resolve.mjs beside them).</summary>
internal static class ReferencePackages
{
    public const string InstallCommand = "cd tests/Hmr.Bundler.Tests/packages && npm ci --no-audit --no-fund";

    /// <summary>The packages folder, after checking that every dependency of its package.json is installed.</summary>
    public static string Folder()
    {
        var folder = Path.Combine(RepositoryRoot(), "tests", "Hmr.Bundler.Tests", "packages");
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "package.json")));
        var missing = manifest.RootElement.GetProperty("dependencies").EnumerateObject()
            .Select(d => d.Name)
            .Where(name => !File.Exists(Path.Combine(folder, "node_modules", name, "package.json")))
            .ToList();
        if (missing.Count > 0)
        {
            Assert.Fail($"The real npm packages these tests resolve are not installed ({string.Join(", ", missing)} missing in {folder}/node_modules). " +
                $"Run `{InstallCommand}` from the repository root (./test.sh does it).");
        }
        return folder;
    }

    /// <summary>The version package-lock.json pins for a top-level package.</summary>
    public static string LockedVersion(string folder, string name)
    {
        using var lockFile = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "package-lock.json")));
        return lockFile.RootElement.GetProperty("packages").GetProperty("node_modules/" + name).GetProperty("version").GetString()!;
    }

    /// <summary>Node's answers for the requests, in order: a path relative to <paramref name="folder"/>, or Node's error code.</summary>
    public static IReadOnlyList<(string? Resolved, string? Error)> ResolveWithNode(string folder, IReadOnlyList<ResolveCase> cases)
    {
        var input = JsonSerializer.Serialize(cases.Select(c => new
        {
            specifier = c.Specifier,
            importer = c.Importer,
            kind = c.Kind switch { ImportKind.Require => "require", ImportKind.Dynamic => "dynamic", _ => "static" },
        }));
        var start = new ProcessStartInfo("node", ["--experimental-import-meta-resolve", "--no-warnings", "reference-resolve.mjs"])
        {
            WorkingDirectory = folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            Assert.Fail($"node is needed for the reference resolution (tests only): {e.Message}");
            throw;
        }
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            process.StandardInput.Write(input);
            process.StandardInput.Close();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.AreEqual(0, process.ExitCode, $"node reference-resolve.mjs failed: {stderr.Result}");
            using var answers = JsonDocument.Parse(stdout);
            return answers.RootElement.EnumerateArray()
                .Select(a => (a.TryGetProperty("resolved", out var r) ? r.GetString() : null, a.TryGetProperty("error", out var e) ? e.GetString() : null))
                .ToList();
        }
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Hmr.Build.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Hmr.Build.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>One specifier written in <see cref="Importer"/> (a path relative to the packages folder).</summary>
internal sealed record ResolveCase(string Specifier, string Importer = "app.js", ImportKind Kind = ImportKind.Static)
{
    public override string ToString() => $"'{Specifier}' from {Importer} ({Kind})";
}

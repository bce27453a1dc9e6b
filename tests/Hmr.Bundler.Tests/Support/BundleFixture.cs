using System.Text;
using System.Text.Json;
using Hmr.Bundler;

namespace Hmr.Bundler.Tests.Support;

/// <summary>A set of module files written to a temporary folder, bundled, and run in Node both unbundled and bundled.
/// A probe is the body of an async function of <c>mods</c> (each entry's module namespace, by entry name); what it
/// returns, what the modules passed to <c>log(…)</c>, and the name of any error thrown are printed as JSON.</summary>
internal sealed class BundleFixture : IDisposable
{
    private readonly Dictionary<string, string> _bareNames = new(StringComparer.Ordinal);

    public BundleFixture(params (string Path, string Code)[] files)
    {
        Root = Path.Combine(Path.GetTempPath(), "hmr-bundler-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        foreach (var (path, code) in files)
        {
            Write(path, code);
        }
    }

    public string Root { get; }

    public string OutputFolder => Path.Combine(Root, "out");

    public BundleResult? Result { get; private set; }

    /// <summary>The <c>process.env.NODE_ENV</c> value bundles are made for.</summary>
    public string Mode { get; set; } = "development";

    public void Write(string path, string code)
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, code);
    }

    public void MapBareName(string name, string path) => _bareNames[name] = path;

    /// <summary>Bundles entries given as (name, fixture path) and writes the chunks to <see cref="OutputFolder"/>.</summary>
    public BundleResult Bundle(params (string Name, string Path)[] entries)
    {
        Result = Bundler.Bundle(new BundleRequest
        {
            Entries = [.. entries.Select(e => new BundleEntry(e.Name, Path.Combine(Root, e.Path)))],
            Resolver = new FixtureResolver(Root, _bareNames),
            Mode = Mode,
        });
        Directory.CreateDirectory(OutputFolder);
        foreach (var chunk in Result.Chunks)
        {
            File.WriteAllText(Path.Combine(OutputFolder, chunk.FileName), chunk.Code);
        }
        return Result;
    }

    public BundleChunk EntryChunk(string name) => Result!.Chunks.Single(c => c.EntryName == name);

    public string Chunk(string fileNamePrefix) => Result!.Chunks.Single(c => c.FileName.StartsWith(fileNamePrefix, StringComparison.Ordinal)).Code;

    /// <summary>Runs the probe over the original files (entries as (name, fixture path)).</summary>
    public JsonElement RunUnbundled(string probe, params (string Name, string Path)[] entries) =>
        Run(probe, entries.Select(e => (e.Name, Path.Combine(Root, e.Path))));

    /// <summary>Runs the probe over the entry chunks of the last <see cref="Bundle"/>.</summary>
    public JsonElement RunBundled(string probe) =>
        Run(probe, Result!.Chunks.Where(c => c.Kind == ChunkKind.Entry).Select(c => (c.EntryName!, Path.Combine(OutputFolder, c.FileName))));

    /// <summary>Bundles, runs both ways, and asserts the same output (which must not be an error); returns it.</summary>
    public JsonElement AssertSameAsUnbundled(string probe, params (string Name, string Path)[] entries) =>
        AssertSameAsUnbundled(probe, expectError: false, entries);

    public JsonElement AssertSameAsUnbundled(string probe, bool expectError, params (string Name, string Path)[] entries)
    {
        var result = Bundle(entries);
        Assert.AreEqual(0, result.FailedEntries.Count, string.Join("\n", result.Diagnostics));
        var unbundled = RunUnbundled(probe, entries);
        Assert.AreEqual(expectError, unbundled.TryGetProperty("error", out _), "unbundled run: " + unbundled.GetRawText());
        var bundled = RunBundled(probe);
        Assert.AreEqual(unbundled.GetRawText(), bundled.GetRawText(), "bundled output differs; chunks:\n" + DescribeChunks());
        return bundled;
    }

    public string DescribeChunks() => string.Join("\n", Result!.Chunks.Select(c => $"--- {c.FileName} ({c.Kind})\n{c.Code}"));

    private JsonElement Run(string probe, IEnumerable<(string Name, string File)> entries)
    {
        var script = new StringBuilder();
        script.AppendLine("globalThis.__log = []; globalThis.log = (x) => globalThis.__log.push(x);");
        script.AppendLine("const out = {}; const mods = {};");
        script.AppendLine("try {");
        foreach (var (name, file) in entries)
        {
            script.AppendLine($"  mods[{JsonSerializer.Serialize(name)}] = await import({JsonSerializer.Serialize(new Uri(file).AbsoluteUri)});");
        }
        script.AppendLine($"  out.value = await (async (mods) => {{ {probe} }})(mods);");
        script.AppendLine("} catch (e) { out.error = e?.constructor?.name ?? String(e); if (process.env.HMR_DEBUG) console.error(e); }");
        script.AppendLine("console.log(JSON.stringify({ log: globalThis.__log, ...out }));");
        var runner = Path.Combine(Root, $"run-{Guid.NewGuid():N}.mjs");
        File.WriteAllText(runner, script.ToString());
        return JsonDocument.Parse(NodeRunner.Run(runner)).RootElement.Clone();
    }

    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("HMR_BUNDLER_KEEP") is not null)
        {
            return; // kept for debugging: the fixture, the chunks in out/, the runner scripts
        }
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

using System.Diagnostics;
using System.Globalization;
using Hmr.Core.Analysis;

/// <summary>
/// `analyzer &lt;folder&gt; [iterations]`: ModuleLexer throughput over every .js/.mjs file under a folder.
/// Files are read into memory first (not timed); after warm-up, each timed iteration analyses all of them.
/// Last line: `analyzer files=N bytes=B median_ms=T MBps=X` (MB = 10^6 bytes of file content), the same
/// format as bench/lexer/es-module-lexer.mjs so bench/lexer/run.sh can compare the two.
/// </summary>
internal static class AnalyzerBenchmark
{
    public static int Run(string[] args)
    {
        if (args.Length < 1 || !Directory.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: analyzer <folder with .js/.mjs files> [iterations, default 20]");
            return 2;
        }
        var iterations = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20;
        var paths = Directory.EnumerateFiles(args[0], "*", SearchOption.AllDirectories)
            .Where(p => p.EndsWith(".js", StringComparison.Ordinal) || p.EndsWith(".mjs", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToArray();
        var sources = paths.Select(File.ReadAllText).ToArray();
        var bytes = paths.Sum(p => new FileInfo(p).Length);

        // The first pass shows the cold cost (tier-0 or straight-to-optimised code), as a fresh build process pays it.
        var coldWatch = Stopwatch.StartNew();
        var imports = AnalyseAll(sources);
        var coldMs = coldWatch.Elapsed.TotalMilliseconds;
        for (var warmUp = 0; warmUp < 5; warmUp++)
        {
            imports = AnalyseAll(sources);
        }
        var times = new double[iterations];
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var collectionsBefore = GC.CollectionCount(0);
        for (var i = 0; i < iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            AnalyseAll(sources);
            times[i] = watch.Elapsed.TotalMilliseconds;
        }
        var cpuPerIteration = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds / iterations;
        var allocatedPerIteration = (GC.GetTotalAllocatedBytes() - allocatedBefore) / iterations;
        var collectionsPerIteration = (double)(GC.CollectionCount(0) - collectionsBefore) / iterations;
        Array.Sort(times);
        var median = iterations % 2 == 1 ? times[iterations / 2] : (times[iterations / 2 - 1] + times[iterations / 2]) / 2;
        Console.WriteLine($"ours: {imports} imports found; first_pass_ms={coldMs.ToString("F1", CultureInfo.InvariantCulture)} min_ms={times[0].ToString("F2", CultureInfo.InvariantCulture)} cpu_ms_per_iteration={cpuPerIteration.ToString("F2", CultureInfo.InvariantCulture)} allocated_kb_per_iteration={allocatedPerIteration / 1024} gen0_collections_per_iteration={collectionsPerIteration.ToString("F2", CultureInfo.InvariantCulture)}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"analyzer files={sources.Length} bytes={bytes} median_ms={median:F2} MBps={bytes / 1e6 / (median / 1000):F1}"));
        return 0;
    }

    private static int AnalyseAll(string[] sources)
    {
        var imports = 0;
        foreach (var source in sources)
        {
            imports += ModuleLexer.Analyze(source).Imports.Count;
        }
        return imports;
    }
}

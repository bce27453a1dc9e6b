using System.Diagnostics;
using Hmr.Bundler.Prebundling;

/// <summary>Bundling time of dependency pre-bundling (docs/benchmarks.md, "Bundling time"): the dozen packages the issue
/// names, installed for the bundler's tests (tests/Hmr.Bundler.Tests/packages, `npm ci` there), in a temporary project
/// whose node_modules links to them. Cold: the output folder deleted before each run (the first run also pays JIT);
/// no-op: equal inputs, the manifest found current. Plain Stopwatch, wall-clock.
/// Usage: <c>Hmr.Bench prebundle [coldRuns=5] [noopRuns=10]</c>.</summary>
internal static class PrebundleBench
{
    private static readonly string[] Specifiers =
    [
        "lodash-es", "date-fns", "rxjs", "d3", "lit", "preact", "preact/hooks", "htm", "three", "vue", "react",
        "react-dom/client", "immer", "zod", "dayjs", "nanoid",
    ];

    public static int Run(string[] args)
    {
        var coldRuns = args.Length > 0 ? int.Parse(args[0]) : 5;
        var noopRuns = args.Length > 1 ? int.Parse(args[1]) : 10;
        var packages = Path.Combine(RepositoryRoot(), "tests", "Hmr.Bundler.Tests", "packages");
        var project = Directory.CreateTempSubdirectory("hmr-prebundle-bench-").FullName;
        try
        {
            Directory.CreateSymbolicLink(Path.Combine(project, "node_modules"), Path.Combine(packages, "node_modules"));
            File.Copy(Path.Combine(packages, "package-lock.json"), Path.Combine(project, "package-lock.json"));
            var request = new DependencyOptimizerRequest
            {
                ProjectDirectory = project,
                OutputDirectory = Path.Combine(project, "obj", "hmr", "deps"),
                Uses = [.. Specifiers.Select((s, i) => new DependencyUse(s, "wwwroot/js/app.js", i + 1, 1))],
            };
            var cold = new List<double>();
            DependencyOptimizerResult? last = null;
            for (var i = 0; i < coldRuns; i++)
            {
                if (Directory.Exists(request.OutputDirectory))
                {
                    Directory.Delete(request.OutputDirectory, recursive: true);
                }
                var clock = Stopwatch.StartNew();
                last = DependencyOptimizer.Optimize(request);
                cold.Add(clock.Elapsed.TotalMilliseconds);
            }
            var noop = new List<double>();
            for (var i = 0; i < noopRuns; i++)
            {
                var clock = Stopwatch.StartNew();
                var result = DependencyOptimizer.Optimize(request);
                noop.Add(clock.Elapsed.TotalMilliseconds);
                if (!result.UpToDate)
                {
                    throw new InvalidOperationException("a no-op run bundled");
                }
            }
            var bytes = last!.Manifest.Files.Sum(f => new FileInfo(Path.Combine(request.OutputDirectory, f.File)).Length);
            Console.WriteLine($"entries {last.Manifest.Imports.Count}, failed {last.Manifest.Failed.Count}, files {last.Manifest.Files.Count}, {bytes / 1024} KiB, packages {last.Manifest.Packages.Count}");
            Console.WriteLine($"cold runs (ms): {string.Join(", ", cold.Select(t => t.ToString("F0")))}; first (with JIT) {cold[0]:F0}, median of the rest {Median(cold.Skip(1)):F0}");
            if (noop.Count > 0) Console.WriteLine($"no-op runs (ms): median {Median(noop):F1}, min {noop.Min():F1}, max {noop.Max():F1}");
            Console.WriteLine($"load average at the end: {File.ReadAllText("/proc/loadavg").Trim()}");
            return 0;
        }
        finally
        {
            Directory.Delete(project, recursive: true);
        }
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Hmr.Build.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Hmr.Build.sln not found above " + AppContext.BaseDirectory);
    }
}

// Entry point: `dotnet run -c Release --project bench/Hmr.Bench -- <benchmark> [args]`.
// Each benchmark lives in its own file and registers itself in the table below.
var benchmarks = new Dictionary<string, Func<string[], int>>(StringComparer.OrdinalIgnoreCase)
{
    ["analyzer"] = AnalyzerBenchmark.Run,
    ["engine"] = EngineBench.Run,
    ["prebundle"] = PrebundleBench.Run,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: Hmr.Bench <{string.Join('|', benchmarks.Keys)}> [args]");
    return 2;
}
return run(args[1..]);

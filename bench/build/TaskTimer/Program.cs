using System.Diagnostics;
using Hmr.Core.Artifact;

// One cold run of the task's work: no previous graph (the artifact is deleted first), so every module is analysed.
// Prints wall and CPU time of the work alone (the process's startup is not counted; the JIT of the work is).
var project = args[0];
var graphFile = Path.Combine(project, "obj", "hmr", "module-graph.json");
if (File.Exists(graphFile)) File.Delete(graphFile);
var process = Process.GetCurrentProcess();
var cpuBefore = process.TotalProcessorTime;
var clock = Stopwatch.StartNew();
// --no-lex: a lexer that finds nothing, to tell the lexer's share from the rest (reading, hashing, decoding, writing).
// --serial: one thread, to tell what parallelism buys. --artifact: then time serialising and parsing the graph alone.
Func<string, Hmr.Core.Analysis.ModuleAnalysis>? lexer = args.Contains("--no-lex")
    ? _ => new Hmr.Core.Analysis.ModuleAnalysis([], [], Hmr.Core.Analysis.HotFacts.None, false, [])
    : null;
var result = ModuleGraphBuilder.Build(new ModuleGraphBuildOptions(project, "wwwroot", lexer)
{
    MaxParallelism = args.Contains("--serial") ? 1 : 0,
});
var built = clock.Elapsed;
process.Refresh();
var cpuBuilt = process.TotalProcessorTime - cpuBefore;
ModuleGraphSerializer.WriteIfChanged(result.Document, graphFile);
clock.Stop();
process.Refresh();
var cpu = process.TotalProcessorTime - cpuBefore;
if (args.Contains("--analyzer")) Console.WriteLine(AnalyzerVersion.Current);
if (args.Contains("--artifact")) ArtifactTimer.Run(result.Document);
Console.WriteLine($"modules {result.Document.Modules.Count} reparsed {result.ReparsedCount} build {built.TotalMilliseconds:F0} ms " +
    $"total {clock.Elapsed.TotalMilliseconds:F0} ms cpu {cpu.TotalMilliseconds:F0} ms (build {cpuBuilt.TotalMilliseconds:F0}, write {(cpu - cpuBuilt).TotalMilliseconds:F0})");

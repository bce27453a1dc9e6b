using System.Diagnostics;
using Hmr.Core.Artifact;

/// <summary>Times the artifact alone (--artifact): serialising and parsing the graph just built. The first call of each
/// pays for loading and compiling the serializer, as the task does in a fresh MSBuild process; the repetitions after it
/// give the steady cost: the fastest wall time (the least disturbed by other processes) and the mean CPU time of the
/// process (the OS counts it in coarse ticks, so only the mean over all repetitions is meaningful).</summary>
internal static class ArtifactTimer
{
    private const int Repetitions = 30;

    public static void Run(ModuleGraphDocument document)
    {
        var (firstWrite, bytes) = Time(() => ModuleGraphSerializer.Serialize(document));
        var (firstRead, _) = Time(() => Parse(bytes));
        var write = Repeat(() => ModuleGraphSerializer.Serialize(document));
        var read = Repeat(() => Parse(bytes));
        Console.WriteLine($"artifact {bytes.Length} bytes, {document.Modules.Count} modules, {Repetitions} repetitions: " +
            $"serialize first {firstWrite:F1} ms, fastest {write.Fastest:F1} ms, mean CPU {write.MeanCpu:F1} ms; " +
            $"parse first {firstRead:F1} ms, fastest {read.Fastest:F1} ms, mean CPU {read.MeanCpu:F1} ms");
    }

    private static ModuleGraphDocument Parse(byte[] bytes) =>
        ModuleGraphSerializer.TryParse(bytes, out var document, out var problem) ? document! : throw new InvalidDataException(problem);

    private static (double Fastest, double MeanCpu) Repeat<T>(Func<T> work)
    {
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var fastest = double.MaxValue;
        for (var i = 0; i < Repetitions; i++)
            fastest = Math.Min(fastest, Time(work).Milliseconds);
        process.Refresh();
        return (fastest, (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / Repetitions);
    }

    private static (double Milliseconds, T Result) Time<T>(Func<T> work)
    {
        var clock = Stopwatch.StartNew();
        var result = work();
        return (clock.Elapsed.TotalMilliseconds, result);
    }
}

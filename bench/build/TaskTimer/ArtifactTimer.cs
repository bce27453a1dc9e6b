using System.Diagnostics;
using Hmr.Core.Graph;

/// <summary>Times the artifact alone (--artifact): serialising and parsing the graph just built. The first call of each
/// pays for loading and compiling the serializer, as the task does in a fresh MSBuild process; the median of the
/// repetitions after it is the steady cost.</summary>
internal static class ArtifactTimer
{
    private const int Repetitions = 20;

    public static void Run(ModuleGraphDocument document)
    {
        var (firstWrite, bytes) = Time(() => ModuleGraphSerializer.Serialize(document));
        var (firstRead, _) = Time(() => Parse(bytes));
        var writes = new double[Repetitions];
        var reads = new double[Repetitions];
        for (var i = 0; i < Repetitions; i++)
        {
            writes[i] = Time(() => ModuleGraphSerializer.Serialize(document)).Milliseconds;
            reads[i] = Time(() => Parse(bytes)).Milliseconds;
        }
        Console.WriteLine($"artifact {bytes.Length} bytes, {document.Modules.Count} modules: serialize first {firstWrite:F1} ms, " +
            $"median {Median(writes):F1} ms; parse first {firstRead:F1} ms, median {Median(reads):F1} ms ({Repetitions} repetitions)");
    }

    private static ModuleGraphDocument Parse(byte[] bytes) =>
        ModuleGraphSerializer.TryParse(bytes, out var document, out var problem) ? document! : throw new InvalidDataException(problem);

    private static (double Milliseconds, T Result) Time<T>(Func<T> work)
    {
        var clock = Stopwatch.StartNew();
        var result = work();
        return (clock.Elapsed.TotalMilliseconds, result);
    }

    private static double Median(double[] values)
    {
        var sorted = values.Order().ToArray();
        return (sorted[(sorted.Length - 1) / 2] + sorted[sorted.Length / 2]) / 2;
    }
}

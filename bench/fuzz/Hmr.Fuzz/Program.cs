using System.Diagnostics;
using System.Globalization;
using Hmr.Core.Analysis;
using Hmr.Core.Tests.Fuzz;

// dotnet run -c Release --project bench/fuzz/Hmr.Fuzz -- --count 1000000 --seed 1 [--watchdog-ms 5000] [--no-linear] [--out DIR]
var count = 1_000_000L;
var seed = 1;
var watchdogMs = 5_000;
var linear = true;
var outDir = Path.Combine(FuzzInputs.FindRepoRoot(), "bench", "fuzz", "out");
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--count": count = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--seed": seed = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--watchdog-ms": watchdogMs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--no-linear": linear = false; break;
        case "--out": outDir = args[++i]; break;
        default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 64;
    }
}

var seeds = FuzzInputs.LoadSeeds(FuzzInputs.FindRepoRoot());
Console.WriteLine($"seeds: {seeds.Count} modules, {seeds.Sum(s => s.Length):N0} chars; count {count:N0}, seed {seed}, watchdog {watchdogMs} ms");

// The fuzz loop runs on a worker thread; this thread is the watchdog. An input that runs longer than the watchdog
// allows is saved and the run stops (a hang cannot be interrupted in-process).
var inputs = new FuzzInputs(seeds, seed);
long done = 0, totalChars = 0, crashes = 0, violations = 0, slowest = 0;
string? current = null;
var inputStarted = Stopwatch.GetTimestamp();
var failures = new List<string>();
var clock = Stopwatch.StartNew();
var worker = new Thread(() =>
{
    for (long n = 0; n < count; n++)
    {
        var input = inputs.Next();
        Volatile.Write(ref current, input);
        Volatile.Write(ref inputStarted, Stopwatch.GetTimestamp());
        string? problem;
        try { problem = FuzzOracle.Check(input); }
        catch (Exception e)
        {
            crashes++;
            problem = $"threw {e.GetType().Name}: {e.Message}";
        }
        var ticks = Stopwatch.GetTimestamp() - Volatile.Read(ref inputStarted);
        if (ticks > slowest) slowest = ticks;
        if (problem is not null)
        {
            if (!problem.StartsWith("threw", StringComparison.Ordinal)) violations++;
            if (failures.Count < 20) failures.Add(Save(outDir, "failure", seed, n, input, problem));
        }
        totalChars += input.Length;
        Volatile.Write(ref current, null);
        Interlocked.Increment(ref done);
    }
}, 64 * 1024 * 1024) { IsBackground = true, Name = "fuzz" };
worker.Start();
var lastReport = clock.Elapsed;
while (!worker.Join(100))
{
    var running = Volatile.Read(ref current);
    var elapsedMs = Stopwatch.GetElapsedTime(Volatile.Read(ref inputStarted)).TotalMilliseconds;
    if (running is not null && elapsedMs > watchdogMs)
    {
        var file = Save(outDir, "hang", seed, Interlocked.Read(ref done), running, $"no result after {elapsedMs:F0} ms");
        Console.WriteLine($"HANG: input #{Interlocked.Read(ref done)} ran over {watchdogMs} ms; saved to {file}");
        Console.WriteLine($"FUZZ SUMMARY: FAILED (hang) after {Interlocked.Read(ref done):N0} inputs");
        return 2;
    }
    if (clock.Elapsed - lastReport > TimeSpan.FromSeconds(30))
    {
        lastReport = clock.Elapsed;
        Console.WriteLine($"  {Interlocked.Read(ref done):N0} inputs, {clock.Elapsed.TotalSeconds:F0} s");
    }
}
clock.Stop();
foreach (var f in failures) Console.WriteLine("FAILURE: " + f);
var slowestMs = slowest * 1000.0 / Stopwatch.Frequency;
Console.WriteLine($"FUZZ SUMMARY: {done:N0} inputs ({totalChars / 1e6:F1} M chars, mean {totalChars / Math.Max(1, done):N0} chars) in {clock.Elapsed.TotalSeconds:F1} s " +
                  $"({done / clock.Elapsed.TotalSeconds:N0}/s), seed {seed}: exceptions {crashes}, invariant violations {violations}, hangs 0, slowest input {slowestMs:F1} ms (each input analysed twice)");

var linearOk = true;
if (linear)
{
    // Linear time: ns per KB on adversarial inputs of 1, 2, 5 and 10 MB; the ratio of the worst to the best size per shape.
    Console.WriteLine("linear-time probe (after a warm-up, a full GC before each run, best of 5 runs; ns per KB of input):");
    var shapes = new (string Name, Func<int, string> Make)[]
    {
        ("a million '('", n => new string('(', n)),
        ("a million '/'", n => new string('/', n)),
        ("spaced ' /' (regex/division)", n => Repeat(" /", n)),
        ("a million single quotes", n => new string('\'', n)),
        ("nested templates '`${'", n => Repeat("`${", n)),
        ("'${' inside one template", n => "`" + Repeat("${", n)),
        ("unclosed regex classes '=/['", n => Repeat("=/[", n)),
        ("'import(' repeated", n => Repeat("import(", n)),
        ("'import.meta.hot.accept(' repeated", n => Repeat("import.meta.hot.accept(", n)),
        ("'{[(' repeated", n => Repeat("{[(", n)),
        ("')' repeated (diagnostic cap)", n => new string(')', n)),
        ("lines of 'a/'", n => Repeat("a/\n", n)),
    };
    var worst = 0.0;
    var worstGrowth = 0.0;
    foreach (var (name, make) in shapes)
    {
        var perKb = new List<double>();
        GC.KeepAlive(ModuleLexer.Analyze(make(256 * 1024))); // warm-up: the JIT's tiers, not the lexer, would show otherwise
        foreach (var mb in new[] { 1, 2, 5, 10 })
        {
            var source = make(mb * 1024 * 1024);
            var best = double.MaxValue;
            for (var run = 0; run < 5; run++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var sw = Stopwatch.StartNew();
                var analysis = ModuleLexer.Analyze(source);
                sw.Stop();
                GC.KeepAlive(analysis);
                best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
            }
            perKb.Add(best * 1e6 / (source.Length / 1024.0));
        }
        var ratio = perKb.Max() / perKb.Min();
        var growth = perKb[3] / perKb[0];
        worst = Math.Max(worst, ratio);
        worstGrowth = Math.Max(worstGrowth, growth);
        Console.WriteLine($"  {name,-38} 1MB {perKb[0],7:F0}  2MB {perKb[1],7:F0}  5MB {perKb[2],7:F0}  10MB {perKb[3],7:F0}  max/min {ratio:F2}  10MB/1MB {growth:F2}");
    }
    // Quadratic time would make 10 MB cost 10x per KB what 1 MB does; linear keeps it near 1 (noise on a shared machine aside).
    linearOk = worstGrowth < 3;
    Console.WriteLine($"LINEAR SUMMARY: worst max/min of ns/KB across 1-10 MB = {worst:F2}; worst growth 10MB/1MB = {worstGrowth:F2} ({(linearOk ? "bounded: linear" : "NOT bounded")})");
}
return crashes + violations == 0 && linearOk ? 0 : 1;

static string Repeat(string unit, int chars) => string.Concat(Enumerable.Repeat(unit, Math.Max(1, chars / unit.Length)));

static string Save(string dir, string kind, int seed, long index, string input, string problem)
{
    Directory.CreateDirectory(dir);
    // As a JSON string: exact even for lone surrogates, which UTF-8 cannot carry.
    var file = Path.Combine(dir, $"{kind}-seed{seed}-{index}.json");
    File.WriteAllText(file, System.Text.Json.JsonSerializer.Serialize(input));
    File.WriteAllText(file + ".txt", problem + "\n");
    return $"{problem} (input #{index}, {input.Length} chars, saved to {file})";
}

using System.Diagnostics;
using System.Text;
using Hmr.Core.Engine;
using Hmr.Core.Protocol;

/// <summary><c>engine</c>: the graph engine's goals (docs/benchmarks.md, "Graph engine"). Plain Stopwatch loops over
/// real files in a temporary web root, with the default analyzer (lexer + resolution).</summary>
internal static class EngineBench
{
    public static int Run(string[] args)
    {
        var root = Path.Combine(Path.GetTempPath(), "hmr-engine-bench-" + Guid.NewGuid().ToString("N"));
        try
        {
            TypicalEditIn10kGraph(Path.Combine(root, "wide"));
            DeepChainFromFileEvent(Path.Combine(root, "deep"));
            FiftyKilobyteModule(Path.Combine(root, "big"));
            MemoryPerModule(Path.Combine(root, "memory"));
            return 0;
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>10,000 modules: an entry, 100 shared utilities and 100 self-accepting features of 99 modules each (a component tree three
    /// levels deep plus shared utilities). A typical edit: one leaf of one feature.</summary>
    private static HmrEngine TenThousandModuleSite(string webRoot, out string leafUrl)
    {
        WriteTenThousandModules(webRoot);
        var engine = new HmrEngine(new HmrEngineOptions { WebRootPath = webRoot });
        var report = engine.Start();
        Console.WriteLine($"  graph: {engine.ModuleCount:N0} modules analysed in {report.Elapsed.TotalMilliseconds:N0} ms");
        foreach (var url in engine.Snapshot.Keys) engine.MarkExecuted(url);
        leafUrl = "/f42/c3/l7.js";
        return engine;
    }

    private static void WriteTenThousandModules(string webRoot)
    {
        Directory.CreateDirectory(webRoot);
        var main = new StringBuilder();
        for (var f = 0; f < 100; f++)
        {
            main.Append($"import './f{f}/index.js';\n");
            var index = new StringBuilder();
            for (var c = 0; c < 7; c++)
            {
                index.Append($"import {{ c{c} }} from './c{c}.js';\n");
                var component = new StringBuilder($"import {{ util }} from '../shared/u{(f + c) % 100}.js';\n");
                for (var l = 0; l < 13; l++)
                {
                    component.Append($"import {{ leaf{l} }} from './c{c}/l{l}.js';\n");
                    Write(webRoot, $"f{f}/c{c}/l{l}.js", $"import {{ util }} from '../../../shared/u{(f + l) % 100}.js';\nexport const leaf{l} = () => util({l});\n");
                }
                component.Append($"export const c{c} = 1;\n");
                Write(webRoot, $"f{f}/c{c}.js", component.ToString());
            }
            index.Append("export const feature = 1;\nif (import.meta.hot) import.meta.hot.accept();\n");
            Write(webRoot, $"f{f}/index.js", index.ToString());
            Write(webRoot, $"shared/u{f}.js", $"export const util = (x) => x + {f};\n");
        }
        Write(webRoot, "main.js", main.ToString());
    }

    private static void TypicalEditIn10kGraph(string webRoot)
    {
        Console.WriteLine("file event to payload, typical edit, 10,000-module graph (goal < 1 ms)");
        using var engine = TenThousandModuleSite(webRoot, out var leaf);
        var samples = Measure(500, () => Serialize(Save(engine, webRoot, leaf)), before: () => Touch(webRoot, leaf));
        Touch(webRoot, leaf);
        var payload = HmrMessageJson.Serialize(Save(engine, webRoot, leaf).Messages[0]);
        Report(samples, payload.Length > 160 ? payload[..160] + "…" : payload);
        Console.WriteLine("shared utility edit (fans out to many features), same graph");
        const string shared = "/shared/u7.js";
        Report(Measure(200, () => Serialize(Save(engine, webRoot, shared)), before: () => Touch(webRoot, shared)),
            $"{((UpdateMessage)Save(engine, webRoot, shared, touch: true).Messages[0]).Updates.Count} boundaries");
    }

    private static int _edits;

    /// <summary>A new version of the module on disk (a comment at its end), outside the measured time.</summary>
    private static void Touch(string webRoot, string url) =>
        File.AppendAllText(Path.Combine(webRoot, url.TrimStart('/')), $"// edit {++_edits}\n");

    private static EngineOutcome Save(HmrEngine engine, string webRoot, string url, bool touch = false)
    {
        if (touch) Touch(webRoot, url);
        return engine.ApplyChanges([new FileChange(Path.Combine(webRoot, url.TrimStart('/')), FileChangeKind.Changed)]);
    }

    private static void Serialize(EngineOutcome outcome)
    {
        foreach (var message in outcome.Messages) HmrMessageJson.Serialize(message);
    }

    private static void DeepChainFromFileEvent(string webRoot)
    {
        Console.WriteLine("edit 2,000 levels below its boundary, file event to payload via ApplyChanges (goal < 5 ms)");
        const int depth = 2_000;
        Directory.CreateDirectory(webRoot);
        Write(webRoot, "m0.js", "import './m1.js';\nimport.meta.hot.accept();\n");
        for (var i = 1; i < depth; i++) Write(webRoot, $"m{i}.js", i + 1 < depth ? $"import './m{i + 1}.js';\nexport const v{i} = {i};\n" : "export const leaf = 0;\n");
        using var engine = new HmrEngine(new HmrEngineOptions { WebRootPath = webRoot });
        engine.Start();
        for (var i = 0; i < depth; i++) engine.MarkExecuted($"/m{i}.js");
        var leafPath = Path.Combine(webRoot, $"m{depth - 1}.js");
        var n = 0;
        var samples = Measure(200, () =>
        {
            var outcome = engine.ApplyChanges([new FileChange(leafPath, FileChangeKind.Changed)]);
            foreach (var message in outcome.Messages) HmrMessageJson.Serialize(message);
        }, before: () => File.WriteAllText(leafPath, $"export const leaf = {++n};\n"));
        Report(samples, $"preload list of {depth:N0} stamped URLs per payload");
    }

    private static void FiftyKilobyteModule(string webRoot)
    {
        Console.WriteLine("re-analysis of one edited 50 KB module (goal < 1 ms)");
        Directory.CreateDirectory(webRoot);
        var source = new StringBuilder("import { a } from './dep.js';\nimport * as ns from './dep.js';\n");
        var i = 0;
        while (source.Length < 50 * 1024)
        {
            source.Append($"// item {i}\nexport function f{i}(x, y) {{\n  const s = `v${{x}}/${{y}}`; // template\n  return /a+b/.test(s) ? a(x) / 2 : ns.b?.(y) ?? '{i}';\n}}\n");
            i++;
        }
        source.Append("if (import.meta.hot) { import.meta.hot.accept(); }\n");
        Write(webRoot, "dep.js", "export const a = (x) => x; export const b = (y) => y;\n");
        Write(webRoot, "big.js", source.ToString());
        using var engine = new HmrEngine(new HmrEngineOptions { WebRootPath = webRoot });
        engine.Start();
        engine.MarkExecuted("/big.js");
        var analyzer = new WebRootModuleAnalyzer(webRoot);
        var bigPath = Path.Combine(webRoot, "big.js");
        var text = source.ToString();
        Report(Measure(300, () => analyzer.Analyze("/big.js", bigPath, text, "", text.Length)), $"analyzer alone, {text.Length / 1024} KB");
        var n = 0;
        Report(Measure(300, () => engine.ApplyChanges([new FileChange(bigPath, FileChangeKind.Changed)]),
            before: () => File.WriteAllText(bigPath, text + $"// edit {++n}\n")), "whole ApplyChanges: read, hash, analyse, propagate");
    }

    private static void MemoryPerModule(string webRoot)
    {
        Console.WriteLine("graph memory per module, 10,000 modules, sources excluded (goal < 2 KB)");
        // Files first, so only the engine's graph is between the two measurements.
        WriteTenThousandModules(webRoot);
        var before = Settled();
        var engine = new HmrEngine(new HmrEngineOptions { WebRootPath = webRoot });
        engine.Start();
        foreach (var url in engine.Snapshot.Keys) engine.MarkExecuted(url);
        var after = Settled();
        var count = engine.ModuleCount;
        GC.KeepAlive(engine);
        engine.Dispose();
        Console.WriteLine($"  {(after - before) / (double)count:N0} bytes per module ({(after - before) / 1024.0 / 1024.0:N1} MB for {count:N0} modules)");
    }

    /// <summary>Live heap bytes after full, compacting collections.</summary>
    private static long Settled()
    {
        for (var i = 0; i < 3; i++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
        }
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static List<double> Measure(int iterations, Action action, Action? before = null)
    {
        for (var i = 0; i < Math.Min(50, iterations); i++) { before?.Invoke(); action(); }
        var samples = new List<double>(iterations);
        for (var i = 0; i < iterations; i++)
        {
            before?.Invoke();
            var start = Stopwatch.GetTimestamp();
            action();
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return samples;
    }

    private static void Report(List<double> samples, string note)
    {
        samples.Sort();
        double At(double q) => samples[(int)Math.Min(samples.Count - 1, q * samples.Count)];
        Console.WriteLine($"  median {At(0.5):N3} ms, p95 {At(0.95):N3} ms, min {samples[0]:N3} ms  ({note})");
    }

    private static void Write(string webRoot, string relative, string content)
    {
        var path = Path.Combine(webRoot, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
    }
}

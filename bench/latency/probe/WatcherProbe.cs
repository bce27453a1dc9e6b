// Where the server side of our latency goes, without the product: on this machine, now,
//  1. how long FileSystemWatcher takes to deliver the first event of an in-place write (truncate + write), and
//  2. how late a one-shot System.Threading.Timer of N ms fires (the coalescer's settle window is such a timer).
// Run: dotnet run bench/latency/probe/WatcherProbe.cs [edits=50] [settleMs=30]
using System.Diagnostics;

var edits = args.Length > 0 ? int.Parse(args[0]) : 50;
var settleMs = args.Length > 1 ? int.Parse(args[1]) : 30;
var dir = Directory.CreateTempSubdirectory("hmr-watcher-probe-").FullName;
var file = Path.Combine(dir, "leaf.js");
File.WriteAllText(file, "export const mark = 'initial';\n");

var clock = Stopwatch.StartNew();
var firstEvent = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
using var watcher = new FileSystemWatcher(dir)
{
    IncludeSubdirectories = true,
    NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size | NotifyFilters.CreationTime,
};
watcher.Changed += (_, _) => firstEvent.TrySetResult(clock.Elapsed.TotalMilliseconds);
watcher.EnableRaisingEvents = true;

var delivery = new List<double>();
var timerLate = new List<double>();
for (var i = 0; i < 3 + edits; i++)
{
    firstEvent = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
    var written = clock.Elapsed.TotalMilliseconds;
    File.WriteAllText(file, $"export const mark = 'edit-{i}';\n");
    var seen = await firstEvent.Task;
    // The settle timer as the coalescer arms it: one-shot, restarted per event.
    var fired = new TaskCompletionSource<double>(TaskCreationOptions.RunContinuationsAsynchronously);
    var armed = clock.Elapsed.TotalMilliseconds;
    using (var timer = new Timer(_ => fired.TrySetResult(clock.Elapsed.TotalMilliseconds), null, settleMs, Timeout.Infinite))
    {
        var at = await fired.Task;
        if (i >= 3) { delivery.Add(seen - written); timerLate.Add(at - armed - settleMs); }
    }
    await Task.Delay(100);
}
Directory.Delete(dir, recursive: true);

static string Stats(List<double> v)
{
    v.Sort();
    return $"median {v[v.Count / 2]:F2} ms, p95 {v[(int)Math.Ceiling(0.95 * v.Count) - 1]:F2} ms, max {v[^1]:F2} ms";
}
Console.WriteLine($"FileSystemWatcher, write -> first Changed event: {Stats(delivery)} ({edits} writes)");
Console.WriteLine($"Timer({settleMs} ms) fires late by: {Stats(timerLate)}");
Console.WriteLine($"load average: {File.ReadAllText("/proc/loadavg").Trim()}");

using System.Diagnostics;

namespace Hmr.Bundler.Tests.Support;

/// <summary>Runs an ES module file with Node, the reference runtime for the bundler's output, and returns what it
/// printed.</summary>
internal static class NodeRunner
{
    public static string Run(string scriptPath)
    {
        var start = new ProcessStartInfo("node", [scriptPath])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(scriptPath),
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"node {scriptPath} did not finish");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"node {scriptPath} exited with {process.ExitCode}:\n{stderr.Result}");
        }
        return stdout.Result.Trim();
    }
}

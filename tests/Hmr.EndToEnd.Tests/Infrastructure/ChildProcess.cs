using System.Diagnostics;
using System.Text;

namespace Hmr.EndToEnd.Tests.Infrastructure;

/// <summary>A `dotnet` child process with captured output, standard input at end of file, and an environment
/// cleaned of what the test host inherited from `dotnet test` (MSBuild variables would leak into nested builds).</summary>
public sealed class ChildProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly Lock gate = new();

    private ChildProcess(Process process) => this.process = process;

    public int Id => process.Id;

    public bool HasExited
    {
        get { try { return process.HasExited; } catch (InvalidOperationException) { return true; } }
    }

    public string Output { get { lock (gate) { return output.ToString(); } } }

    /// <summary>The last <paramref name="chars"/> characters of the output, for failure messages.</summary>
    public string Tail(int chars = 6000)
    {
        var all = Output;
        return all.Length <= chars ? all : "…" + all[^chars..];
    }

    public static ChildProcess Start(string workingDirectory, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var key in info.Environment.Keys.ToList())
        {
            if (key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || key.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("DOTNET_WATCH", StringComparison.OrdinalIgnoreCase) || key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase))
            {
                info.Environment.Remove(key);
            }
        }
        // No lingering build servers or MSBuild nodes after a test.
        info.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        info.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        info.Environment["UseSharedCompilation"] = "false";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        info.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        if (environment is not null)
        {
            foreach (var (key, value) in environment) info.Environment[key] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var child = new ChildProcess(process);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.Start();
        process.StandardInput.Close(); // standard input at end of file, as from /dev/null
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        ProcessRegistry.Add(child);
        return child;
    }

    /// <summary>Runs to completion; throws with the output when the exit code is not 0.</summary>
    public static async Task<string> RunAsync(string workingDirectory, TimeSpan timeout, params string[] args)
    {
        using var child = Start(workingDirectory, null, args);
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await child.process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new InvalidOperationException($"`dotnet {string.Join(' ', args)}` did not finish within {timeout}:\n{child.Tail()}");
        }
        child.process.WaitForExit(); // drain the asynchronous output readers
        if (child.process.ExitCode != 0)
        {
            throw new InvalidOperationException($"`dotnet {string.Join(' ', args)}` exited with {child.process.ExitCode}:\n{child.Tail()}");
        }
        return child.Output;
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (gate) { output.AppendLine(line); }
    }

    /// <summary>Kills the whole process tree (dotnet watch ignores SIGTERM without a terminal) and waits for it.</summary>
    public void Kill()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(15_000);
            }
        }
        catch (InvalidOperationException) { }
        catch (System.ComponentModel.Win32Exception) { }
    }

    public void Dispose()
    {
        Kill();
        ProcessRegistry.Remove(this);
        process.Dispose();
    }
}

/// <summary>Every child still alive, so that the assembly cleanup can kill what a failed test left behind.</summary>
internal static class ProcessRegistry
{
    private static readonly Lock Gate = new();
    private static readonly List<ChildProcess> Live = [];

    public static void Add(ChildProcess child) { lock (Gate) { Live.Add(child); } }

    public static void Remove(ChildProcess child) { lock (Gate) { Live.Remove(child); } }

    public static void KillAll()
    {
        List<ChildProcess> all;
        lock (Gate) { all = [.. Live]; }
        foreach (var child in all) child.Dispose();
    }
}

using System.Diagnostics;
using System.Text;

namespace Hmr.Build.Tests;

/// <summary>Runs the <c>dotnet</c> CLI as a user would, with no lingering build servers (and, for the test apps, a
/// private NuGet package folder), and returns its exit code and combined output.</summary>
internal static class DotnetCli
{
    public sealed record Result(int ExitCode, string Output)
    {
        public override string ToString() => $"exit {ExitCode}\n{Output}";
    }

    /// <param name="nugetPackages">A private global packages folder, or null for the user's usual one.</param>
    public static Result Run(string workingDirectory, string? nugetPackages, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        if (nugetPackages is not null) start.Environment["NUGET_PACKAGES"] = nugetPackages;
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["MSBUILDTERMINALLOGGER"] = "off";
        // No compiler server left running after the tests (MSBuild reads environment variables as properties).
        start.Environment["UseSharedCompilation"] = "false";
        // A test host started by `dotnet test` may carry MSBuild's own variables; a child build must not inherit them.
        foreach (var name in new[] { "MSBUILD_EXE_PATH", "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBuildLoadMicrosoftTargetsReadOnly", "VSTEST_HOST_DEBUG" })
            start.Environment.Remove(name);

        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var output = new StringBuilder();
        var gate = new object();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (gate) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (gate) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"dotnet {string.Join(' ', arguments)} took longer than {timeout}:\n{output}");
        }
        process.WaitForExit();
        lock (gate) return new Result(process.ExitCode, output.ToString());
    }

    /// <summary>The repository root (the folder holding Hmr.Build.sln), found upwards from the test assembly.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "Hmr.Build.sln")))
                return directory.FullName;
        throw new InvalidOperationException("Hmr.Build.sln not found above " + AppContext.BaseDirectory);
    }
}

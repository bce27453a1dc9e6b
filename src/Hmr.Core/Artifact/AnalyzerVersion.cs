using System.Reflection;

namespace Hmr.Core.Artifact;

/// <summary>Names the analysis code that produced a module record, so a cache never outlives the code that filled it.
/// Every record in the artifact comes from Hmr.Core (lexer, resolution, graph), so the identity of that one assembly
/// is the identity of the analyzer: its informational version (what a person reads) plus its module version id
/// (MVID). With deterministic builds the MVID is a hash of the compiled assembly, so it is the same for every build of
/// the same source and changes with any change to the code, even when nobody bumped the version number.</summary>
public static class AnalyzerVersion
{
    /// <summary>This process's analyzer, e.g. <c>0.1.0+3c1f… (mvid 9f2b4c…)</c>.</summary>
    public static string Current { get; } = Describe(typeof(AnalyzerVersion).Assembly);

    /// <summary>The analyzer string of an assembly (public for tests and tools that compare artifacts).</summary>
    public static string Describe(Assembly assembly)
    {
        var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString()
            ?? "0";
        return $"{informational} (mvid {assembly.ManifestModule.ModuleVersionId:N})";
    }
}

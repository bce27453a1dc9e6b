using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using Hmr.Core.Artifact;

namespace Hmr.Runtime.Dependencies;

/// <summary>Hmr.Bundler's <c>DevServerBundling.Bundle</c>, seen through a delegate: (project folder, web root, import map
/// file, bundles folder, HmrOptimizeDeps) → (manifest path, bundled, problems).</summary>
internal delegate (string ManifestPath, bool Bundled, IReadOnlyList<FileDiagnostic> Problems) BundleDependencies(
    string projectDirectory, string webRoot, string? importMapFile, string outputDirectory, string? optimizeDeps);

/// <summary>Hmr.Bundler's <c>ModuleSyntaxCheck.Check</c>: (source, URL) → the full parser's first error, or null.</summary>
internal delegate DiagnosticRecord? CheckModuleSyntax(string source, string url);

/// <summary>Loads the bundler at run time from the package's <c>tasks/net10.0/</c> folder (the build passes the path as
/// <c>Hmr.BundlerAssembly</c>, Debug builds only), so the app never references the bundler or its parser and a published
/// app has neither (docs/runtime.md, "New dependencies while running"). One load per path, shared by its entry points.</summary>
internal static class BundlerLoader
{
    private static readonly ConcurrentDictionary<string, Lazy<Assembly>> Loaded = new(StringComparer.Ordinal);

    /// <summary>The bundling entry point, or null with the reason (no path, missing file, an assembly that does not fit).</summary>
    public static BundleDependencies? Load(string? assemblyPath, out string? problem) =>
        Entry<BundleDependencies>(assemblyPath, "Hmr.Bundler.Prebundling.DevServerBundling", "Bundle", out problem);

    /// <summary>The syntax check entry point, or null with the reason.</summary>
    public static CheckModuleSyntax? LoadSyntaxCheck(string? assemblyPath, out string? problem) =>
        Entry<CheckModuleSyntax>(assemblyPath, "Hmr.Bundler.Checking.ModuleSyntaxCheck", "Check", out problem);

    private static TDelegate? Entry<TDelegate>(string? assemblyPath, string typeName, string methodName, out string? problem)
        where TDelegate : Delegate
    {
        problem = null;
        if (string.IsNullOrEmpty(assemblyPath)) { problem = "the build passed no Hmr.BundlerAssembly"; return null; }
        if (!File.Exists(assemblyPath)) { problem = $"no bundler at {assemblyPath}"; return null; }
        try
        {
            var fullPath = Path.GetFullPath(assemblyPath);
            var assembly = Loaded.GetOrAdd(fullPath, path => new Lazy<Assembly>(() =>
            {
                var context = new BundlerLoadContext(Path.GetDirectoryName(path)!);
                return context.LoadFromAssemblyPath(context.PathOf(Path.GetFileNameWithoutExtension(path))!);
            })).Value;
            var method = assembly.GetType(typeName, throwOnError: true)!.GetMethod(methodName, BindingFlags.Public | BindingFlags.Static)
                ?? throw new MissingMethodException(typeName, methodName);
            return method.CreateDelegate<TDelegate>();
        }
        catch (Exception e) when (e is IOException or BadImageFormatException or TypeLoadException or MissingMethodException or ArgumentException or FileLoadException)
        {
            problem = $"the bundler at {assemblyPath} cannot be used: {e.Message}";
            return null;
        }
    }

    /// <summary>Resolves the bundler's own dependencies (Acornima) from its folder; Hmr.Core and the framework come from
    /// the app's context, so the Hmr.Core types crossing the boundary are the app's own (one identity).</summary>
    /// <remarks>The package precompiles the bundler and the parser for the common platforms (ReadyToRun images under
    /// <c>runtimes/&lt;rid&gt;/lib/net10.0/</c>, the layout the task's .deps.json maps for MSBuild; docs/msbuild.md): the
    /// image for this platform is taken when there is one, so the first bundling and syntax checks skip most JIT work.</remarks>
    private sealed class BundlerLoadContext(string folder) : AssemblyLoadContext("Hmr.Bundler")
    {
        protected override Assembly? Load(AssemblyName name)
        {
            if (name.Name is null || name.Name == typeof(FileDiagnostic).Assembly.GetName().Name) return null;
            if (AssemblyLoadContext.Default.Assemblies.Any(a => a.GetName().Name == name.Name)) return null;
            return PathOf(name.Name) is { } path ? LoadFromAssemblyPath(path) : null;
        }

        /// <summary>This platform's image of the assembly, else the IL one beside it, else null.</summary>
        public string? PathOf(string assemblyName)
        {
            var image = Path.Join(folder, "runtimes", RuntimeInformation.RuntimeIdentifier, "lib", "net10.0", assemblyName + ".dll");
            if (File.Exists(image)) return image;
            var il = Path.Join(folder, assemblyName + ".dll");
            return File.Exists(il) ? il : null;
        }
    }
}

using System.Runtime.InteropServices;
using Hmr.Runtime.Dependencies;

namespace Hmr.Runtime.Tests.Dependencies;

/// <summary>The bundler loaded at run time from the package's task folder: this platform's precompiled image when the
/// package has one (runtimes/&lt;rid&gt;/lib/net10.0/), the IL assembly beside it otherwise.</summary>
[TestClass]
public sealed class BundlerLoaderTests
{
    private static string TaskFolder(bool withImages)
    {
        var folder = Directory.CreateTempSubdirectory("hmr-task-folder-").FullName;
        var built = Path.GetDirectoryName(BuiltBundler.AssemblyPath)!;
        var images = Path.Combine(folder, "runtimes", RuntimeInformation.RuntimeIdentifier, "lib", "net10.0");
        if (withImages) Directory.CreateDirectory(images);
        foreach (var name in new[] { "Hmr.Bundler.dll", "Acornima.dll" })
        {
            File.Copy(Path.Combine(built, name), Path.Combine(folder, name));
            // Stands in for the image: the loader picks by place, and an IL copy loads anywhere.
            if (withImages) File.Copy(Path.Combine(built, name), Path.Combine(images, name));
        }
        return folder;
    }

    [TestMethod]
    [DataRow(true)]
    [DataRow(false)]
    public void The_image_for_this_platform_is_loaded_when_the_package_has_one(bool withImages)
    {
        var folder = TaskFolder(withImages);
        var check = BundlerLoader.LoadSyntaxCheck(Path.Combine(folder, "Hmr.Bundler.dll"), out var problem);
        Assert.IsNotNull(check, problem);
        var expectedFolder = withImages ? Path.Combine(folder, "runtimes", RuntimeInformation.RuntimeIdentifier, "lib", "net10.0") : folder;
        Assert.AreEqual(Path.Combine(expectedFolder, "Hmr.Bundler.dll"), check.Method.Module.Assembly.Location);

        // The parser comes from the same place, through the bundler's load context.
        Assert.IsNotNull(check("const a = ;", "/js/a.js"));
        var parser = AppDomain.CurrentDomain.GetAssemblies().Where(a => a.GetName().Name == "Acornima").Select(a => a.Location);
        CollectionAssert.Contains(parser.ToList(), Path.Combine(expectedFolder, "Acornima.dll"));
    }
}

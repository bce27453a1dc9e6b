using System.IO.Compression;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Runtime.Loader;
using System.Text.Json;

namespace Hmr.Build.Tests;

/// <summary>The task's assemblies in the packed package (Hmr.Core, and the bundler with its parser): precompiled
/// (ReadyToRun) for the common platforms whatever machine packed it, the IL assembly everywhere else (src/Hmr.Build/Hmr.Build.csproj, docs/msbuild.md "Package layout").</summary>
[TestClass]
public sealed class PackageReadyToRunTests
{
    // A ReadyToRun image's PE machine field: the CPU's value, XORed with the OS's (none for Windows).
    private const int Amd64 = 0x8664, Arm64 = 0xAA64, Linux = 0x7B79, MacOS = 0x4644;

    private static readonly (string Rid, int Machine, OSPlatform Os, Architecture Cpu)[] Platforms =
    [
        ("linux-x64", Amd64 ^ Linux, OSPlatform.Linux, Architecture.X64),
        ("linux-arm64", Arm64 ^ Linux, OSPlatform.Linux, Architecture.Arm64),
        ("win-x64", Amd64, OSPlatform.Windows, Architecture.X64),
        ("win-arm64", Arm64, OSPlatform.Windows, Architecture.Arm64),
        ("osx-x64", Amd64 ^ MacOS, OSPlatform.OSX, Architecture.X64),
        ("osx-arm64", Arm64 ^ MacOS, OSPlatform.OSX, Architecture.Arm64),
    ];

    private const string Tasks = "tasks/net10.0/";

    private static string ImagePath(string rid, string assembly = "Hmr.Core") => $"runtimes/{rid}/lib/net10.0/{assembly}.dll";

    [ClassInitialize]
    public static void Pack(TestContext _) => PackageFeed.EnsurePacked();

    [TestMethod]
    public void Every_common_platform_has_its_own_image_of_the_one_Hmr_Core()
    {
        var il = PackageFeed.ReadBytes("lib/net10.0/Hmr.Core.dll");
        CollectionAssert.AreEqual(il, PackageFeed.ReadBytes(Tasks + "Hmr.Core.dll"), "beside the task: lib/'s IL assembly, for other platforms");
        AssertImagesOf("Hmr.Core", Mvid(il), "compiled from lib/'s assembly, so task and runtime agree on the analyzer");
    }

    [TestMethod]
    [DataRow("Hmr.Bundler")]
    [DataRow("Acornima")]
    public void The_bundler_and_its_parser_have_an_image_per_platform_too(string assembly)
    {
        AssertImagesOf(assembly, Mvid(PackageFeed.ReadBytes(Tasks + assembly + ".dll")), "compiled from the IL assembly beside the task");
    }

    private static void AssertImagesOf(string assembly, Guid mvid, string sameSource)
    {
        using var deps = JsonDocument.Parse(PackageFeed.ReadEntry(Tasks + "Hmr.Build.deps.json"));
        var images = deps.RootElement.GetProperty("targets").EnumerateObject().Single().Value
            .EnumerateObject().Single(library => library.Name.StartsWith(assembly + "/", StringComparison.Ordinal)).Value
            .GetProperty("runtimeTargets");
        Assert.HasCount(Platforms.Length, images.EnumerateObject().ToList());
        foreach (var (rid, machine, _, _) in Platforms)
        {
            var bytes = PackageFeed.ReadBytes(Tasks + ImagePath(rid, assembly));
            using var image = new PEReader(new MemoryStream(bytes));
            Assert.AreNotEqual(0, image.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory.Size, $"{assembly}, {rid}: a ReadyToRun image");
            Assert.AreEqual(machine, (int)image.PEHeaders.CoffHeader.Machine, $"{assembly}, {rid}: native code for that OS and CPU");
            Assert.AreEqual(mvid, Mvid(bytes), $"{assembly}, {rid}: {sameSource}");
            Assert.AreEqual(rid, images.GetProperty(ImagePath(rid, assembly)).GetProperty("rid").GetString());
        }
    }

    [TestMethod]
    public void The_task_on_this_machine_loads_the_image_for_it()
    {
        // MSBuild loads a task's dependencies through its .deps.json with AssemblyDependencyResolver (its
        // MSBuildLoadContext does so whenever the file exists): ask the same resolver about the unpacked task folder.
        var folder = Directory.CreateTempSubdirectory("hmr-task-folder-").FullName;
        try
        {
            using (var zip = ZipFile.OpenRead(PackageFeed.PackageFile))
                foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith(Tasks, StringComparison.Ordinal)))
                {
                    var target = Path.Combine(folder, entry.FullName[Tasks.Length..]);
                    Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                    entry.ExtractToFile(target);
                }
            var resolver = new AssemblyDependencyResolver(Path.Combine(folder, "Hmr.Build.dll"));
            var platform = Platforms.Where(p => RuntimeInformation.IsOSPlatform(p.Os) && RuntimeInformation.OSArchitecture == p.Cpu).ToList();
            foreach (var assembly in new[] { "Hmr.Core", "Hmr.Bundler", "Acornima" })
            {
                var expected = platform.Count == 1 ? ImagePath(platform[0].Rid, assembly) : assembly + ".dll";
                Assert.AreEqual(Path.Combine(folder, expected.Replace('/', Path.DirectorySeparatorChar)), resolver.ResolveAssemblyToPath(new AssemblyName(assembly)),
                    $"{assembly} on {RuntimeInformation.RuntimeIdentifier}");
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Guid Mvid(byte[] assembly)
    {
        using var image = new PEReader(new MemoryStream(assembly));
        var metadata = image.GetMetadataReader();
        return metadata.GetGuid(metadata.GetModuleDefinition().Mvid);
    }
}

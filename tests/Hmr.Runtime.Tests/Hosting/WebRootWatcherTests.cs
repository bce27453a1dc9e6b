using System.Collections.Concurrent;
using Hmr.Core.Engine;
using Hmr.Runtime.Hosting;

namespace Hmr.Runtime.Tests.Hosting;

[TestClass]
public sealed class WebRootWatcherTests
{
    private static async Task<bool> Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (condition()) return true;
            await Task.Delay(50);
        }
        return condition();
    }

    [TestMethod]
    public async Task Create_change_delete_rename_and_folder_moves_become_file_changes()
    {
        var root = Directory.CreateTempSubdirectory("hmr-watch-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, "a.js"), "1");
            Directory.CreateDirectory(Path.Combine(root, "sub"));
            File.WriteAllText(Path.Combine(root, "sub", "inner.js"), "1");
            var changes = new ConcurrentQueue<FileChange>();
            using var watcher = new WebRootWatcher(root, changes.Enqueue, _ => { });
            bool Saw(string name, FileChangeKind kind) => changes.Any(c => c.FullPath == Path.Combine(root, name) && c.Kind == kind);

            File.WriteAllText(Path.Combine(root, "b.js"), "new");
            Assert.IsTrue(await Eventually(() => Saw("b.js", FileChangeKind.Created)), "create");

            File.AppendAllText(Path.Combine(root, "a.js"), "2");
            Assert.IsTrue(await Eventually(() => Saw("a.js", FileChangeKind.Changed) || Saw("a.js", FileChangeKind.Created)), "change");

            // An atomic save: write a temp file, rename it over the target.
            File.WriteAllText(Path.Combine(root, ".a.js.tmp"), "3");
            File.Move(Path.Combine(root, ".a.js.tmp"), Path.Combine(root, "a.js"), overwrite: true);
            Assert.IsTrue(await Eventually(() => changes.Count(c => c.FullPath == Path.Combine(root, "a.js") && c.Kind == FileChangeKind.Created) >= 1), "atomic save");

            File.Delete(Path.Combine(root, "b.js"));
            Assert.IsTrue(await Eventually(() => Saw("b.js", FileChangeKind.Deleted)), "delete");

            Directory.Move(Path.Combine(root, "sub"), Path.Combine(root, "moved"));
            Assert.IsTrue(await Eventually(() => Saw(Path.Combine("sub", "inner.js"), FileChangeKind.Deleted) && Saw(Path.Combine("moved", "inner.js"), FileChangeKind.Created)), "folder move");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [TestMethod]
    public void Rescan_reports_what_changed_while_events_were_lost()
    {
        var root = Directory.CreateTempSubdirectory("hmr-watch-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(root, "keep.js"), "1");
            File.WriteAllText(Path.Combine(root, "gone.js"), "1");
            var changes = new ConcurrentQueue<FileChange>();
            using var watcher = new WebRootWatcher(root, changes.Enqueue, _ => { }, raiseEvents: false);
            File.WriteAllText(Path.Combine(root, "keep.js"), "changed, longer");
            File.Delete(Path.Combine(root, "gone.js"));
            File.WriteAllText(Path.Combine(root, "new.js"), "1");

            Assert.IsTrue(changes.IsEmpty);
            watcher.Rescan();
            var found = changes.Select(c => $"{Path.GetFileName(c.FullPath)}:{c.Kind}").Order().ToArray();
            CollectionAssert.AreEqual(new[] { "gone.js:Deleted", "keep.js:Changed", "new.js:Created" }, found);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

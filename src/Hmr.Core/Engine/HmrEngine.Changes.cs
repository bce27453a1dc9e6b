using Hmr.Core.Resolution;
using System.Diagnostics;
using System.Text;
using Hmr.Core.Artifact;
using Hmr.Core.Protocol;

namespace Hmr.Core.Engine;

// Turning file events into graph edits: read, hash, analyse, relink, and collect what to propagate.
public sealed partial class HmrEngine
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>One batch under the lock. <paramref name="mayDefer"/> (Post only) names files that may wait one more
    /// settle window when they look mid-write (empty, unreadable, or not parsing); they go to <paramref name="deferred"/>.</summary>
    private EngineOutcome ProcessBatch(IReadOnlyCollection<FileChange> changes, IReadOnlySet<string>? mayDefer, List<string>? deferred)
    {
        var watch = Stopwatch.StartNew();
        var batch = new BatchState();
        foreach (var path in DistinctPaths(changes))
        {
            var canDefer = mayDefer is not null && mayDefer.Contains(path);
            if (!HandlePath(path, batch, canDefer)) deferred?.Add(path);
        }
        if (batch.CreatedModule) ReanalyseFailedImporters(batch);
        var pruned = PruneWalker.Prune(_graph, batch.LostImporter, batch.Detail);
        var outcome = BuildOutcome(batch, pruned, watch);
        _snapshot.Publish(_graph);
        return outcome;
    }

    private static IEnumerable<string> DistinctPaths(IReadOnlyCollection<FileChange> changes)
    {
        // The final state on disk decides what a file's events mean (an atomic save is delete + create).
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var change in changes)
        {
            var full = Path.GetFullPath(change.FullPath);
            if (seen.Add(full)) yield return full;
        }
    }

    /// <summary>Handles one file; false when it was deferred.</summary>
    private bool HandlePath(string fullPath, BatchState batch, bool canDefer)
    {
        var url = _paths.ToUrl(fullPath);
        if (url is null) return true;
        var extension = WebRootPaths.Extension(url);
        if (extension is ".html" or ".htm") return HandlePage(url, fullPath, batch, canDefer);
        if (extension == ".css") return HandleStylesheet(url, fullPath, batch, canDefer);
        if (_moduleExtensions.Contains(extension)) return HandleModule(url, fullPath, batch, canDefer);
        if (extension.Length == 0) HandleDirectory(url, fullPath, batch);
        return true;
    }

    /// <summary>A folder renamed or deleted raises one event for the folder only: settle each module under it.</summary>
    private void HandleDirectory(string url, string fullPath, BatchState batch)
    {
        if (Directory.Exists(fullPath))
        {
            // A folder moved in: its modules and stylesheets are new. Pages are left alone (a folder event says nothing
            // about whether a page changed, and reloading every page of it would be wrong).
            foreach (var file in Directory.EnumerateFiles(fullPath, "*", SearchOption.AllDirectories))
            {
                var extension = Path.GetExtension(file).ToLowerInvariant();
                if (extension != ".css" && !_moduleExtensions.Contains(extension)) continue;
                if (_paths.ToUrl(file) is { } fileUrl && _graph.Find(fileUrl) is not { Exists: true }) HandlePath(file, batch, false);
            }
            return;
        }
        var prefix = url + "/";
        foreach (var node in _graph.Nodes.Where(n => n.Exists && n.Url.StartsWith(prefix, StringComparison.Ordinal)).ToList())
            HandlePath(node.FullPath, batch, false);
    }

    private bool HandlePage(string url, string fullPath, BatchState batch, bool canDefer)
    {
        var content = TryRead(fullPath, out var missing);
        if (missing) { _pageHashes.Remove(url); return true; }
        if (content is null || (content.Length == 0 && canDefer)) return !canDefer;
        var hash = _options.ContentHash(content);
        if (_pageHashes.TryGetValue(url, out var old) && old == hash) { batch.Detail.Add($"{url}: content unchanged"); return true; }
        _pageHashes[url] = hash;
        batch.AddChangedUrl(url);
        batch.Pages.Add(url);
        if (_analyzer.ReloadImportMap()) _ = ResolveAgain(batch);
        return true;
    }

    private bool HandleStylesheet(string url, string fullPath, BatchState batch, bool canDefer)
    {
        var node = _graph.Find(url);
        var content = TryRead(fullPath, out var missing);
        if (missing)
        {
            if (node is { Exists: true } && canDefer) return false; // maybe a save that deletes, then writes anew
            if (node is { Exists: true }) { _graph.ClearRecord(node, batch.LostImporter); _snapshot.Touch(node); }
            return true;
        }
        if (content is null || (content.Length == 0 && canDefer && node?.Record?.Size != 0)) return !canDefer;
        var hash = _options.ContentHash(content);
        if (node?.Record?.Hash == hash) { batch.Detail.Add($"{url}: content unchanged"); return true; }
        node = _graph.GetOrAdd(url);
        node.FullPath = fullPath;
        _graph.SetRecord(node, StylesheetRecord(url, hash, content.Length), batch.LostImporter);
        _snapshot.Touch(node);
        batch.AddChangedUrl(url);
        batch.Stylesheets.Add(node);
        return true;
    }

    internal ModuleRecord StylesheetRecord(string url, string hash, long size) =>
        new(url, _options.WebRootName.TrimEnd('/') + url, hash, size, [], [], new HotRecord(true, true, [], null), []);

    private bool HandleModule(string url, string fullPath, BatchState batch, bool canDefer)
    {
        var node = _graph.Find(url);
        var content = TryRead(fullPath, out var missing);
        if (missing)
        {
            // An editor that saves by deleting and then writing anew leaves the file missing for a moment: a deletion
            // is believed once the file is still gone a settle window later.
            if (node is { Exists: true } && canDefer) return false;
            if (node is { Exists: true }) DeleteModule(node, batch);
            else if (node is { Importers.Count: 0 }) _graph.Remove(node, batch.LostImporter); // a new file that never parsed
            return true;
        }
        if (content is null) return !canDefer; // locked by the writer: retry, or give up on this event
        // An empty file right after a change is usually a writer that truncated and has not written yet.
        if (content.Length == 0 && canDefer && node?.Record?.Size != 0) return false;
        var hash = _options.ContentHash(content);
        if (node is { Exists: true, ErrorHash: null } && node.Record!.Hash == hash)
        {
            batch.Detail.Add($"{url}: content unchanged, skipped");
            return true;
        }
        if (node?.ErrorHash == hash) return true; // the same broken content again: the overlay already shows it
        var text = Decode(content);
        var record = Analyze(url, fullPath, text, hash, content.Length);
        batch.Analysed.Add(url);
        if (FirstError(record) is { } error)
        {
            if (canDefer) return false; // maybe a partial write: look again after one more window
            node = _graph.GetOrAdd(url);
            node.ErrorHash = hash;
            batch.AddChangedUrl(url);
            batch.Errors.Add(HmrError.InSource(url, text, error));
            batch.Detail.Add($"{url}: {error.Message} ({error.Line}:{error.Column}), not propagated");
            return true;
        }
        ApplyRecord(url, fullPath, record, batch);
        return true;
    }

    private void ApplyRecord(string url, string fullPath, ModuleRecord record, BatchState batch)
    {
        var node = _graph.GetOrAdd(url);
        var isNew = !node.Exists;
        if (node.IsDeletedButRunning)
        {
            // Re-created while a page still runs it: again an update of the module itself, as in Vite.
            node.FullPath = fullPath;
            node.ErrorHash = null;
            _graph.SetRecord(node, record, batch.LostImporter);
            _snapshot.Touch(node);
            batch.AddChangedUrl(url);
            batch.CreatedModule = true;
            batch.Detail.Add($"{url}: re-created; an update of the module itself");
            batch.AddChanged(node);
            DiscoverImports(node, batch);
            return;
        }
        node.FullPath = fullPath;
        node.ErrorHash = null;
        // Re-created (or created where an import dangled): the browser may hold the old instance, or a failed fetch,
        // under the plain URL; a fresh stamp makes importers re-imported from now on fetch the new file.
        if (isNew && node.Importers.Count > 0) node.LastUpdateTimestamp = _clock.Next();
        _graph.SetRecord(node, record, batch.LostImporter);
        _snapshot.Touch(node);
        batch.AddChangedUrl(url);
        if (isNew)
        {
            batch.CreatedModule = true;
            if (_executedBeforeKnown.Contains(url)) MarkExecutedLocked(url);
            // Importers whose import of this URL dangled now resolve: treat them as changed.
            foreach (var importer in node.Importers) batch.AddChanged(importer);
            batch.Detail.Add($"{url}: created");
        }
        batch.AddChanged(node);
        DiscoverImports(node, batch);
    }

    private void DeleteModule(ModuleNode node, BatchState batch)
    {
        batch.AddChangedUrl(node.Url);
        if (node.Executed)
        {
            // As in Vite: the page still runs it, so the deletion is an update of the module itself (its dispose runs,
            // its re-import fails, accept callbacks get undefined); importers re-run from now on import it stamped, and
            // so never the old instance.
            batch.Detail.Add($"{node.Url}: deleted; an update of the module itself");
            _graph.MarkDeleted(node, batch.LostImporter);
            _snapshot.Touch(node);
            batch.AddChanged(node);
            return;
        }
        // No page runs it (say, behind an import() not taken yet): nothing to update. Its importers keep pointing at the
        // URL, so a file created there later is analysed again and fetched under a new stamp (ApplyRecord).
        batch.Detail.Add($"{node.Url}: deleted; no page runs it, nothing to update");
        _graph.ClearRecord(node, batch.LostImporter);
        _snapshot.Touch(node);
    }

    /// <summary>An edit may import modules the graph does not hold (new, or pruned earlier): analyse them too.</summary>
    private void DiscoverImports(ModuleNode start, BatchState batch)
    {
        var work = new Stack<ModuleNode>();
        work.Push(start);
        while (work.Count > 0)
        {
            foreach (var target in work.Pop().Imports)
            {
                if (target.Exists || target.IsStylesheet || target.ErrorHash is not null || target.FullPath.Length == 0) continue;
                if (!_moduleExtensions.Contains(WebRootPaths.Extension(target.Url))) continue;
                var content = TryRead(target.FullPath, out _);
                if (content is null) continue;
                var hash = _options.ContentHash(content);
                var record = Analyze(target.Url, target.FullPath, Decode(content), hash, content.Length);
                if (FirstError(record) is not null) { target.ErrorHash = hash; continue; }
                _graph.SetRecord(target, record, batch.LostImporter);
                _snapshot.Touch(target);
                if (_executedBeforeKnown.Contains(target.Url)) MarkExecutedLocked(target.Url);
                batch.Detail.Add($"{target.Url}: discovered through an import");
                batch.CreatedModule = true; // new to the graph: failed imports elsewhere may resolve to it now
                work.Push(target);
            }
        }
    }

    /// <summary>A module was created: modules with an import that failed to resolve, or that failed to analyse, may
    /// now succeed; re-analyse them, and treat those whose imports changed as changed.</summary>
    private void ReanalyseFailedImporters(BatchState batch)
    {
        var suspects = _graph.Nodes
            .Where(n => !batch.Analysed.Contains(n.Url) && !n.IsStylesheet && n.FullPath.Length > 0
                && (n.ErrorHash is not null || (n.Record is { } r && r.Imports.Any(i => i.Url is null && i.Specifier is not null && !i.External))))
            .ToList();
        foreach (var node in suspects)
        {
            var content = TryRead(node.FullPath, out var missing);
            if (content is null || missing) continue;
            var hash = _options.ContentHash(content);
            var record = Analyze(node.Url, node.FullPath, Decode(content), hash, content.Length);
            batch.Analysed.Add(node.Url);
            if (FirstError(record) is not null) continue;
            if (node.Exists && node.ErrorHash is null && SameImports(node.Record!, record)) continue;
            batch.Detail.Add($"{node.Url}: re-analysed, an import now resolves");
            ApplyRecord(node.Url, node.FullPath, record, batch);
        }
    }

    private static string Decode(byte[] content)
    {
        var text = Utf8.GetString(content);
        return text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text;
    }

    private static bool SameImports(ModuleRecord a, ModuleRecord b) =>
        a.Imports.Select(i => i.Url).SequenceEqual(b.Imports.Select(i => i.Url), StringComparer.Ordinal);

    /// <summary>Analyses one module version and keeps the analysis for serving it (<see cref="AnalyzeForServing"/>).</summary>
    private ModuleRecord Analyze(string url, string fullPath, string text, string hash, long size)
    {
        var generation = Volatile.Read(ref _importMapGeneration);
        var analysed = _analyzer.Analyze(url, fullPath, text, hash, size);
        _analyses[url] = (generation, analysed);
        return analysed.Record;
    }

    private static DiagnosticRecord? FirstError(ModuleRecord record)
    {
        foreach (var d in record.Diagnostics)
            if (string.Equals(d.Severity, "error", StringComparison.OrdinalIgnoreCase)) return d;
        return null;
    }

    /// <summary>The file's bytes; null when it exists but cannot be read now; <paramref name="missing"/> when it is gone.</summary>
    private static byte[]? TryRead(string fullPath, out bool missing)
    {
        missing = false;
        try
        {
            return File.ReadAllBytes(fullPath);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            missing = true;
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            missing = !File.Exists(fullPath);
            return null;
        }
    }
}

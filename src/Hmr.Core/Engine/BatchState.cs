namespace Hmr.Core.Engine;

/// <summary>What one batch has found so far, before propagation turns it into messages.</summary>
internal sealed class BatchState
{
    public List<string> ChangedUrls { get; } = [];
    /// <summary>Modules to propagate from, in the order the batch met them.</summary>
    public List<ModuleNode> Changed { get; } = [];
    private readonly HashSet<ModuleNode> _changedSet = [];
    /// <summary>Modules whose importer set shrank: prune candidates once every edge of the batch is relinked.</summary>
    public List<ModuleNode> LostImporter { get; } = [];
    public List<ModuleNode> Stylesheets { get; } = [];
    public List<string> Pages { get; } = [];
    public List<Protocol.HmrError> Errors { get; } = [];
    public List<string> Detail { get; } = [];
    /// <summary>Modules whose file was read and analysed in this batch (not re-read for unresolved imports).</summary>
    public HashSet<string> Analysed { get; } = new(StringComparer.Ordinal);
    public bool CreatedModule { get; set; }

    public void AddChanged(ModuleNode node)
    {
        if (_changedSet.Add(node)) Changed.Add(node);
    }

    public void AddChangedUrl(string url)
    {
        if (!ChangedUrls.Contains(url)) ChangedUrls.Add(url);
    }
}

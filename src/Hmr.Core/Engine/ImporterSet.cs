namespace Hmr.Core.Engine;

/// <summary>The importers of one module. Almost every module has a handful, so they live in a small array
/// searched linearly (a fraction of a HashSet's memory, which matters at 10,000 modules); a widely shared module
/// switches to a HashSet once it has more than <see cref="SmallLimit"/>.</summary>
internal sealed class ImporterSet
{
    private const int SmallLimit = 16;
    private ModuleNode[] _small = [];
    private int _count;
    private HashSet<ModuleNode>? _large;

    public int Count => _large?.Count ?? _count;

    public bool Contains(ModuleNode node) => _large?.Contains(node) ?? Array.IndexOf(_small, node, 0, _count) >= 0;

    public bool Add(ModuleNode node)
    {
        if (_large is not null) return _large.Add(node);
        if (Array.IndexOf(_small, node, 0, _count) >= 0) return false;
        if (_count == SmallLimit)
        {
            _large = [.. _small, node];
            _small = [];
            _count = 0;
            return true;
        }
        if (_count == _small.Length) Array.Resize(ref _small, Math.Max(1, _count * 2));
        _small[_count++] = node;
        return true;
    }

    public bool Remove(ModuleNode node)
    {
        if (_large is not null) return _large.Remove(node);
        var index = Array.IndexOf(_small, node, 0, _count);
        if (index < 0) return false;
        _small[index] = _small[--_count];
        _small[_count] = null!;
        return true;
    }

    /// <summary>A copy, safe to hold while the set changes.</summary>
    public ModuleNode[] ToArray() => _large is not null ? [.. _large] : _small.AsSpan(0, _count).ToArray();

    public Enumerator GetEnumerator() => new(this);

    /// <summary>Allocation-free enumeration for the propagation walk.</summary>
    public struct Enumerator(ImporterSet set)
    {
        private HashSet<ModuleNode>.Enumerator _large = set._large?.GetEnumerator() ?? default;
        private readonly bool _isLarge = set._large is not null;
        private int _index = -1;

        public readonly ModuleNode Current => _isLarge ? _large.Current : set._small[_index];

        public bool MoveNext() => _isLarge ? _large.MoveNext() : ++_index < set._count;
    }
}

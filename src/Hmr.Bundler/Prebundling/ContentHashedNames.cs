using System.Security.Cryptography;
using System.Text;
using Hmr.Bundler.Emitting;

namespace Hmr.Bundler.Prebundling;

/// <summary>A chunk with its content-hashed file name (<c>lodash_es.3f9a1c2e.js</c>) and its code, the imports of other
/// chunks rewritten to their hashed names. <see cref="Hash"/> is the full hash the name carries 8 characters of.</summary>
internal sealed record HashedChunk(BundleChunk Chunk, string FileName, string Hash, string Code);

/// <summary>Names chunks after their content, so a bundle's URL changes exactly when what it runs changes. A chunk
/// imports others as <c>"./name.js"</c> (src/Hmr.Bundler/Emitting/ChunkEmitter.cs), so its hash must cover the hashes
/// of the chunks it imports: hashes are computed bottom-up over the import graph. Chunks that import each other (a
/// cycle) share one hash over all their code, computed with their names inside the cycle left as placeholders.</summary>
internal static class ContentHashedNames
{
    public static IReadOnlyList<HashedChunk> Assign(IReadOnlyList<BundleChunk> chunks)
    {
        // Chunks are numbered: they are records whose equality would compare their whole code.
        var all = Enumerable.Range(0, chunks.Count).ToList();
        var quoted = chunks.Select(c => JsString.Quote("./" + c.FileName)).ToArray();
        var imports = all.Select(c => all.Where(d => d != c && chunks[c].Code.Contains(quoted[d], StringComparison.Ordinal)).ToList()).ToArray();
        var finalName = new string[chunks.Count];
        var hashOf = new string[chunks.Count];
        // Strongly connected components come out dependencies first, so every chunk a component imports from
        // outside itself already has its final name.
        foreach (var component in StronglyConnected.Components(all, c => imports[c]))
        {
            var members = component.OrderBy(c => chunks[c].FileName, StringComparer.Ordinal).ToList();
            var text = new StringBuilder();
            foreach (var member in members)
            {
                var outside = imports[member].Where(d => !members.Contains(d));
                text.Append(chunks[member].FileName).Append('\0').Append(Rewrite(chunks[member].Code, outside, quoted, finalName)).Append('\0');
            }
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
            foreach (var member in members)
            {
                hashOf[member] = hash;
                finalName[member] = Path.GetFileNameWithoutExtension(chunks[member].FileName) + "." + hash[..8] + ".js";
            }
        }
        return [.. all.Select(c => new HashedChunk(chunks[c], finalName[c], hashOf[c], Rewrite(chunks[c].Code, imports[c], quoted, finalName)))];
    }

    private static string Rewrite(string code, IEnumerable<int> targets, string[] quoted, string[] finalName)
    {
        foreach (var target in targets)
        {
            code = code.Replace(quoted[target], JsString.Quote("./" + finalName[target]), StringComparison.Ordinal);
        }
        return code;
    }
}

/// <summary>Tarjan's strongly connected components, each emitted after every component it reaches.</summary>
internal static class StronglyConnected
{
    public static List<List<T>> Components<T>(IReadOnlyList<T> nodes, Func<T, IEnumerable<T>> edges) where T : notnull
    {
        var index = new Dictionary<T, int>();
        var low = new Dictionary<T, int>();
        var stack = new Stack<T>();
        var onStack = new HashSet<T>();
        var result = new List<List<T>>();
        void Visit(T node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in edges(node))
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }
            if (low[node] != index[node])
            {
                return;
            }
            var component = new List<T>();
            T member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            }
            while (!EqualityComparer<T>.Default.Equals(member, node));
            result.Add(component);
        }
        foreach (var node in nodes)
        {
            if (!index.ContainsKey(node))
            {
                Visit(node);
            }
        }
        return result;
    }
}

using Hmr.Bundler.Loading;

namespace Hmr.Bundler.Linking;

/// <summary>The order a browser evaluates modules in: depth-first post-order from the roots, dependencies in the
/// order they are written. A dependency already on the stack (a cycle) is skipped, so the module that closes the
/// cycle runs first and sees the other's bindings uninitialised (TDZ), exactly as unbundled.</summary>
internal static class ExecutionOrder
{
    public static List<ModuleRecord> Compute(IEnumerable<ModuleRecord> roots)
    {
        var order = new List<ModuleRecord>();
        var visited = new HashSet<ModuleRecord>();
        foreach (var root in roots)
        {
            Visit(root, visited, order);
        }
        return order;
    }

    private static void Visit(ModuleRecord module, HashSet<ModuleRecord> visited, List<ModuleRecord> order)
    {
        if (!visited.Add(module))
        {
            return;
        }
        foreach (var request in module.StaticRequests)
        {
            if (request.Target is { } target)
            {
                Visit(target, visited, order);
            }
        }
        order.Add(module);
    }
}

using Hmr.Core.Engine;

namespace Hmr.Runtime.Hosting;

/// <summary>The live engine, once the hosted service has started it; requests before that pass through untouched.</summary>
internal sealed class HmrEngineHolder
{
    private volatile IHmrEngine? _engine;

    public IHmrEngine? Engine => _engine;

    public void Set(IHmrEngine? engine) => _engine = engine;
}

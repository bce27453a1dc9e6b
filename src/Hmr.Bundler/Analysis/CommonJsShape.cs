using Hmr.Bundler.Loading;

namespace Hmr.Bundler.Analysis;

/// <summary>The exports of a CommonJS module that can be found without running it (the rules of Node's
/// cjs-module-lexer): names assigned to <c>exports</c>/<c>module.exports</c>, and modules whose exports it re-exports
/// through <c>require</c>.</summary>
internal sealed class CommonJsShape
{
    public List<string> Names { get; } = [];

    public List<ModuleRequest> ReExports { get; } = [];

    public void Add(string name)
    {
        if (!Names.Contains(name))
        {
            Names.Add(name);
        }
    }
}

using Acornima.Ast;

namespace Hmr.Bundler.Analysis;

/// <summary>Walks a module's syntax tree once, declaring names in the scope they belong to
/// (<c>var</c> and sloppy functions in the function, <c>let</c>/<c>const</c>/<c>class</c> in the block, parameters,
/// <c>catch</c> bindings, imports at the top) and recording each identifier that names a binding; then resolves every
/// identifier to its declaring scope. Acornima has no scope analysis of its own that covers references.</summary>
internal sealed partial class ScopeAnalyzer
{
    private readonly string _mode;
    private readonly bool _sloppy;
    private readonly List<(string Name, Occurrence Occurrence)> _identifiers = [];
    private readonly List<(SourceSpan Span, Identifier Process, Scope Scope)> _nodeEnvCandidates = [];
    private readonly List<(DependencyCall Call, Identifier Callee)> _requireCandidates = [];
    private readonly ScopeInfo _info;
    private Scope _scope;
    private int _deadDepth;

    private ScopeAnalyzer(string mode, bool sloppy)
    {
        _mode = mode;
        _sloppy = sloppy;
        _scope = new Scope(null, isFunction: true);
        _info = new ScopeInfo(_scope);
    }

    /// <param name="program">The parsed module or script.</param>
    /// <param name="mode">The <c>process.env.NODE_ENV</c> value, for dead branches.</param>
    /// <param name="sloppy">CommonJS code: functions declared in blocks are also function-scoped (Annex B).</param>
    public static ScopeInfo Analyze(Program program, string mode, bool sloppy)
    {
        var analyzer = new ScopeAnalyzer(mode, sloppy);
        foreach (var statement in program.Body)
        {
            analyzer.Walk(statement);
        }
        analyzer.Resolve();
        return analyzer._info;
    }

    private void Resolve()
    {
        var top = _info.Top;
        foreach (var name in top.Names)
        {
            _info.TopLevel[name] = [];
        }
        foreach (var (name, occurrence) in _identifiers)
        {
            var declaring = occurrence.Scope.Find(name);
            if (declaring == top)
            {
                _info.TopLevel[name].Add(occurrence);
            }
            else if (declaring is null)
            {
                if (!_info.Free.TryGetValue(name, out var list))
                {
                    _info.Free[name] = list = [];
                }
                list.Add(occurrence);
            }
        }
        foreach (var (span, process, scope) in _nodeEnvCandidates)
        {
            if (scope.Find(process.Name) is null)
            {
                _info.NodeEnvReads.Add(span);
            }
        }
        foreach (var (call, callee) in _requireCandidates)
        {
            if (call.Scope.Find(callee.Name) is null)
            {
                _info.Calls.Add(call);
            }
        }
        _info.Calls.Sort((a, b) => a.CallStart.CompareTo(b.CallStart));
    }

    private void Declare(Scope scope, string name)
    {
        scope.Names.Add(name);
        _info.AllNames.Add(name);
    }

    private void Reference(Identifier identifier, OccurrenceFlags flags = OccurrenceFlags.None) =>
        _identifiers.Add((identifier.Name, new Occurrence(identifier.Start, identifier.End, _scope, flags)));

    private void Bind(Identifier identifier, Scope scope, OccurrenceFlags flags = OccurrenceFlags.None)
    {
        Declare(scope, identifier.Name);
        _identifiers.Add((identifier.Name, new Occurrence(identifier.Start, identifier.End, scope, flags)));
    }

    private void InScope(bool isFunction, Action body)
    {
        var outer = _scope;
        _scope = new Scope(outer, isFunction);
        try
        {
            body();
        }
        finally
        {
            _scope = outer;
        }
    }

    private static SourceSpan SpanOf(Node node) =>
        new(node.Start, node.End, node.Location.Start.Line, node.Location.Start.Column + 1);
}

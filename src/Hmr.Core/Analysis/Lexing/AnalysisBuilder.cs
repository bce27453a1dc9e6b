namespace Hmr.Core.Analysis.Lexing;

/// <summary>
/// Collects the lexer's findings as offsets while it scans; line and column numbers are computed once at
/// the end (<see cref="LineCursor"/>), so the hot loop never counts lines.
/// </summary>
internal sealed class AnalysisBuilder
{
    /// <summary>More diagnostics than this are summarised by one HMR013, so hostile input stays linear in output too.</summary>
    internal const int MaxDiagnostics = 100;

    private readonly List<PendingImport> _imports = [];
    private readonly List<PendingDiagnostic> _diagnostics = [];
    private readonly List<(string Specifier, int Start, int End)> _hotDeps = [];
    private List<string>? _acceptedExports;
    private int _suppressedDiagnostics;

    public List<string> Exports { get; } = [];
    public bool UsesImportMeta { get; set; }
    public bool UsesHot { get; set; }
    public bool AcceptsSelf { get; set; }
    public bool CallsDispose { get; set; }
    public bool CallsPrune { get; set; }
    public bool CallsInvalidate { get; set; }
    public bool Declines { get; set; }

    /// <summary>Adds an import and returns its index (a non-literal dynamic import's end is filled in later).</summary>
    public int AddImport(in PendingImport import)
    {
        _imports.Add(import);
        return _imports.Count - 1;
    }

    public void SetImportEnd(int index, int end)
    {
        var import = _imports[index];
        import.SpecifierEnd = Math.Max(end, import.SpecifierStart); // `import( )`: an empty argument, not a negative one
        _imports[index] = import;
    }

    public void AddHotDependency(string specifier, int start, int end) => _hotDeps.Add((specifier, start, end));

    public void AddAcceptedExport(string name) => (_acceptedExports ??= []).Add(name);

    public void MarkAcceptsExports() => _acceptedExports ??= [];

    public void Report(string code, DiagnosticSeverity severity, string message, int offset)
    {
        if (_diagnostics.Count >= MaxDiagnostics)
        {
            _suppressedDiagnostics++;
            return;
        }
        _diagnostics.Add(new PendingDiagnostic(code, severity, message, offset));
    }

    public ModuleAnalysis Build(ReadOnlySpan<char> source)
    {
        // Most modules have no diagnostics and no hot dependencies, many no imports: empty results share one empty
        // array instead of allocating their own (the build task analyses thousands of modules).
        var imports = _imports.Count == 0 ? [] : new ImportRecord[_imports.Count];
        var lines = new LineCursor();
        for (var i = 0; i < imports.Length; i++)
        {
            var p = _imports[i];
            imports[i] = new ImportRecord(p.Specifier, p.Kind, p.SpecifierStart, p.SpecifierEnd, p.StatementStart,
                lines.PositionOf(source, p.PositionOffset), p.ImportedNames, p.Attributes);
        }

        var hot = UsesHot
            ? new HotFacts(true, AcceptsSelf, BuildHotDependencies(source), _acceptedExports?.ToArray(), CallsDispose, CallsPrune, CallsInvalidate, Declines)
            : HotFacts.None;
        return new ModuleAnalysis(imports, Exports.ToArray(), hot, UsesImportMeta, BuildDiagnostics(source));
    }

    private HotDependency[] BuildHotDependencies(ReadOnlySpan<char> source)
    {
        var lines = new LineCursor();
        var deps = _hotDeps.Count == 0 ? [] : new HotDependency[_hotDeps.Count];
        for (var i = 0; i < deps.Length; i++)
        {
            var (specifier, start, end) = _hotDeps[i];
            deps[i] = new HotDependency(specifier, start, end, lines.PositionOf(source, start - 1));
        }
        return deps;
    }

    private IReadOnlyList<AnalysisDiagnostic> BuildDiagnostics(ReadOnlySpan<char> source)
    {
        if (_diagnostics.Count == 0)
        {
            return [];
        }
        // Diagnostics are reported in scan order except a few found by look-ahead; sort so the cursor only moves forward.
        var lines = new LineCursor();
        var diagnostics = new List<AnalysisDiagnostic>(_diagnostics.Count + 1);
        foreach (var d in _diagnostics.OrderBy(d => d.Offset)) // stable: same offset keeps report order
        {
            diagnostics.Add(new AnalysisDiagnostic(d.Code, d.Severity, d.Message, lines.PositionOf(source, d.Offset)));
        }
        if (_suppressedDiagnostics > 0)
        {
            var last = diagnostics[^1].Position;
            diagnostics.Add(new AnalysisDiagnostic(LexerDiagnosticCodes.TooManyDiagnostics, DiagnosticSeverity.Info,
                $"{_suppressedDiagnostics} more diagnostics were not reported.", last));
        }
        return diagnostics;
    }

    private readonly record struct PendingDiagnostic(string Code, DiagnosticSeverity Severity, string Message, int Offset);
}

/// <summary>An import as found during the scan, before its line and column are known.</summary>
internal struct PendingImport
{
    public string? Specifier;
    public ImportKind Kind;
    public int SpecifierStart;
    public int SpecifierEnd;
    public int StatementStart;
    public int PositionOffset;
    public string[]? ImportedNames;
    public string? Attributes;
}

using Hmr.Core.Analysis;
using Hmr.Core.Artifact;

namespace Hmr.Core.Analysis;

/// <summary>One analysis of one module version, as the engine keeps it and the dev server reads it: the graph's
/// <see cref="ModuleRecord"/> (imports resolved to URLs) together with the lexer's output it was made from (source
/// offsets, so the server can rewrite specifiers without lexing again).</summary>
/// <param name="Record">The record (its <see cref="ModuleRecord.Hash"/> names the content analysed).</param>
/// <param name="Source">The lexer's output; null from an analyzer that does not lex (test stand-ins), whose modules
/// are then served as written.</param>
/// <param name="AcceptedDepUrls">For each <see cref="HotFacts.AcceptedDeps"/> occurrence in <paramref name="Source"/>,
/// the module URL it resolved to, or null.</param>
public sealed record AnalysedModule(ModuleRecord Record, ModuleAnalysis? Source, IReadOnlyList<string?> AcceptedDepUrls)
{
    /// <summary>A record with no lexer output.</summary>
    public static AnalysedModule FromRecord(ModuleRecord record) => new(record, null, []);
}

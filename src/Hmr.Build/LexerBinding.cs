using Hmr.Core.Analysis;

namespace Hmr.Build;

/// <summary>The one place the task names the lexer.</summary>
internal static class LexerBinding
{
    public static ModuleAnalysis Analyze(string source) => ModuleLexer.Analyze(source);
}

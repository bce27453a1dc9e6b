namespace Hmr.Core.Analysis.Lexing;

/// <summary>What opened a bracket: decides what a <c>/</c> after its closing bracket means, and where a template resumes.</summary>
internal enum FrameKind : byte
{
    Paren,
    /// <summary><c>(</c> after <c>if</c>, <c>while</c>, <c>for</c> or <c>with</c>: a <c>/</c> after its <c>)</c> starts a regex.</summary>
    KeywordParen,
    Bracket,
    /// <summary>A block or function body: a <c>/</c> after its <c>}</c> starts a regex.</summary>
    BlockBrace,
    /// <summary>An object literal (or destructuring pattern): a <c>/</c> after its <c>}</c> is a division.</summary>
    ObjectBrace,
    ClassBrace,
    /// <summary><c>${</c> inside a template: its <c>}</c> resumes the template's text.</summary>
    TemplateExpression,
}

/// <summary>One open bracket: where it is and, for <c>${</c>, where its template started (for diagnostics).</summary>
internal readonly record struct Frame(int Offset, int TemplateStart, FrameKind Kind);

/// <summary>
/// The stack of open brackets. An array that doubles, so a million <c>(</c> costs a few megabytes and
/// amortised O(1) per push, never recursion.
/// </summary>
internal sealed class BracketStack
{
    private Frame[] _frames = new Frame[32];

    public int Depth { get; private set; }

    public Frame Top => _frames[Depth - 1];

    public void Push(int offset, FrameKind kind, int templateStart = -1)
    {
        if (Depth == _frames.Length)
        {
            Array.Resize(ref _frames, _frames.Length * 2);
        }
        _frames[Depth++] = new Frame(offset, templateStart, kind);
    }

    public Frame Pop() => _frames[--Depth];
}

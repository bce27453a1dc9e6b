namespace Hmr.Bundler.Analysis;

/// <summary>One lexical scope: the module (or a CommonJS module's wrapper function), a function, a block, a
/// <c>catch</c> clause. Only names are tracked: enough to tell a reference to a top-level binding from a shadowed one.</summary>
internal sealed class Scope(Scope? parent, bool isFunction)
{
    public Scope? Parent { get; } = parent;

    /// <summary>Function scopes (and the top) receive <c>var</c> declarations from the blocks inside them.</summary>
    public bool IsFunction { get; } = isFunction;

    public HashSet<string> Names { get; } = new(StringComparer.Ordinal);

    public Scope FunctionScope => IsFunction ? this : Parent!.FunctionScope;

    /// <summary>The scope that declares <paramref name="name"/> as seen from here, or null when it is a global.</summary>
    public Scope? Find(string name)
    {
        for (var scope = this; scope is not null; scope = scope.Parent)
        {
            if (scope.Names.Contains(name))
            {
                return scope;
            }
        }
        return null;
    }

    /// <summary>Whether a scope between this one and <paramref name="top"/> (exclusive) declares <paramref name="name"/>:
    /// then a top-level binding renamed to <paramref name="name"/> would be captured here.</summary>
    public bool ShadowsBelow(Scope top, string name)
    {
        for (var scope = this; scope is not null && scope != top; scope = scope.Parent)
        {
            if (scope.Names.Contains(name))
            {
                return true;
            }
        }
        return false;
    }
}

[Flags]
internal enum OccurrenceFlags
{
    None = 0,

    /// <summary>The value of a shorthand property (<c>{ a }</c>): renaming must keep the key (<c>{ a: a$1 }</c>).</summary>
    Shorthand = 1,

    /// <summary>The callee of a call or tagged template: a member expression put there must not become <c>this</c>.</summary>
    Callee = 2,
}

/// <summary>An identifier in the source that names a binding (a declaration or a reference), by its range.</summary>
internal readonly record struct Occurrence(int Start, int End, Scope Scope, OccurrenceFlags Flags);

/// <summary>A <c>require('x')</c> or <c>import('x')</c> call with a literal specifier. <see cref="InDeadBranch"/>:
/// inside an <c>if</c> whose <c>process.env.NODE_ENV</c> test is false in this mode, so it is neither followed nor
/// rewritten (React's production build is never loaded in development).</summary>
internal sealed record DependencyCall(
    bool IsRequire, string Specifier, int CallStart, int CallEnd, int SpecifierStart, int SpecifierEnd,
    int Line, int Column, Scope Scope, bool InDeadBranch);

/// <summary>A place in the source by range, with its 1-based line and column (for diagnostics).</summary>
internal readonly record struct SourceSpan(int Start, int End, int Line, int Column);

using Acornima;
using Acornima.Ast;

namespace Hmr.Bundler.Analysis;

/// <summary>The expressions the emitter rewrites: <c>require('x')</c>, <c>import('x')</c>, <c>process.env.NODE_ENV</c>,
/// and the branches a <c>NODE_ENV</c> test makes dead. <c>import.meta.url</c> only marks the module as an ES module: it
/// stays as written, the URL of the chunk it ends up in (docs/bundling.md).</summary>
internal sealed partial class ScopeAnalyzer
{
    private void WalkMember(MemberExpression member)
    {
        if (IsImportMetaUrl(member))
        {
            _info.HasModuleSyntax = true;
            return;
        }
        if (AsNodeEnv(member) is { } process)
        {
            _nodeEnvCandidates.Add((SpanOf(member), process, _scope));
        }
        Walk(member.Object);
        if (member.Computed)
        {
            Walk(member.Property);
        }
    }

    private static bool IsImportMetaUrl(MemberExpression member) =>
        member is { Computed: false, Object: MetaProperty { Meta.Name: "import" }, Property: Identifier { Name: "url" } };

    /// <summary>The <c>process</c> identifier of a <c>process.env.NODE_ENV</c> expression.</summary>
    private static Identifier? AsNodeEnv(Node node) =>
        node is MemberExpression
        {
            Computed: false,
            Property: Identifier { Name: "NODE_ENV" },
            Object: MemberExpression { Computed: false, Property: Identifier { Name: "env" }, Object: Identifier { Name: "process" } process },
        }
            ? process
            : null;

    private void RecordRequire(CallExpression call)
    {
        if (call.Callee is not Identifier { Name: "require" } callee)
        {
            return;
        }
        if (call.Arguments.Count == 1 && call.Arguments[0] is StringLiteral literal)
        {
            var span = SpanOf(literal);
            _requireCandidates.Add((new DependencyCall(true, literal.Value, call.Start, call.End, literal.Start, literal.End,
                span.Line, span.Column, _scope, _deadDepth > 0), callee));
        }
        else if (_scope.Find("require") is null && _deadDepth == 0)
        {
            _info.NonLiteralRequires.Add(SpanOf(call));
        }
    }

    private void RecordImport(ImportExpression import)
    {
        if (import.Source is StringLiteral literal)
        {
            var span = SpanOf(literal);
            _info.Calls.Add(new DependencyCall(false, literal.Value, import.Start, import.End, literal.Start, literal.End,
                span.Line, span.Column, _scope, _deadDepth > 0));
        }
        else if (_deadDepth == 0)
        {
            _info.NonLiteralImports.Add(SpanOf(import));
        }
    }

    /// <summary>Both branches are walked (their declarations still exist), but dependency calls in the branch the
    /// mode makes dead are marked so they are not followed.</summary>
    private void WalkBranches(Expression test, Node? consequent, Node? alternate)
    {
        Walk(test);
        var value = FoldNodeEnvTest(test);
        WalkBranch(consequent, dead: value == false);
        WalkBranch(alternate, dead: value == true);
    }

    private void WalkBranch(Node? branch, bool dead)
    {
        if (dead)
        {
            _deadDepth++;
        }
        Walk(branch);
        if (dead)
        {
            _deadDepth--;
        }
    }

    /// <summary><c>process.env.NODE_ENV === 'production'</c> (and <c>!==</c>, <c>==</c>, <c>!=</c>, either side) in
    /// this mode, or null when the test is something else.</summary>
    private bool? FoldNodeEnvTest(Expression test)
    {
        if (test is not BinaryExpression binary
            || binary.Operator is not (Operator.StrictEquality or Operator.Equality or Operator.StrictInequality or Operator.Inequality))
        {
            return null;
        }
        var literal = binary.Right as StringLiteral ?? binary.Left as StringLiteral;
        var envSide = binary.Right is StringLiteral ? binary.Left : binary.Right;
        if (literal is null || AsNodeEnv(envSide) is not { } process || _scope.Find(process.Name) is not null)
        {
            return null;
        }
        var equal = string.Equals(literal.Value, _mode, StringComparison.Ordinal);
        return binary.Operator is Operator.StrictEquality or Operator.Equality ? equal : !equal;
    }
}

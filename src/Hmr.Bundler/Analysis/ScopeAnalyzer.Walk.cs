using Acornima.Ast;

namespace Hmr.Bundler.Analysis;

internal sealed partial class ScopeAnalyzer
{
    private void WalkChildren(Node node)
    {
        foreach (var child in node.ChildNodes)
        {
            Walk(child);
        }
    }

    private void Walk(Node? node, OccurrenceFlags flags = OccurrenceFlags.None)
    {
        switch (node)
        {
            case null:
                return;
            case Identifier identifier:
                Reference(identifier, flags);
                return;
            case VariableDeclaration declaration:
                WalkVariableDeclaration(declaration);
                return;
            case FunctionDeclaration function:
                if (function.Id is not null)
                {
                    Bind(function.Id, _scope);
                    if (_sloppy && !_scope.IsFunction)
                    {
                        Declare(_scope.FunctionScope, function.Id.Name);
                    }
                }
                WalkFunction(function.Params, function.Body, null);
                return;
            case FunctionExpression function:
                WalkFunction(function.Params, function.Body, function.Id);
                return;
            case ArrowFunctionExpression arrow:
                WalkFunction(arrow.Params, arrow.Body, null);
                return;
            case ClassDeclaration declaration:
                if (declaration.Id is not null)
                {
                    Bind(declaration.Id, _scope);
                }
                WalkClass(declaration.SuperClass, declaration.Body, null);
                return;
            case ClassExpression expression:
                WalkClass(expression.SuperClass, expression.Body, expression.Id);
                return;
            case NestedBlockStatement or SwitchStatement or ForStatement or ForInStatement or ForOfStatement:
                InScope(isFunction: false, () => WalkBlockLike(node));
                return;
            case StaticBlock block:
                InScope(isFunction: true, () => WalkChildren(block));
                return;
            case CatchClause clause:
                InScope(isFunction: false, () =>
                {
                    if (clause.Param is not null)
                    {
                        WalkPattern(clause.Param, _scope);
                    }
                    Walk(clause.Body);
                });
                return;
            case MemberExpression member:
                WalkMember(member);
                return;
            case Property property:
                if (property.Computed)
                {
                    Walk(property.Key);
                }
                Walk(property.Value, property.Shorthand ? OccurrenceFlags.Shorthand : OccurrenceFlags.None);
                return;
            case ClassProperty classProperty:
                if (classProperty.Computed)
                {
                    Walk(classProperty.Key);
                }
                Walk(classProperty.Value);
                foreach (var decorator in DecoratorsOf(classProperty))
                {
                    Walk(decorator);
                }
                return;
            case LabeledStatement labeled:
                Walk(labeled.Body);
                return;
            case BreakStatement or ContinueStatement:
                return;
            case MetaProperty meta:
                if (meta.Meta.Name == "import")
                {
                    _info.HasModuleSyntax = true;
                }
                return;
            case ImportDeclaration import:
                _info.HasModuleSyntax = true;
                foreach (var specifier in import.Specifiers)
                {
                    Declare(_info.Top, specifier.Local.Name);
                }
                return;
            case ExportNamedDeclaration export:
                _info.HasModuleSyntax = true;
                Walk(export.Declaration);
                return;
            case ExportDefaultDeclaration exportDefault:
                _info.HasModuleSyntax = true;
                Walk(exportDefault.Declaration);
                return;
            case ExportAllDeclaration:
                _info.HasModuleSyntax = true;
                return;
            case AssignmentExpression assignment:
                WalkPattern(assignment.Left, null);
                Walk(assignment.Right);
                return;
            case CallExpression call:
                RecordRequire(call);
                Walk(call.Callee, OccurrenceFlags.Callee);
                foreach (var argument in call.Arguments)
                {
                    Walk(argument);
                }
                return;
            case TaggedTemplateExpression tagged:
                Walk(tagged.Tag, OccurrenceFlags.Callee);
                Walk(tagged.Quasi);
                return;
            case ImportExpression import:
                RecordImport(import);
                WalkChildren(import);
                return;
            case IfStatement ifStatement:
                WalkBranches(ifStatement.Test, ifStatement.Consequent, ifStatement.Alternate);
                return;
            case ConditionalExpression conditional:
                WalkBranches(conditional.Test, conditional.Consequent, conditional.Alternate);
                return;
            default:
                WalkChildren(node);
                return;
        }
    }

    private static NodeList<Decorator> DecoratorsOf(ClassProperty property) => property switch
    {
        MethodDefinition method => method.Decorators,
        PropertyDefinition definition => definition.Decorators,
        AccessorProperty accessor => accessor.Decorators,
        _ => default,
    };

    private void WalkBlockLike(Node node)
    {
        switch (node)
        {
            case ForInStatement forIn:
                WalkForHead(forIn.Left);
                Walk(forIn.Right);
                Walk(forIn.Body);
                return;
            case ForOfStatement forOf:
                WalkForHead(forOf.Left);
                Walk(forOf.Right);
                Walk(forOf.Body);
                return;
            case NestedBlockStatement block:
                // Walked statement by statement: Walk(block) would open a second scope for it.
                foreach (var statement in block.Body)
                {
                    Walk(statement);
                }
                return;
            default:
                WalkChildren(node);
                return;
        }
    }

    private void WalkForHead(Node left)
    {
        if (left is VariableDeclaration declaration)
        {
            WalkVariableDeclaration(declaration);
        }
        else
        {
            WalkPattern(left, null);
        }
    }

    private void WalkVariableDeclaration(VariableDeclaration declaration)
    {
        var target = declaration.Kind == VariableDeclarationKind.Var ? _scope.FunctionScope : _scope;
        foreach (var declarator in declaration.Declarations)
        {
            WalkPattern(declarator.Id, target);
            Walk(declarator.Init);
        }
    }

    private void WalkFunction(in NodeList<Node> parameters, StatementOrExpression body, Identifier? ownName)
    {
        var list = parameters;
        InScope(isFunction: true, () =>
        {
            if (ownName is not null)
            {
                Bind(ownName, _scope);
            }
            foreach (var parameter in list)
            {
                WalkPattern(parameter, _scope);
            }
            if (body is FunctionBody functionBody)
            {
                foreach (var statement in functionBody.Body)
                {
                    Walk(statement);
                }
            }
            else
            {
                Walk(body);
            }
        });
    }

    private void WalkClass(Expression? superClass, ClassBody body, Identifier? ownName)
    {
        Walk(superClass);
        InScope(isFunction: false, () =>
        {
            if (ownName is not null)
            {
                Bind(ownName, _scope);
            }
            foreach (var element in body.Body)
            {
                Walk(element);
            }
        });
    }

    /// <summary>A binding pattern (declaring into <paramref name="declareIn"/>) or an assignment target (null).</summary>
    private void WalkPattern(Node? node, Scope? declareIn, OccurrenceFlags flags = OccurrenceFlags.None)
    {
        switch (node)
        {
            case null:
                return;
            case Identifier identifier:
                if (declareIn is not null)
                {
                    Bind(identifier, declareIn, flags);
                }
                else
                {
                    Reference(identifier, flags);
                }
                return;
            case ObjectPattern objectPattern:
                foreach (var property in objectPattern.Properties)
                {
                    if (property is Property assignmentProperty)
                    {
                        if (assignmentProperty.Computed)
                        {
                            Walk(assignmentProperty.Key);
                        }
                        WalkPattern(assignmentProperty.Value, declareIn,
                            assignmentProperty.Shorthand ? OccurrenceFlags.Shorthand : OccurrenceFlags.None);
                    }
                    else
                    {
                        WalkPattern(property, declareIn);
                    }
                }
                return;
            case ArrayPattern arrayPattern:
                foreach (var element in arrayPattern.Elements)
                {
                    WalkPattern(element, declareIn);
                }
                return;
            case AssignmentPattern assignment:
                WalkPattern(assignment.Left, declareIn, flags);
                Walk(assignment.Right);
                return;
            case RestElement rest:
                WalkPattern(rest.Argument, declareIn);
                return;
            default:
                Walk(node);
                return;
        }
    }
}

using Acornima.Ast;
using Hmr.Bundler.Loading;

namespace Hmr.Bundler.Analysis;

/// <summary>Finds a CommonJS module's export names statically: <c>exports.x =</c>, <c>module.exports.x =</c>,
/// <c>exports['x'] =</c>, <c>Object.defineProperty(exports, 'x', …)</c>, <c>module.exports = { a, b: c, ...require('y') }</c>,
/// <c>module.exports = require('y')</c> and TypeScript's <c>__exportStar(require('y'), exports)</c>.
/// Calls in dead <c>NODE_ENV</c> branches are not followed, so their re-exports are not counted.</summary>
internal static class CommonJsExportScanner
{
    public static CommonJsShape Scan(ModuleRecord module)
    {
        var shape = new CommonJsShape();
        var pending = new Stack<Node>();
        pending.Push(module.Program);
        while (pending.Count > 0)
        {
            var node = pending.Pop();
            switch (node)
            {
                case AssignmentExpression { Left: MemberExpression target } assignment:
                    ScanAssignment(module, shape, target, assignment.Right);
                    break;
                case CallExpression call:
                    ScanCall(module, shape, call);
                    break;
            }
            foreach (var child in node.ChildNodes)
            {
                pending.Push(child);
            }
        }
        shape.Names.Sort(StringComparer.Ordinal);
        return shape;
    }

    private static void ScanAssignment(ModuleRecord module, CommonJsShape shape, MemberExpression target, Expression value)
    {
        if (IsModuleExports(target))
        {
            if (value is ObjectExpression literal)
            {
                ScanObjectLiteral(module, shape, literal);
            }
            else if (RequestOf(module, value) is { } request)
            {
                shape.ReExports.Add(request);
            }
        }
        else if (IsExportsObject(target.Object) && PropertyName(target) is { } name)
        {
            shape.Add(name);
        }
    }

    private static void ScanObjectLiteral(ModuleRecord module, CommonJsShape shape, ObjectExpression literal)
    {
        foreach (var property in literal.Properties)
        {
            if (property is Property { Computed: false, Key: var key })
            {
                if (key is Identifier identifier)
                {
                    shape.Add(identifier.Name);
                }
                else if (key is StringLiteral text)
                {
                    shape.Add(text.Value);
                }
            }
            else if (property is SpreadElement spread && RequestOf(module, spread.Argument) is { } request)
            {
                shape.ReExports.Add(request);
            }
        }
    }

    private static void ScanCall(ModuleRecord module, CommonJsShape shape, CallExpression call)
    {
        if (call.Callee is MemberExpression { Computed: false, Object: Identifier { Name: "Object" }, Property: Identifier { Name: "defineProperty" } }
            && call.Arguments.Count >= 2 && IsExportsObject(call.Arguments[0]) && call.Arguments[1] is StringLiteral name)
        {
            shape.Add(name.Value);
        }
        else if (call.Callee is Identifier { Name: "__exportStar" or "__export" } && call.Arguments.Count >= 1
            && RequestOf(module, call.Arguments[0]) is { } request)
        {
            shape.ReExports.Add(request);
        }
    }

    private static ModuleRequest? RequestOf(ModuleRecord module, Node value) =>
        value is CallExpression call && module.CallRequests.TryGetValue(call.Start, out var request) && request.Kind == ImportKind.Require
            ? request
            : null;

    private static bool IsModuleExports(Node node) =>
        node is MemberExpression { Computed: false, Object: Identifier { Name: "module" }, Property: Identifier { Name: "exports" } };

    private static bool IsExportsObject(Node node) => node is Identifier { Name: "exports" } || IsModuleExports(node);

    private static string? PropertyName(MemberExpression member) => member switch
    {
        { Computed: false, Property: Identifier identifier } => identifier.Name,
        { Computed: true, Property: StringLiteral literal } => literal.Value,
        _ => null,
    };
}

using Acornima.Ast;
using Hmr.Bundler.Loading;

namespace Hmr.Bundler.Analysis;

/// <summary>Reads an ES module's top-level import and export statements into its <see cref="EsModuleShape"/> and
/// adds their requests, in source order, to the module's static requests.</summary>
internal static class EsModuleAnalyzer
{
    public static EsModuleShape Analyze(ModuleRecord module)
    {
        var shape = new EsModuleShape();
        foreach (var statement in module.Program.Body)
        {
            switch (statement)
            {
                case ImportDeclaration import:
                    AddImport(module, shape, import);
                    break;
                case ExportNamedDeclaration export:
                    AddNamedExport(module, shape, export);
                    break;
                case ExportAllDeclaration all:
                    var request = AddRequest(module, all.Source);
                    if (all.Exported is null)
                    {
                        shape.Stars.Add(request);
                    }
                    else
                    {
                        shape.ReExports[NameOf(all.Exported)] = new ReExport(request, "*");
                    }
                    shape.RemovedStatements.Add((all.Start, all.End));
                    break;
                case ExportDefaultDeclaration exportDefault:
                    shape.Default = DefaultOf(module, exportDefault);
                    shape.LocalExports["default"] = shape.Default.Local;
                    break;
            }
        }
        return shape;
    }

    private static ModuleRequest AddRequest(ModuleRecord module, StringLiteral source)
    {
        var span = new SourceSpan(source.Start, source.End, source.Location.Start.Line, source.Location.Start.Column + 1);
        var request = new ModuleRequest(source.Value, ImportKind.Static, span);
        module.StaticRequests.Add(request);
        return request;
    }

    private static void AddImport(ModuleRecord module, EsModuleShape shape, ImportDeclaration import)
    {
        var request = AddRequest(module, import.Source);
        foreach (var specifier in import.Specifiers)
        {
            var imported = specifier switch
            {
                ImportNamespaceSpecifier => "*",
                ImportDefaultSpecifier => "default",
                ImportSpecifier named => NameOf(named.Imported),
                _ => throw new InvalidOperationException(specifier.GetType().Name),
            };
            shape.Imports[specifier.Local.Name] = new ImportBinding(specifier.Local.Name, request, imported);
        }
        shape.RemovedStatements.Add((import.Start, import.End));
    }

    private static void AddNamedExport(ModuleRecord module, EsModuleShape shape, ExportNamedDeclaration export)
    {
        if (export.Declaration is { } declaration)
        {
            foreach (var name in DeclaredNames(declaration))
            {
                shape.LocalExports[name] = name;
            }
            shape.ExportKeywords.Add((export.Start, declaration.Start));
            return;
        }
        var request = export.Source is null ? null : AddRequest(module, export.Source);
        foreach (var specifier in export.Specifiers)
        {
            var local = NameOf(specifier.Local);
            var exported = NameOf(specifier.Exported);
            if (request is null)
            {
                shape.LocalExports[exported] = local;
            }
            else
            {
                shape.ReExports[exported] = new ReExport(request, local);
            }
        }
        shape.RemovedStatements.Add((export.Start, export.End));
    }

    private static DefaultExport DefaultOf(ModuleRecord module, ExportDefaultDeclaration export)
    {
        var source = module.Source;
        var keywordsEnd = SourceText.AfterKeyword(source, SourceText.AfterKeyword(source, export.Start, "export"), "default");
        return export.Declaration switch
        {
            FunctionDeclaration { Id: { } id } => new(DefaultExportForm.NamedDeclaration, id.Name, export.Start, keywordsEnd, 0, export.End),
            ClassDeclaration { Id: { } id } => new(DefaultExportForm.NamedDeclaration, id.Name, export.Start, keywordsEnd, 0, export.End),
            FunctionDeclaration function => new(DefaultExportForm.AnonymousFunction, DefaultName(module), export.Start, keywordsEnd,
                SourceText.NextParenthesis(source, function.Start), export.End),
            ClassDeclaration @class => new(DefaultExportForm.AnonymousClass, DefaultName(module), export.Start, keywordsEnd,
                SourceText.AfterKeyword(source, @class.Start, "class"), export.End),
            _ => new(DefaultExportForm.Expression, DefaultName(module), export.Start, keywordsEnd, 0, export.End),
        };
    }

    /// <summary>A top-level name for an anonymous default export that no scope of the module uses.</summary>
    private static string DefaultName(ModuleRecord module)
    {
        var name = module.Stem + "_default";
        while (module.Scope.AllNames.Contains(name) || module.Scope.ReadsGlobal(name))
        {
            name = "_" + name;
        }
        module.Scope.Top.Names.Add(name);
        module.Scope.AllNames.Add(name);
        module.Scope.TopLevel[name] = [];
        return name;
    }

    public static string NameOf(Expression nameNode) => nameNode switch
    {
        Identifier identifier => identifier.Name,
        StringLiteral literal => literal.Value,
        _ => throw new InvalidOperationException(nameNode.GetType().Name),
    };

    private static IEnumerable<string> DeclaredNames(Declaration declaration) => declaration switch
    {
        FunctionDeclaration { Id: { } id } => [id.Name],
        ClassDeclaration { Id: { } id } => [id.Name],
        VariableDeclaration variables => variables.Declarations.SelectMany(d => PatternNames(d.Id)),
        _ => [],
    };

    private static IEnumerable<string> PatternNames(Node? pattern) => pattern switch
    {
        Identifier identifier => [identifier.Name],
        ObjectPattern objectPattern => objectPattern.Properties.SelectMany(p => p is Property property ? PatternNames(property.Value) : PatternNames(p)),
        ArrayPattern arrayPattern => arrayPattern.Elements.SelectMany(PatternNames),
        AssignmentPattern assignment => PatternNames(assignment.Left),
        RestElement rest => PatternNames(rest.Argument),
        _ => [],
    };
}

using Hmr.Bundler.Checking;

namespace Hmr.Bundler.Tests.Checking;

/// <summary>The full parser's verdict on an app's module, as the development server asks for it
/// (docs/runtime.md, "A module with a syntax error").</summary>
[TestClass]
public sealed class ModuleSyntaxCheckTests
{
    [TestMethod]
    [DataRow("#!/usr/bin/env node\nexport const a = 1;\n")]
    [DataRow("const data = await fetch(import.meta.url);\nexport default data;\n")]
    [DataRow("export class A { #count = 0; static { this.ready = true; } get count() { return this.#count; } }\n")]
    [DataRow("const re = /[\\p{L}--[a-z]]/v;\nexport { re as 'string name' };\n")]
    [DataRow("import.meta.hot?.accept((next) => next?.render());\nusing_ = 1;\n")]
    public void What_browsers_run_passes(string source)
    {
        Assert.IsNull(ModuleSyntaxCheck.Check(source, "/js/ok.js"));
    }

    [TestMethod]
    [DataRow("export const a = 1;\nconst total = 1 + ;\n", 2, 19)]
    [DataRow("let x = 1;\nlet x = 2;\n", 2, 5)] // an early error: redeclaration
    [DataRow("export function f() {\n  return await g();\n}\n", 2, 10)] // await outside an async function
    [DataRow("export default 1;\nexport default 2;\n", 2, 8)] // duplicate export
    [DataRow("with (Math) { max(1, 2); }\n", 1, 1)] // modules are strict
    public void An_error_has_its_code_line_and_column(string source, int line, int column)
    {
        var error = ModuleSyntaxCheck.Check(source, "/js/broken.js");
        Assert.IsNotNull(error);
        Assert.AreEqual("HMR030", error.Code);
        Assert.AreEqual((line, column), (error.Line, error.Column), error.Message);
        Assert.IsFalse(string.IsNullOrWhiteSpace(error.Message));
    }

    [TestMethod]
    public void Deep_nesting_gives_a_verdict_on_the_servers_large_stack()
    {
        var source = "export const a = " + new string('[', 20_000) + new string(']', 20_000) + ";\n";
        Hmr.Core.Artifact.DiagnosticRecord? error = null;
        var thread = new Thread(() => error = ModuleSyntaxCheck.Check(source, "/js/deep.js"), 64 * 1024 * 1024);
        thread.Start();
        thread.Join();
        Assert.IsNull(error);
    }
}

using Hmr.Core.Analysis;

namespace Hmr.Core.Tests.Analysis;

/// <summary><c>import</c> as a property, method or field name, versus real imports in the same places.</summary>
[TestClass]
public sealed class PropertyNameTests
{
    [TestMethod]
    [DataRow("obj.import('x')", "")]
    [DataRow("obj?.import('x')", "")]
    [DataRow("obj\n  .import('x')", "")]
    [DataRow("obj. /* c */ import('x')", "")]
    [DataRow("x = { import: 1 }", "")]
    [DataRow("x = { import(x) {} }", "")]
    [DataRow("x = { a: 1, import(x) {} }", "")]
    [DataRow("x = { async import(x) {} }", "")]
    [DataRow("x = { get import() {} }", "")]
    [DataRow("x = { *import() {} }", "")]
    [DataRow("class A { import() {} }", "")]
    [DataRow("class A { static import(x) {} }", "")]
    [DataRow("class A { async import(x) {} }", "")]
    [DataRow("class A { a() {} import(x) {} }", "")]
    [DataRow("class A { a = 1; import(x) {} }", "")]
    [DataRow("class A { #import = 1; m() { this.#import() } }", "")]
    [DataRow("class A { import = 1 }", "")]
    [DataRow("class A extends B { import(x) { return super.import(x) } }", "")]
    [DataRow("'import(\"x\")'", "")]
    [DataRow("\"import('x')\"", "")]
    [DataRow("`import('x')`", "")]
    [DataRow("// import('x')", "")]
    [DataRow("/* import('x') */", "")]
    [DataRow("x = /import('x')/", "")]
    [DataRow("class A { x = import('ok') }", "ok")]
    [DataRow("class A { [import('ok')]() {} }", "ok")]
    [DataRow("class A { m() { return import('ok') } }", "ok")]
    [DataRow("class A { static { import('ok') } }", "ok")]
    [DataRow("x = { a: import('ok') }", "ok")]
    [DataRow("x = { async m() { await import('ok') } }", "ok")]
    [DataRow("x = { a: await import('ok') }", "ok")]
    [DataRow("x = { ...import('ok') }", "ok")]
    [DataRow("x = [import('ok')]", "ok")]
    [DataRow("x = { [import('ok')]: 1 }", "ok")]
    [DataRow("{ import('ok') }", "ok")]
    [DataRow("if (a) { import('ok') }", "ok")]
    [DataRow("x = a ? import('ok') : null", "ok")]
    [DataRow("obj.import(import('ok'))", "ok")]
    [DataRow("`${import('ok')}`", "ok")]
    [DataRow("`a${`b${import('ok')}`}`", "ok")]
    public void ImportAsNameOrCall(string source, string expected)
    {
        var analysis = ModuleLexer.Analyze(source);
        Assert.AreEqual(expected, Describe.Specifiers(analysis), source);
        Assert.AreEqual("", Describe.Diagnostics(analysis), source);
    }
}

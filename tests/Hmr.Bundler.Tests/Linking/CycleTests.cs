using Hmr.Bundler.Tests.Support;

namespace Hmr.Bundler.Tests.Linking;

/// <summary>Import cycles evaluate in the browser's order, and a binding read before its module ran throws the same
/// TDZ error as unbundled.</summary>
[TestClass]
public sealed class CycleTests
{
    [TestMethod]
    public void ACycleEvaluatesInTheOrderTheBrowserUses()
    {
        using var fixture = new BundleFixture(
            ("a.js", "import { b } from './b.js';\nlog('a runs, b is ' + b());\nexport function a() { return 'a'; }\n"),
            ("b.js", "import { a } from './a.js';\nimport './c.js';\nlog('b runs');\nexport function b() { return 'b sees ' + a(); }\n"),
            ("c.js", "import './a.js';\nlog('c runs');\n"),
            ("main.js", "import './a.js';\nimport './c.js';\nlog('main runs');\nexport const done = true;\n"));
        var output = fixture.AssertSameAsUnbundled("return mods.main.done;", ("main", "main.js"));
        Assert.AreEqual("""["c runs","b runs","a runs, b is b sees a","main runs"]""", output.GetProperty("log").GetRawText());
    }

    [TestMethod]
    public void ReadingALexicalBindingOfAModuleStillOnTheStackThrowsAsUnbundled()
    {
        using var fixture = new BundleFixture(
            ("a.js", "import './b.js';\nexport const fromA = 'a';\nexport class Thing {}\n"),
            ("b.js", "import { fromA } from './a.js';\nlog('b runs');\nlog(fromA);\n"),
            ("main.js", "import './a.js';\nexport const unreachable = true;\n"));
        var output = fixture.AssertSameAsUnbundled("return mods.main.unreachable;", expectError: true, ("main", "main.js"));
        Assert.AreEqual("ReferenceError", output.GetProperty("error").GetString());
        Assert.AreEqual("""["b runs"]""", output.GetProperty("log").GetRawText());
    }

    [TestMethod]
    public void FunctionDeclarationsInACycleAreHoisted()
    {
        using var fixture = new BundleFixture(
            ("even.js", "import { odd } from './odd.js';\nexport function even(n) { return n === 0 ? true : odd(n - 1); }\nlog('even ' + odd(3));\n"),
            ("odd.js", "import { even } from './even.js';\nexport function odd(n) { return n === 0 ? false : even(n - 1); }\nlog('odd ' + even(4));\n"),
            ("main.js", "export { even } from './even.js';\n"));
        fixture.AssertSameAsUnbundled("return [mods.main.even(10), mods.main.even(7)];", ("main", "main.js"));
    }
}

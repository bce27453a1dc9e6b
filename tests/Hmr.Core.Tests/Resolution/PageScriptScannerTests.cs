using Hmr.Core.Resolution;

namespace Hmr.Core.Tests.Resolution;

[TestClass]
public sealed class PageScriptScannerTests
{
    [TestMethod]
    public void Finds_module_scripts_import_maps_and_positions()
    {
        const string html = "<!doctype html>\n<html><head>\n" +
                            "  <script type=\"importmap\">{\"imports\":{\"a\":\"/a.js\"}}</script>\n" +
                            "  <SCRIPT TYPE='module' src=/js/app.js></SCRIPT>\n" +
                            "  <script src=\"classic.js\"></script>\n" +
                            "</head><body>\n<script type=\"module\">\nimport './inline.js';\n</script>\n</body></html>";
        var scripts = PageScriptScanner.FindScripts(html);
        Assert.HasCount(4, scripts);

        Assert.IsTrue(scripts[0].IsImportMap);
        Assert.AreEqual("{\"imports\":{\"a\":\"/a.js\"}}", scripts[0].Content);
        Assert.AreEqual(3, scripts[0].ContentPosition.Line);
        Assert.AreEqual(28, scripts[0].ContentPosition.Column);

        Assert.IsTrue(scripts[1].IsModule);
        Assert.AreEqual("/js/app.js", scripts[1].Src);
        Assert.AreEqual(4, scripts[1].SrcPosition.Line);
        Assert.AreEqual(29, scripts[1].SrcPosition.Column);

        Assert.IsNull(scripts[2].Type);
        Assert.IsFalse(scripts[2].IsModule);

        Assert.IsTrue(scripts[3].IsModule);
        Assert.IsNull(scripts[3].Src);
        Assert.AreEqual("\nimport './inline.js';\n", scripts[3].Content);
        Assert.AreEqual(7, scripts[3].ContentPosition.Line);
    }

    [TestMethod]
    public void Ignores_scripts_in_comments_and_raw_text()
    {
        const string html = "<!-- <script type=\"module\" src=\"/a.js\"></script> -->" +
                            "<style>.x::after{content:'<script type=module src=/b.js></script>'}</style>" +
                            "<textarea><script type=\"module\" src=\"/c.js\"></script></textarea>" +
                            "<script type=\"module\" src=\"/d.js\"></script>";
        var scripts = PageScriptScanner.FindScripts(html);
        Assert.HasCount(1, scripts);
        Assert.AreEqual("/d.js", scripts[0].Src);
    }

    [TestMethod]
    public void Tolerates_broken_markup()
    {
        Assert.IsEmpty(PageScriptScanner.FindScripts("<scriptx><scr"));
        var unterminated = PageScriptScanner.FindScripts("<script type=\"module\" src=\"/a.js");
        Assert.HasCount(1, unterminated);
        var noClose = PageScriptScanner.FindScripts("<script type=module>import './x.js'");
        Assert.HasCount(1, noClose);
        Assert.AreEqual("import './x.js'", noClose[0].Content);
        Assert.IsEmpty(PageScriptScanner.FindScripts("<!-- never closed <script type=module src=/a.js></script>"));
    }

    [TestMethod]
    public void Shift_maps_inline_positions_into_the_page()
    {
        var origin = new Hmr.Core.Analysis.SourcePosition(100, 7, 21);
        Assert.AreEqual(new Hmr.Core.Analysis.SourcePosition(105, 7, 26), LineMap.Shift(new(5, 1, 6), origin));
        Assert.AreEqual(new Hmr.Core.Analysis.SourcePosition(130, 9, 4), LineMap.Shift(new(30, 3, 4), origin));
    }
}

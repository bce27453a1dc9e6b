using Hmr.Core.Resolution;

namespace Hmr.Core.Tests.Resolution;

[TestClass]
public sealed class ModuleUrlTests
{
    [TestMethod]
    [DataRow("/js/app.js", "./a.js", "/js/a.js")]
    [DataRow("/js/app.js", "../a.js", "/a.js")]
    [DataRow("/js/deep/app.js", "./../lib/./b.js", "/js/lib/b.js")]
    [DataRow("/js/app.js", "/lib/c.js", "/lib/c.js")]
    [DataRow("/index.html", "./js/app.js", "/js/app.js")]
    [DataRow("/js/app.js", ".\\win.js", "/js/win.js")]
    public void Combine_resolves_relative_and_root_relative(string baseUrl, string relative, string expected)
    {
        Assert.AreEqual(expected, ModuleUrl.Combine(baseUrl, relative, out var clamped));
        Assert.IsFalse(clamped);
    }

    [TestMethod]
    public void Combine_clamps_dot_dot_at_the_web_root()
    {
        Assert.AreEqual("/secret.js", ModuleUrl.Combine("/js/app.js", "../../../secret.js", out var clamped));
        Assert.IsTrue(clamped);
        Assert.AreEqual("/etc/passwd.js", ModuleUrl.Combine("/app.js", "/../etc/passwd.js", out clamped));
        Assert.IsTrue(clamped);
    }

    [TestMethod]
    [DataRow("https://cdn.example/x.js", true)]
    [DataRow("http://cdn.example/x.js", true)]
    [DataRow("data:text/javascript,export default 1", true)]
    [DataRow("blob:http://localhost/1234", true)]
    [DataRow("//cdn.example/x.js", true)]
    [DataRow("./x.js", false)]
    [DataRow("/x.js", false)]
    [DataRow("lodash", false)]
    [DataRow("@scope/pkg/x.js", false)]
    public void IsExternal(string specifier, bool expected) => Assert.AreEqual(expected, ModuleUrl.IsExternal(specifier));

    [TestMethod]
    public void Query_and_hash_are_stripped()
    {
        Assert.AreEqual("/a.js", ModuleUrl.StripQueryAndHash("/a.js?v=2#top"));
        Assert.AreEqual("/a.js", ModuleUrl.StripQueryAndHash("/a.js#x?y"));
        Assert.AreEqual("/a.js", ModuleUrl.StripQueryAndHash("/a.js"));
    }
}

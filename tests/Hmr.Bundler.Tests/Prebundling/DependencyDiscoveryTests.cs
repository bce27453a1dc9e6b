using Hmr.Bundler.Prebundling;
using Hmr.Core.Artifact;

namespace Hmr.Bundler.Tests.Prebundling;

/// <summary>Which bare imports are the app's dependencies: those of modules the pages load (docs/dependencies.md,
/// "Which specifiers are dependencies").</summary>
[TestClass]
public sealed class DependencyDiscoveryTests
{
    [TestMethod]
    public void Bare_imports_of_modules_no_page_loads_are_not_dependencies()
    {
        using var project = new PrebundleProject();
        project.Write("Pages/Shared/_Layout.cshtml", "<script type=\"module\" src=\"~/js/app.js\"></script>");
        project.Write("wwwroot/js/app.js", "import { debounce } from 'lodash-es';\nimport('./later.js');\n");
        project.Write("wwwroot/js/later.js", "import dayjs from 'dayjs';\n");
        // As in the webapp template: Bootstrap's ES build, which no page loads, imports a package the app does not have.
        project.Write("wwwroot/lib/bootstrap/dist/js/bootstrap.esm.js", "import * as Popper from '@popperjs/core';\n");
        var graph = ModuleGraphBuilder.Build(new ModuleGraphBuildOptions(project.Root, "wwwroot")).Document;

        var uses = new DependencyDiscovery(project.Root, "wwwroot", null).Uses(graph);

        CollectionAssert.AreEqual(new[] { "lodash-es", "dayjs" }, uses.Select(u => u.Specifier).ToArray());
        Assert.AreEqual(("wwwroot/js/app.js", 1, 26), (uses[0].ImporterFile, uses[0].Line, uses[0].Column));
    }
}

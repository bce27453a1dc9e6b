using Hmr.Bundler.Tests.Support;

namespace Hmr.Bundler.Tests.CommonJs;

/// <summary>CommonJS modules wrapped and initialised lazily, with esbuild's and Vite's interop for ES importers.
/// Expected values are written out: Node's own interop differs from the browser bundlers' on <c>__esModule</c>.</summary>
[TestClass]
public sealed class CommonJsInteropTests
{
    private static BundleFixture ReactLikeFixture() => new(
        ("node_modules/react/index.js", """
            'use strict';
            if (process.env.NODE_ENV === 'production') {
              module.exports = require('./cjs/react.production.js');
            } else {
              module.exports = require('./cjs/react.development.js');
            }
            """),
        // Never loaded in development: it would not even parse.
        ("node_modules/react/cjs/react.production.js", "this is not javascript"),
        ("node_modules/react/cjs/react.development.js", """
            'use strict';
            log('react runs in ' + process.env.NODE_ENV);
            exports.version = 'dev';
            exports.useState = function useState(initial) { return [initial, this === undefined ? 'no this' : 'this']; };
            module.exports.createElement = (type) => ({ type });
            exports['string-key'] = 'quoted';
            Object.defineProperty(exports, 'defined', { enumerable: true, get() { return 'via defineProperty'; } });
            """));

    [TestMethod]
    public void ACommonJsEntryExportsDefaultAndItsStaticallyFoundNames()
    {
        using var fixture = ReactLikeFixture();
        fixture.MapBareName("react", "node_modules/react/index.js");
        var result = fixture.Bundle(("react", "node_modules/react/index.js"));
        Assert.AreEqual(0, result.Diagnostics.Count, string.Join("\n", result.Diagnostics));
        CollectionAssert.AreEquivalent(new[] { "default", "createElement", "defined", "string-key", "useState", "version" },
            fixture.EntryChunk("react").Exports.ToArray());
        var output = fixture.RunBundled("""
            const { default: React, useState, version, defined, createElement } = mods.react;
            return [React.version, version, useState(1), defined, createElement('div'), mods.react['string-key'], React === mods.react.default];
            """);
        Assert.AreEqual(
            """{"log":["react runs in development"],"value":["dev","dev",[1,"no this"],"via defineProperty",{"type":"div"},"quoted",true]}""",
            output.GetRawText());
    }

    [TestMethod]
    public void TheModeIsAnInputAndPicksTheBranchThatIsFollowed()
    {
        using var fixture = ReactLikeFixture();
        fixture.Write("node_modules/react/cjs/react.production.js", "exports.version = 'prod';\n");
        fixture.Mode = "production";
        var result = fixture.Bundle(("react", "node_modules/react/index.js"));
        Assert.AreEqual(0, result.Diagnostics.Count, string.Join("\n", result.Diagnostics));
        Assert.IsFalse(fixture.EntryChunk("react").Code.Contains("react runs in", StringComparison.Ordinal), "the development build is not bundled");
        Assert.AreEqual("""{"log":[],"value":"prod"}""", fixture.RunBundled("return mods.react.version;").GetRawText());
    }

    [TestMethod]
    public void AnEsModuleImportingCommonJsGetsDefaultAndNamedImportsAndCallsWithoutThis()
    {
        using var fixture = ReactLikeFixture();
        fixture.MapBareName("react", "node_modules/react/index.js");
        fixture.Write("app-lib.js", """
            import React, { useState } from 'react';
            import * as ReactNs from 'react';
            export const probe = () => [React.version, useState(2), ReactNs.default.version, ReactNs.version];
            """);
        fixture.Bundle(("app-lib", "app-lib.js"));
        var output = fixture.RunBundled("return mods['app-lib'].probe();");
        Assert.AreEqual("""{"log":["react runs in development"],"value":["dev",[2,"no this"],"dev","dev"]}""", output.GetRawText());
    }

    [TestMethod]
    public void CommonJsShapesAndEsModuleFlag()
    {
        using var fixture = new BundleFixture(
            ("fn.js", "module.exports = function callable() { return 'called'; };\nmodule.exports.extra = 'extra';\n"),
            ("flagged.js", """
                Object.defineProperty(exports, '__esModule', { value: true });
                exports.default = 'the default';
                exports.named = 'named';
                """),
            ("literal.js", "const a = 1, c = 2;\nmodule.exports = { a, b: c, ...require('./more.js') };\n"),
            ("more.js", "exports.fromMore = 'more';\n"),
            ("reexport.js", "module.exports = require('./more.js');\n"),
            ("this.js", "this.viaThis = this === module.exports;\n"),
            ("umd.js", """
                (function (root, factory) {
                  if (typeof exports === 'object' && typeof module !== 'undefined') module.exports = factory();
                  else root.umdGlobal = factory();
                })(this, function () { return { umd: typeof module + '/' + typeof exports }; });
                """),
            ("main.js", """
                import fn, { extra } from './fn.js';
                import flagged, { named } from './flagged.js';
                import literal, { a, b, fromMore } from './literal.js';
                import { fromMore as reexported } from './reexport.js';
                import { viaThis } from './this.js';
                import umd from './umd.js';
                export const probe = () => [fn(), extra, flagged, named, literal, a, b, fromMore, reexported, viaThis, umd];
                """));
        var result = fixture.Bundle(("main", "main.js"));
        Assert.AreEqual(0, result.FailedEntries.Count, string.Join("\n", result.Diagnostics));
        var output = fixture.RunBundled("return mods.main.probe();");
        Assert.AreEqual(
            """{"log":[],"value":["called","extra","the default","named",{"a":1,"b":2,"fromMore":"more"},1,2,"more","more",true,{"umd":"object/object"}]}""",
            output.GetRawText());
    }

    [TestMethod]
    public void RequireOfJsonOfCommonJsAndOfAnEsModule()
    {
        using var fixture = new BundleFixture(
            ("data.json", """{ "name": "pkg", "list": [1, 2] }"""),
            ("esm.js", "export default 'esm default';\nexport const named = 'esm named';\n"),
            ("cycle-a.js", "exports.early = 'a early';\nconst b = require('./cycle-b.js');\nexports.late = 'a late';\nexports.seenByB = b.seen;\n"),
            ("cycle-b.js", "const a = require('./cycle-a.js');\nexports.seen = [a.early, a.late];\n"),
            ("user.js", """
                const data = require('./data.json');
                const esm = require('./esm.js');
                const again = require('./esm.js');
                exports.json = data.name + data.list.length;
                exports.esm = [esm.__esModule, esm.default, esm.named, esm === again];
                exports.cycle = require('./cycle-a.js').seenByB;
                """),
            ("main.js", "import data from './data.json';\nimport { json, esm, cycle } from './user.js';\nexport const probe = () => [data, json, esm, cycle];\n"));
        fixture.Bundle(("main", "main.js"));
        var output = fixture.RunBundled("return mods.main.probe();");
        Assert.AreEqual(
            """{"log":[],"value":[{"name":"pkg","list":[1,2]},"pkg2",[true,"esm default","esm named",true],["a early",null]]}""",
            output.GetRawText());
    }

    [TestMethod]
    public void ACommonJsModuleRunsWhenItsPlaceInTheImportOrderIsReached()
    {
        using var fixture = new BundleFixture(
            ("first.js", "log('first (ES)');\n"),
            ("cjs.js", "log('cjs');\nexports.value = 1;\n"),
            ("last.js", "log('last (ES)');\n"),
            ("main.js", "import './first.js';\nimport { value } from './cjs.js';\nimport './last.js';\nlog('main ' + value);\n"));
        fixture.Bundle(("main", "main.js"));
        var output = fixture.RunBundled("return null;");
        Assert.AreEqual("""{"log":["first (ES)","cjs","last (ES)","main 1"],"value":null}""", output.GetRawText());
    }
}

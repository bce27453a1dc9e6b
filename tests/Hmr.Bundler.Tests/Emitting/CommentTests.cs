using Hmr.Bundler.Tests.Support;

namespace Hmr.Bundler.Tests.Emitting;

/// <summary>Bundles leave out the packages' comments, as esbuild does for Vite, keep legal comments, and mean what
/// the original code meant: a comment between tokens can end a line (semicolon insertion) or separate two tokens.</summary>
[TestClass]
public sealed class CommentTests
{
    [TestMethod]
    public void CommentsAreLeftOutAndLegalCommentsKept()
    {
        using var fixture = new BundleFixture(
            ("lib.js", """
                /*! lib v1 | MIT licence, kept */
                /**
                 * Adds two numbers. DOC-COMMENT-TEXT
                 * @param {number} a
                 */
                export function add(a, b) {
                  // LINE-COMMENT-TEXT
                  return a + b; // TRAILING-COMMENT-TEXT
                }
                /* @license Apache-2.0, kept */
                //! also kept
                export const text = "/* STRING-TEXT */ // not a comment";
                export const pattern = /\/\/ REGEX-TEXT/;
                export const template = `// TEMPLATE-TEXT ${1 /* INSIDE-TEMPLATE-EXPRESSION */}`;
                //# sourceMappingURL=lib.js.map
                """),
            ("main.js", """
                // ENTRY-COMMENT-TEXT
                import { add, text, pattern, template } from './lib.js';
                export const result = () => [add(1, 2), text, pattern.source, template];
                """));
        fixture.AssertSameAsUnbundled("return mods.main.result();", ("main", "main.js"));
        var code = fixture.EntryChunk("main").Code;
        foreach (var dropped in new[] { "DOC-COMMENT-TEXT", "LINE-COMMENT-TEXT", "TRAILING-COMMENT-TEXT", "ENTRY-COMMENT-TEXT",
            "INSIDE-TEMPLATE-EXPRESSION", "sourceMappingURL" })
        {
            Assert.IsFalse(code.Contains(dropped, StringComparison.Ordinal), $"{dropped} should be left out:\n{code}");
        }
        foreach (var kept in new[] { "/*! lib v1 | MIT licence, kept */", "/* @license Apache-2.0, kept */", "//! also kept",
            "STRING-TEXT", "REGEX-TEXT", "TEMPLATE-TEXT" })
        {
            StringAssert.Contains(code, kept);
        }
        Assert.IsFalse(code.Contains("\n\n\n", StringComparison.Ordinal), $"a comment's own lines go with it:\n{code}");
    }

    [TestMethod]
    public void ACommentThatEndsALineStillEndsItAndOneBetweenTokensStillSeparatesThem()
    {
        using var fixture = new BundleFixture(
            ("lib.js", """
                export function early() {
                  return /*
                  */ 'never returned';
                }
                let x = 1
                /* a block comment */ x++
                export const afterIncrement = () => x;
                export const minus = () => 5 -/**/-1;
                export default 42 // no semicolon after the default export
                """),
            ("main.js", """
                import answer, { early, afterIncrement, minus } from './lib.js';
                export const result = () => [early() === undefined, afterIncrement(), minus(), answer];
                """));
        var output = fixture.AssertSameAsUnbundled("return mods.main.result();", ("main", "main.js"));
        Assert.AreEqual("[true,2,6,42]", output.GetProperty("value").GetRawText());
    }

    [TestMethod]
    public void CommentsInACommonJsModuleAreLeftOutToo()
    {
        using var fixture = new BundleFixture(
            ("cjs.js", """
                'use strict';
                /** DOC-COMMENT-TEXT */
                exports.double = function (n) { return n /* INLINE-TEXT */ * 2; };
                """),
            ("main.js", "import { double } from './cjs.js';\nexport const result = () => double(21);\n"));
        fixture.AssertSameAsUnbundled("return mods.main.result();", ("main", "main.js"));
        var code = fixture.EntryChunk("main").Code;
        Assert.IsFalse(code.Contains("DOC-COMMENT-TEXT", StringComparison.Ordinal), code);
        Assert.IsFalse(code.Contains("INLINE-TEXT", StringComparison.Ordinal), code);
    }
}

using Hmr.Core.Analysis;

namespace Hmr.Core.Tests.Analysis;

/// <summary>The module's export names, from every export form.</summary>
[TestClass]
public sealed class ExportNamesTests
{
    [TestMethod]
    [DataRow("export default 1", "default")]
    [DataRow("export default function () {}", "default")]
    [DataRow("export default function f() {}", "default")]
    [DataRow("export default async function () {}", "default")]
    [DataRow("export default class {}", "default")]
    [DataRow("export default class A extends B {}", "default")]
    [DataRow("export default {a: 1}", "default")]
    [DataRow("export default (a, b) => a / b", "default")]
    [DataRow("export const a = 1", "a")]
    [DataRow("export let a, b", "a,b")]
    [DataRow("export var a = 1, b = 2", "a,b")]
    [DataRow("export const a = f(1, 2), b = [1, 2], c = {x: 1, y: 2}", "a,b,c")]
    [DataRow("export const {a, b: [c], ...d} = x", "a,c,d")]
    [DataRow("export const [a, , b = 1, ...c] = x", "a,b,c")]
    [DataRow("export const {a = 1, b: {c = 2}} = x", "a,c")]
    [DataRow("export const {'a-b': a, [k]: b, 1: c} = x", "a,b,c")]
    [DataRow("export const {a = f(1, 2), b = [3, 4]} = x", "a,b")]
    [DataRow("export const {a = `${1, 2}`, b} = x", "a,b")]
    [DataRow("export const {a = {x: 1, y: 2}, b} = x", "a,b")]
    [DataRow("export const [[a], {b}] = x", "a,b")]
    [DataRow("export const {a: {b: {c}}} = x", "c")]
    [DataRow("export const {a /* c */, b} = x", "a,b")]
    [DataRow("export function f() {}", "f")]
    [DataRow("export function* g() {}", "g")]
    [DataRow("export function *g() {}", "g")]
    [DataRow("export async function h() {}", "h")]
    [DataRow("export async function* i() {}", "i")]
    [DataRow("export class C {}", "C")]
    [DataRow("export class C extends D {}", "C")]
    [DataRow("export {a, b as c}", "a,c")]
    [DataRow("export {a as default}", "default")]
    [DataRow("export {a as 'a b'}", "a b")]
    [DataRow("export {}", "")]
    [DataRow("export const a = 1\nexport const b = 2", "a,b")]
    [DataRow("export const a = 1\nfoo, bar", "a")]
    [DataRow("export const a = 1,\n  b = 2", "a,b")]
    [DataRow("export let a\n, b", "a,b")]
    [DataRow("export const a = b +\n c, d = 1", "a,d")]
    [DataRow("export const a = function () { return 1, 2 }, b = 3", "a,b")]
    [DataRow("export const a = () => {}, b = 1", "a,b")]
    [DataRow("export const a = `${x, y}`, b = 1", "a,b")]
    [DataRow("export const a = x ? y : z, b = 1", "a,b")]
    [DataRow("export const a = 1; const b = 2, c = 3", "a")]
    [DataRow("export const a = /,/, b = 1", "a,b")]
    [DataRow("export let a = 1 /* c */, b", "a,b")]
    [DataRow("export let a = 1 /* c\n */\nf(b, c)", "a")]
    [DataRow("export const a = 1 // c\nf(b, c)", "a")]
    [DataRow("export * as ns from 'x'", "ns")]
    [DataRow("export * from 'x'", "")]
    [DataRow("const a = 1; export { a }", "a")]
    [DataRow("export const \u00e9 = 1", "\u00e9")]
    [DataRow("export const $ = 1, _ = 2", "$,_")]
    [DataRow("export const \\u0061 = 1", "a")]
    [DataRow("export default 1; export const a = 2; export {b as c}; export * as d from 'x'", "default,a,c,d")]
    [DataRow("export\nconst\na\n=\n1", "a")]
    [DataRow("export /* c */ const /* c */ a = 1", "a")]
    [DataRow("f(() => { return 1, 2 });\nexport const a = 1", "a")]
    public void ExportNames(string source, string expected) =>
        Assert.AreEqual(expected, Describe.Exports(ModuleLexer.Analyze(source)));

    [TestMethod]
    [DataRow("x.export = 1")]
    [DataRow("x?.export(1)")]
    [DataRow("x = { export: 1 }")]
    [DataRow("x = { export() {} }")]
    [DataRow("class A { export() {} }")]
    [DataRow("class A { #export = 1 }")]
    [DataRow("'export const a = 1'")]
    [DataRow("// export const a = 1")]
    [DataRow("/* export const a = 1 */")]
    [DataRow("`export const a = 1`")]
    [DataRow("x = /export const a = 1/")]
    public void NotExports(string source)
    {
        var analysis = ModuleLexer.Analyze(source);
        Assert.AreEqual("", Describe.Exports(analysis));
        Assert.AreEqual("", Describe.Diagnostics(analysis));
    }
}

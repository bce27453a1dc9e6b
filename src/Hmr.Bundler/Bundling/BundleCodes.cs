namespace Hmr.Bundler;

/// <summary>The bundler's diagnostic codes (HMR120–HMR149), described in docs/bundling.md.</summary>
public static class BundleCodes
{
    public const string Unresolved = "HMR120";
    public const string Unreadable = "HMR121";
    public const string TooLarge = "HMR122";
    public const string Binary = "HMR123";
    public const string InvalidJson = "HMR124";
    public const string SyntaxError = "HMR125";
    public const string MissingExport = "HMR126";
    public const string AmbiguousExport = "HMR127";
    public const string EntryFailed = "HMR128";
    public const string UnsupportedAsset = "HMR129";
    public const string DynamicImportNotLiteral = "HMR130";
    public const string RequireNotLiteral = "HMR131";
    public const string InternalError = "HMR132";
}

namespace Hmr.Bundler.DependencyResolution;

/// <summary>A definite resolution failure found deep inside the lookup (a broken <c>package.json</c>, an <c>exports</c>
/// target leaving its package): it unwinds to <see cref="DependencyResolver.Resolve"/>, which turns it into a
/// <see cref="Resolution"/> with its code. Lookups that merely find nothing return null instead.</summary>
internal sealed class ResolutionException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}

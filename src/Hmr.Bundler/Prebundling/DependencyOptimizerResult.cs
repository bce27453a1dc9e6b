using Hmr.Core.Artifact;

namespace Hmr.Bundler.Prebundling;

/// <summary>What one optimizer run did.</summary>
/// <param name="Manifest">The manifest now in force (written, or found up to date).</param>
/// <param name="ManifestPath">Its full path.</param>
/// <param name="UpToDate">True when the inputs were those of the existing manifest and its files were all there:
/// nothing was bundled or written.</param>
/// <param name="Diagnostics">Problems, each at the app's import (file as given in the use, line, column; no file for
/// an include) or in the package file at fault (relative to the project when inside it, else absolute). Entries that
/// failed are listed in the manifest's <c>failed</c>.</param>
/// <param name="ExcludedUses">Uses of excluded packages: left to the page's own import map.</param>
/// <param name="FilesWritten">Bundle files written this time (files already holding the same bytes are not counted).</param>
/// <param name="FilesDeleted">Files of earlier runs removed from the output folder.</param>
public sealed record DependencyOptimizerResult(
    DependencyManifest Manifest,
    string ManifestPath,
    bool UpToDate,
    IReadOnlyList<BundleDiagnostic> Diagnostics,
    IReadOnlyList<DependencyUse> ExcludedUses,
    int FilesWritten,
    int FilesDeleted);

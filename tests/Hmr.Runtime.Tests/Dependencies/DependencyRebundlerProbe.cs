using Hmr.Runtime.Dependencies;
using Microsoft.Extensions.DependencyInjection;

namespace Hmr.Runtime.Tests.Dependencies;

/// <summary>Waits for the app's background bundling to finish (its runs are not observable otherwise).</summary>
internal sealed class DependencyRebundlerProbe(TestApp app)
{
    public async Task IdleAsync()
    {
        var rebundler = app.App.Services.GetRequiredService<DependencyRebundler>();
        // A run may start right after the batch that asked for it: wait out the coalescing window, then the run.
        await Task.Delay(300);
        await rebundler.Running.WaitAsync(TimeSpan.FromSeconds(60));
    }
}

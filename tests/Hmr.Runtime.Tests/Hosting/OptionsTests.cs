using Hmr.Core.Engine;
using Hmr.Runtime.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Hmr.Runtime.Tests.Hosting;

[TestClass]
public sealed class OptionsTests
{
    private sealed class RecordingFactory : IHmrEngineFactory
    {
        public HmrEngineSettings? Settings { get; private set; }

        public IHmrEngine Create(HmrEngineSettings settings)
        {
            Settings = settings;
            return new HmrEngineFactory().Create(settings);
        }
    }

    [TestMethod]
    public async Task Configuration_reaches_the_engine_and_a_missing_artifact_is_not_fatal()
    {
        var root = Directory.CreateTempSubdirectory("hmr-options-").FullName;
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "site", "www"));
            File.WriteAllText(Path.Combine(root, "site", "www", "a.js"), "export const a = 1;\nimport.meta.hot.accept();\n");
            var factory = new RecordingFactory();
            var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development", ContentRootPath = root });
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            builder.Configuration["Hmr:WebRoot"] = "site/www";
            builder.Configuration["Hmr:GraphFile"] = "obj/missing/module-graph.json";
            builder.Configuration["Hmr:SettleMilliseconds"] = "75";
            builder.Services.AddSingleton<IHmrEngineFactory>(factory);
            builder.Services.AddHmr();
            await using var app = builder.Build();
            await app.StartAsync();

            Assert.IsNotNull(factory.Settings);
            Assert.AreEqual(Path.Combine(root, "site", "www"), factory.Settings.WebRoot);
            Assert.AreEqual(Path.Combine(root, "obj", "missing", "module-graph.json"), factory.Settings.GraphFile);
            Assert.AreEqual(TimeSpan.FromMilliseconds(75), factory.Settings.Settle);
            Assert.AreEqual("site/www", factory.Settings.WebRootName);
            Assert.IsNotNull(app.Services.GetRequiredService<HmrEngineHolder>().Engine!.GetModule("/a.js"));
            await app.StopAsync();
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

// A plain static-files app: Hmr.Build adds hot module replacement under `dotnet watch` with no code here.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();

app.UseDefaultFiles();
app.UseStaticFiles();

app.Run();

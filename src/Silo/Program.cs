using HyperTune.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddHyperTuneSilo();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();

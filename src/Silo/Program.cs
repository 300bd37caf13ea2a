using HyperTune.Silo.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddHyperTuneSilo();

var app = builder.Build();
app.MapSiloEndpoints();
app.Run();

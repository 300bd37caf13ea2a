using HyperTune.Silo.Hosting;
using Orleans.Dashboard;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddHyperTuneSilo();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapOrleansDashboard(SiloHostExtensions.OrleansDashboardPath); // the Orleans dashboard: grains, calls, silos
app.Run();

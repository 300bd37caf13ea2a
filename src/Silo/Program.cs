using HyperTune.Silo.Hosting;
using Orleans.Dashboard;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddHyperTuneSecurity();            // a token (HyperTune:Security) for the dashboard; required beyond loopback
builder.AddHyperTuneSilo();

var app = builder.Build();
app.UseHyperTuneSecurity();                // origin guard, authentication, authorization, antiforgery
app.MapDefaultEndpoints();                 // /health and /alive, open
app.MapHyperTuneLogin();                   // /login, /logout
app.MapOrleansDashboard(SiloHostExtensions.OrleansDashboardPath); // the Orleans dashboard: grains, calls, silos
app.Run();

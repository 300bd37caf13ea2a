using HyperTune.Coordinator.Dashboard.Hosting;
using HyperTune.Coordinator.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();              // OpenTelemetry, health checks (ServiceDefaults)
builder.AddHyperTuneSecurity();            // tokens and sign-in (HyperTune:Security), host and origin checks
builder.AddCoordinatorOrleansClient();     // the cluster: HyperTune:Cluster, or Orleans:Clustering when set
builder.AddCoordinatorApi();               // and the request limits (HyperTune:Api)
builder.AddCoordinatorDashboard();         // the web dashboard (Blazor, interactive on the server)

var app = builder.Build();
app.UseCoordinatorErrorHandling();
app.UseHyperTuneSecurity();                // origin guard, authentication, authorization, antiforgery
app.MapDefaultEndpoints();                 // /health (the cluster answers) and /alive, open to anyone
app.MapHyperTuneLogin();                   // /login, /logout
app.MapOpenApi();                          // /openapi/v1.json
app.MapCoordinatorApi();
app.MapCoordinatorDashboard();             // /, /studies/{id}, /trials/{id}, /cluster
app.Run();

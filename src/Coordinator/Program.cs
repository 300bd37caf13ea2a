using HyperTune.Coordinator.Dashboard.Hosting;
using HyperTune.Coordinator.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();              // OpenTelemetry, health checks (ServiceDefaults)
builder.AddCoordinatorOrleansClient();     // the cluster: HyperTune:Cluster, or Orleans:Clustering when set
builder.AddCoordinatorApi();
builder.AddCoordinatorDashboard();         // the web dashboard (Blazor, interactive on the server)

var app = builder.Build();
app.UseCoordinatorErrorHandling();
app.MapDefaultEndpoints();                 // /health (Orleans client connected) and /alive
app.MapOpenApi();                          // /openapi/v1.json
app.MapCoordinatorApi();
app.MapCoordinatorDashboard();             // /, /studies/{id}, /trials/{id}, /cluster
app.Run();

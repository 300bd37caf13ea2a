using System.Globalization;
using HyperTune.AppHost;
using Microsoft.Extensions.Configuration;

var builder = DistributedApplication.CreateBuilder(args);
var layout = builder.Configuration.GetSection("HyperTune").Get<ClusterLayout>() ?? new ClusterLayout();
layout.Validate();
var repository = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".."));

// One access token for the local cluster: generated once, kept in the AppHost's user secrets (Parameters:hypertune-token).
var token = builder.AddAccessToken();

// Every silo is equal: the cluster's membership lives in the store (the SQLite file, or PostgreSQL), so any silo may
// die and the others carry on; each has fixed silo and gateway ports of its own.
var silos = Enumerable.Range(0, layout.Silos).Select(i => builder.AddSilo(i, layout, repository).WithAccessToken(token)).ToList();

var coordinator = builder.AddProject<Projects.HyperTune_Coordinator>("coordinator")
    .WithEndpoint("http", endpoint => endpoint.Port = layout.CoordinatorPort)
    .WithEnvironment("HyperTune__Cluster__GatewayPort", layout.GatewayPort.ToString(CultureInfo.InvariantCulture))
    .WithHttpHealthCheck("/health")
    .WithAccessToken(token)
    .WithDashboards(silos[0], token)
    .WithStudyCommands(Path.Combine(repository, "examples"), token)
    .WithCsvUploads(repository)
    .PrintWhereToGo(builder, silos[0], token);
for (var i = 0; i < layout.Silos; i++)
{
    coordinator.WithEnvironment($"HyperTune__Cluster__GatewayPorts__{i}", (layout.GatewayPort + i).ToString(CultureInfo.InvariantCulture))
        .WaitFor(silos[i]);
}

if (layout.PostgresConnectionString is not { Length: > 0 })
{
    // The Coordinator finds the gateways of the live silos in the membership table of their SQLite file.
    coordinator.WithEnvironment("HyperTune__Cluster__SqlitePath", layout.EffectiveSqlitePath(repository));
}

builder.Build().Run();

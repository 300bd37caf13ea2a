using System.Globalization;
using HyperTune.AppHost;
using Microsoft.Extensions.Configuration;

var builder = DistributedApplication.CreateBuilder(args);
var layout = builder.Configuration.GetSection("HyperTune").Get<ClusterLayout>() ?? new ClusterLayout();
layout.Validate();
var repository = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, "..", ".."));

// Silo 0 is the primary: the others and the Coordinator find the cluster through its fixed ports.
var silos = Enumerable.Range(0, layout.Silos).Select(i => builder.AddSilo(i, layout, repository)).ToList();
for (var i = 1; i < silos.Count; i++)
{
    silos[i].WaitFor(silos[0]);
}

var coordinator = builder.AddProject<Projects.HyperTune_Coordinator>("coordinator")
    .WithEndpoint("http", endpoint => endpoint.Port = layout.CoordinatorPort)
    .WithEnvironment("HyperTune__Cluster__GatewayPort", layout.GatewayPort.ToString(CultureInfo.InvariantCulture))
    .WithHttpHealthCheck("/health")
    .WithDashboards(silos[0])
    .WithStudyCommands(Path.Combine(repository, "examples"))
    .WithCsvUploads(repository)
    .PrintWhereToGo(builder, silos[0])
    .WaitFor(silos[0]);
for (var i = 0; i < layout.Silos; i++)
{
    coordinator.WithEnvironment($"HyperTune__Cluster__GatewayPorts__{i}", (layout.GatewayPort + i).ToString(CultureInfo.InvariantCulture));
}

builder.Build().Run();

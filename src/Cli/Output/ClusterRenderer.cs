using System.Text.Json;
using HyperTune.Cli.Api.Models;

namespace HyperTune.Cli.Output;

/// <summary>The cluster on screen: silos, their slots and trials.</summary>
internal static class ClusterRenderer
{
    public static void Write(Screen screen, ClusterView cluster)
    {
        if (cluster.Silos.Count == 0)
        {
            screen.WriteLine("No silo offers training slots.");
            return;
        }

        var table = new TextTable("SILO", "NAME", "SLOTS", "USED", "FREE", "TRIALS");
        foreach (var silo in cluster.Silos)
        {
            table.Add(
                Address(silo.Silo),
                silo.Name,
                $"{silo.Slots}",
                $"{silo.Used}",
                $"{silo.Free}",
                silo.TrialIds.Count == 0 ? Formats.None : string.Join(", ", silo.TrialIds));
        }

        screen.Write(table);
        var used = cluster.TotalSlots - cluster.FreeSlots;
        screen.WriteLine($"{cluster.Silos.Count} silo(s), {cluster.TotalSlots} slot(s): {used} used, {cluster.FreeSlots} free");
    }

    private static string Address(JsonElement silo) =>
        silo.ValueKind == JsonValueKind.String ? silo.GetString() ?? "" : Formats.Value(silo);
}

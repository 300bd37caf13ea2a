using System.Text.Json;
using HyperTune.Cli.Api.Models;

namespace HyperTune.Cli.Output;

/// <summary>The cluster on screen: silos, their slots and trials; synthetic slots (used/all) when the cluster has any.</summary>
internal static class ClusterRenderer
{
    public static void Write(Screen screen, ClusterView cluster)
    {
        if (cluster.Silos.Count == 0)
        {
            screen.WriteLine("No silo offers training slots.");
            return;
        }

        var synthetic = cluster.TotalSyntheticSlots > 0;
        var table = synthetic
            ? new TextTable("SILO", "NAME", "SLOTS", "USED", "FREE", "SYNTHETIC", "TRIALS")
            : new TextTable("SILO", "NAME", "SLOTS", "USED", "FREE", "TRIALS");
        foreach (var silo in cluster.Silos)
        {
            var trials = silo.TrialIds.Count == 0 ? Formats.None : string.Join(", ", silo.TrialIds);
            if (synthetic)
            {
                table.Add(Address(silo.Silo), silo.Name, $"{silo.Slots}", $"{silo.Used}", $"{silo.Free}", $"{silo.SyntheticUsed}/{silo.SyntheticSlots}", trials);
            }
            else
            {
                table.Add(Address(silo.Silo), silo.Name, $"{silo.Slots}", $"{silo.Used}", $"{silo.Free}", trials);
            }
        }

        screen.Write(table);
        var used = cluster.TotalSlots - cluster.FreeSlots;
        var line = $"{cluster.Silos.Count} silo(s), {cluster.TotalSlots} slot(s): {used} used, {cluster.FreeSlots} free";
        screen.WriteLine(synthetic
            ? $"{line}; {cluster.TotalSyntheticSlots} synthetic slot(s): {cluster.TotalSyntheticSlots - cluster.FreeSyntheticSlots} used"
            : line);
    }

    private static string Address(JsonElement silo) =>
        silo.ValueKind == JsonValueKind.String ? silo.GetString() ?? "" : Formats.Value(silo);
}

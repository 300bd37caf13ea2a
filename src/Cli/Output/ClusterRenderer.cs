using System.Globalization;
using HyperTune.Cli.Api.Models;

namespace HyperTune.Cli.Output;

/// <summary>
/// The cluster on screen, one row per silo grouped by host: address, slots (used by running and paused trials / all;
/// synthetic too when the cluster has any), trials running, trials waiting for a slot (Pending: they use none), CPU and
/// memory, seconds since last heard, draining, trials (the waiting ones marked); then the silos that left or died.
/// </summary>
internal static class ClusterRenderer
{
    public static void Write(Screen screen, ClusterView cluster)
    {
        if (cluster.Silos.Count == 0)
        {
            screen.WriteLine("No silo offers training slots.");
        }
        else
        {
            var synthetic = cluster.TotalSyntheticSlots > 0;
            var table = synthetic
                ? new TextTable("HOST", "SILO", "ADDRESS", "STATE", "SLOTS", "SYNTHETIC", "RUNNING", "WAITING", "CPU", "MEMORY", "HEARD", "TRIALS")
                : new TextTable("HOST", "SILO", "ADDRESS", "STATE", "SLOTS", "RUNNING", "WAITING", "CPU", "MEMORY", "HEARD", "TRIALS");
            foreach (var silo in cluster.Silos.OrderBy(s => s.Host, StringComparer.Ordinal).ThenBy(s => s.Name, StringComparer.Ordinal))
            {
                var waiting = silo.WaitingTrialIds.ToHashSet(StringComparer.Ordinal);
                var trials = silo.TrialIds.Count + silo.SyntheticTrialIds.Count == 0
                    ? Formats.None
                    : string.Join(", ", silo.TrialIds.Concat(silo.SyntheticTrialIds).Select(t => waiting.Contains(t) ? t + " (waiting)" : t));
                var cells = new List<string>
                {
                    silo.Host.Length == 0 ? Formats.None : silo.Host,
                    silo.Name,
                    silo.Address.Length == 0 ? Formats.Value(silo.Silo) : silo.Address,
                    silo.Draining ? "draining" : "active",
                    $"{silo.Used}/{silo.Slots}",
                };
                if (synthetic)
                {
                    cells.Add($"{silo.SyntheticUsed}/{silo.SyntheticSlots}");
                }

                // A server that does not tell states: its standby count is the best word on who waits.
                cells.Add(silo.Running is { } running ? $"{running}" + (silo.Paused is > 0 ? $" (+{silo.Paused} paused)" : "") : Formats.None);
                cells.Add($"{silo.Waiting ?? silo.Standby}");
                cells.Add(silo.CpuPercent is { } cpu ? cpu.ToString("0", CultureInfo.InvariantCulture) + "%" : Formats.None);
                cells.Add(silo.MemoryBytes is { } memory
                    ? Formats.Bytes(memory) + (silo.MachineMemoryBytes is { } all ? " of " + Formats.Bytes(all) : "")
                    : Formats.None);
                cells.Add(silo.LastHeardSecondsAgo is { } heard ? heard.ToString("0", CultureInfo.InvariantCulture) + " s ago" : Formats.None);
                cells.Add(trials);
                table.Add([.. cells]);
            }

            screen.Write(table);
            var used = cluster.TotalSlots - cluster.FreeSlots;
            var hosts = cluster.Silos.Select(s => s.Host).Distinct(StringComparer.Ordinal).Count();
            var draining = cluster.Silos.Count(s => s.Draining);
            var waitingTotal = cluster.Silos.Sum(s => s.Waiting ?? s.Standby);
            var line = $"{hosts} host(s), {cluster.Silos.Count} silo(s){(draining > 0 ? $" ({draining} draining)" : "")}, {cluster.TotalSlots} slot(s): {used} used, {cluster.FreeSlots} free"
                + (waitingTotal > 0 ? $", {waitingTotal} trial(s) waiting for a slot" : "");
            screen.WriteLine(synthetic
                ? $"{line}; {cluster.TotalSyntheticSlots} synthetic slot(s): {cluster.TotalSyntheticSlots - cluster.FreeSyntheticSlots} used"
                : line);
        }

        if (cluster.Departed.Count > 0)
        {
            screen.WriteLine("");
            screen.WriteLine("Left or declared dead:");
            var departed = new TextTable("HOST", "SILO", "ADDRESS", "LAST HEARD");
            foreach (var silo in cluster.Departed)
            {
                departed.Add(silo.Host.Length == 0 ? Formats.None : silo.Host, silo.Name, silo.Address, Formats.Time(silo.LastHeard));
            }

            screen.Write(departed);
        }
    }

    /// <summary>A silo after <c>cluster drain</c> or <c>undrain</c>.</summary>
    public static void WriteDrain(Screen screen, SiloSlots silo)
    {
        var trials = silo.TrialIds.Count + silo.SyntheticTrialIds.Count;
        screen.WriteLine(silo.Draining
            ? $"Silo {silo.Name} ({silo.Address}) drains: it takes no new trials; its {trials} trial(s) move to other silos from their next checkpoint."
            : $"Silo {silo.Name} ({silo.Address}) takes new trials again.");
    }
}

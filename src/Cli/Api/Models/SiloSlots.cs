using System.Text.Json;

namespace HyperTune.Cli.Api.Models;

/// <summary>One silo's training slots.</summary>
internal sealed record SiloSlots
{
    /// <summary>The silo's address; read as any JSON value because the contract does not fix its shape.</summary>
    public JsonElement Silo { get; set; }

    public string Name { get; set; } = "";

    public int Slots { get; set; }

    public int Used { get; set; }

    public int Free { get; set; }

    public IReadOnlyList<string> TrialIds { get; set; } = [];

    public int SyntheticSlots { get; set; }

    public int SyntheticUsed { get; set; }

    public IReadOnlyList<string> SyntheticTrialIds { get; set; } = [];

    public string Address { get; set; } = "";

    public string Host { get; set; } = "";

    public int Standby { get; set; }

    /// <summary>Trials running there (holding a slot and training); null from a server that does not say.</summary>
    public int? Running { get; set; }

    /// <summary>Trials paused there (they keep their slot); null from a server that does not say.</summary>
    public int? Paused { get; set; }

    /// <summary>Trials waiting there for a slot (Pending); null from a server that does not say.</summary>
    public int? Waiting { get; set; }

    public IReadOnlyList<string> WaitingTrialIds { get; set; } = [];

    public bool Draining { get; set; }

    public double? CpuPercent { get; set; }

    public long? MemoryBytes { get; set; }

    public long? MachineMemoryBytes { get; set; }

    public double? LastHeardSecondsAgo { get; set; }
}

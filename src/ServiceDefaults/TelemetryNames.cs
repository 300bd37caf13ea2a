namespace HyperTune.ServiceDefaults;

/// <summary>The meters and activity sources HyperTune exports, besides ASP.NET Core's, HttpClient's and the runtime's.</summary>
public static class TelemetryNames
{
    /// <summary>HyperTune's own meter (trials running and finished, epochs, checkpoint bytes).</summary>
    public const string HyperTuneMeter = "HyperTune";

    /// <summary>HyperTune's activity source (trial lifecycles).</summary>
    public const string HyperTuneSource = "HyperTune";

    /// <summary>Orleans' meter.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>Orleans' activity sources for runtime and grain calls.</summary>
    public static readonly IReadOnlyList<string> OrleansSources = ["Microsoft.Orleans.Runtime", "Microsoft.Orleans.Application"];
}

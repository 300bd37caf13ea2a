using Microsoft.Extensions.Logging;

namespace HyperTune.Silo.Diagnostics;

/// <summary>The silo host's log messages, source-generated.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Critical, "This silo's clock is {OffsetSeconds:0.###} s away from the store's (measured to within {UncertaintySeconds:0.###} s); at most {LimitSeconds:0.###} s is allowed (HyperTune:Cluster:MaxClockSkew). The silo does not start: synchronise the machines' clocks (NTP, e.g. systemd-timesyncd or chrony)")]
    public static partial void ClockSkewTooLarge(ILogger logger, double offsetSeconds, double uncertaintySeconds, double limitSeconds);

    [LoggerMessage(2, LogLevel.Information, "This silo's clock is {OffsetSeconds:0.###} s away from the store's (to within {UncertaintySeconds:0.###} s; limit {LimitSeconds:0.###} s)")]
    public static partial void ClockSkewChecked(ILogger logger, double offsetSeconds, double uncertaintySeconds, double limitSeconds);

}

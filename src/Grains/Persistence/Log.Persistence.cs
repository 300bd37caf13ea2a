using Microsoft.Extensions.Logging;

namespace HyperTune.Grains.Diagnostics;

/// <summary>The persistence adapters' log messages (event ids 100–119).</summary>
internal static partial class Log
{
    [LoggerMessage(100, LogLevel.Information, "PostgreSQL schema ready (Orleans tables version {Version}, installed now: {Installed}) in {Milliseconds:F0} ms")]
    public static partial void PostgresSchemaReady(ILogger logger, bool installed, int version, double milliseconds);

    [LoggerMessage(101, LogLevel.Information, "Cluster {ClusterId}: membership table created in the SQLite store")]
    public static partial void SqliteMembershipCreated(ILogger logger, string clusterId);
}

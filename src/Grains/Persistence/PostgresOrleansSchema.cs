using HyperTune.Storage.Postgres;
using Npgsql;

namespace HyperTune.Grains.Persistence;

/// <summary>
/// The tables and stored queries that Orleans' ADO.NET clustering, grain-storage and reminder providers need in PostgreSQL.
/// The Microsoft.Orleans.*.AdoNet packages (10.4.2) ship no SQL scripts, so HyperTune carries its own implementation of
/// the providers' contract: the tables they read by column name and, in <c>OrleansQuery</c>, one query per key with the
/// parameters and result columns the providers use. The queries are single statements (no stored functions), with
/// explicit parameter casts and primary keys that make concurrent inserts safe.
/// Installed at silo start, in one transaction under an advisory lock, when <c>hypertune_schema</c> says the installed
/// version is older; re-running it is harmless (every statement is idempotent and the queries are replaced).
/// </summary>
public static class PostgresOrleansSchema
{
    /// <summary>The version of the tables and queries below; raise it whenever they change.</summary>
    public const int Version = 1;

    /// <summary>The component's name in <c>hypertune_schema</c>.</summary>
    public const string Component = "orleans-adonet";

    private const long LockKey = 0x4879_7065_7254_756F;

    private const string Tables = """
        CREATE TABLE IF NOT EXISTS OrleansQuery (
            QueryKey varchar(64) NOT NULL PRIMARY KEY,
            QueryText varchar(8000) NOT NULL);

        CREATE TABLE IF NOT EXISTS OrleansMembershipVersionTable (
            DeploymentId varchar(150) NOT NULL PRIMARY KEY,
            Timestamp timestamptz NOT NULL DEFAULT now(),
            Version integer NOT NULL DEFAULT 0);

        CREATE TABLE IF NOT EXISTS OrleansMembershipTable (
            DeploymentId varchar(150) NOT NULL REFERENCES OrleansMembershipVersionTable (DeploymentId),
            Address varchar(45) NOT NULL,
            Port integer NOT NULL,
            Generation integer NOT NULL,
            SiloName varchar(150) NOT NULL,
            HostName varchar(150) NOT NULL,
            Status integer NOT NULL,
            ProxyPort integer NULL,
            SuspectTimes varchar(8000) NULL,
            StartTime timestamptz NOT NULL,
            IAmAliveTime timestamptz NOT NULL,
            PRIMARY KEY (DeploymentId, Address, Port, Generation));

        CREATE TABLE IF NOT EXISTS OrleansStorage (
            ServiceId varchar(150) NOT NULL,
            GrainTypeString varchar(512) NOT NULL,
            GrainIdN0 bigint NOT NULL,
            GrainIdN1 bigint NOT NULL,
            GrainIdExtensionString varchar(512) NOT NULL,
            GrainIdHash integer NOT NULL,
            GrainTypeHash integer NOT NULL,
            PayloadBinary bytea NULL,
            ModifiedOn timestamptz NOT NULL,
            Version integer NOT NULL,
            PRIMARY KEY (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString));

        CREATE TABLE IF NOT EXISTS OrleansRemindersTable (
            ServiceId varchar(150) NOT NULL,
            GrainId varchar(150) NOT NULL,
            ReminderName varchar(150) NOT NULL,
            StartTime timestamptz NOT NULL,
            Period bigint NOT NULL,
            GrainHash integer NOT NULL,
            Version integer NOT NULL,
            PRIMARY KEY (ServiceId, GrainId, ReminderName));
        CREATE INDEX IF NOT EXISTS IX_OrleansRemindersTable_GrainHash ON OrleansRemindersTable (ServiceId, GrainHash);
        """;

    private const string ReminderColumns = "GrainId, ReminderName, StartTime, Period, Version";

    /// <summary>A grain-storage row's key, as a WHERE clause over the providers' parameters (a null extension is stored as '').</summary>
    private const string StorageKey = """
        ServiceId = @ServiceId::varchar AND GrainTypeString = @GrainTypeString::varchar
        AND GrainIdN0 = @GrainIdN0::bigint AND GrainIdN1 = @GrainIdN1::bigint
        AND GrainIdExtensionString = coalesce(@GrainIdExtensionString::varchar, '')
        """;

    private const string MembershipColumns = """
        v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status, m.ProxyPort,
        m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
        """;

    /// <summary>The clustering and grain-storage queries.</summary>
    private static readonly Dictionary<string, string> CoreQueries = new(StringComparer.Ordinal)
    {
        // Clustering. Insert and update change a silo's row and bump the table version together, only when the caller
        // read the current version: the version row is locked first, so of two concurrent writers exactly one wins.
        ["InsertMembershipVersionKey"] = """
            WITH inserted AS (
                INSERT INTO OrleansMembershipVersionTable (DeploymentId) VALUES (@DeploymentId::varchar)
                ON CONFLICT (DeploymentId) DO NOTHING RETURNING 1)
            SELECT count(*)::integer FROM inserted;
            """,
        ["InsertMembershipKey"] = """
            WITH version AS (
                SELECT DeploymentId FROM OrleansMembershipVersionTable
                WHERE DeploymentId = @DeploymentId::varchar AND Version = @Version::integer FOR UPDATE),
            inserted AS (
                INSERT INTO OrleansMembershipTable (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort, StartTime, IAmAliveTime)
                SELECT DeploymentId, @Address::varchar, @Port::integer, @Generation::integer, @SiloName::varchar, @HostName::varchar,
                    @Status::integer, @ProxyPort::integer, @StartTime::timestamptz, @IAmAliveTime::timestamptz
                FROM version
                ON CONFLICT (DeploymentId, Address, Port, Generation) DO NOTHING
                RETURNING DeploymentId),
            bumped AS (
                UPDATE OrleansMembershipVersionTable t SET Version = t.Version + 1, Timestamp = now()
                FROM inserted WHERE t.DeploymentId = inserted.DeploymentId RETURNING 1)
            SELECT count(*)::integer FROM bumped;
            """,
        ["UpdateMembershipKey"] = """
            WITH version AS (
                SELECT DeploymentId FROM OrleansMembershipVersionTable
                WHERE DeploymentId = @DeploymentId::varchar AND Version = @Version::integer FOR UPDATE),
            updated AS (
                UPDATE OrleansMembershipTable m
                SET Status = @Status::integer, SuspectTimes = @SuspectTimes::varchar, IAmAliveTime = @IAmAliveTime::timestamptz
                FROM version
                WHERE m.DeploymentId = version.DeploymentId AND m.Address = @Address::varchar AND m.Port = @Port::integer
                    AND m.Generation = @Generation::integer
                RETURNING m.DeploymentId),
            bumped AS (
                UPDATE OrleansMembershipVersionTable t SET Version = t.Version + 1, Timestamp = now()
                FROM updated WHERE t.DeploymentId = updated.DeploymentId RETURNING 1)
            SELECT count(*)::integer FROM bumped;
            """,
        ["UpdateIAmAlivetimeKey"] = """
            UPDATE OrleansMembershipTable SET IAmAliveTime = @IAmAliveTime::timestamptz
            WHERE DeploymentId = @DeploymentId::varchar AND Address = @Address::varchar AND Port = @Port::integer
                AND Generation = @Generation::integer;
            """,
        ["MembershipReadRowKey"] = $"""
            SELECT {MembershipColumns}
            FROM OrleansMembershipVersionTable v
            LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
                AND m.Address = @Address::varchar AND m.Port = @Port::integer AND m.Generation = @Generation::integer
            WHERE v.DeploymentId = @DeploymentId::varchar;
            """,
        ["MembershipReadAllKey"] = $"""
            SELECT {MembershipColumns}
            FROM OrleansMembershipVersionTable v
            LEFT JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
            WHERE v.DeploymentId = @DeploymentId::varchar;
            """,
        ["GatewaysQueryKey"] = """
            SELECT Address, ProxyPort, Generation FROM OrleansMembershipTable
            WHERE DeploymentId = @DeploymentId::varchar AND Status = @Status::integer AND ProxyPort > 0;
            """,
        ["DeleteMembershipTableEntriesKey"] = """
            DELETE FROM OrleansMembershipTable WHERE DeploymentId = @DeploymentId::varchar;
            DELETE FROM OrleansMembershipVersionTable WHERE DeploymentId = @DeploymentId::varchar;
            """,
        ["CleanupDefunctSiloEntriesKey"] = """
            DELETE FROM OrleansMembershipTable
            WHERE DeploymentId = @DeploymentId::varchar AND IAmAliveTime < @IAmAliveTime::timestamptz AND Status <> 3;
            """,

        // Grain storage. The version is the ETag: a write or clear with a stale one changes nothing and returns no
        // new version, which the provider reports as an InconsistentStateException.
        ["ReadFromStorageKey"] = $"""
            SELECT PayloadBinary, ModifiedOn, Version FROM OrleansStorage WHERE {StorageKey};
            """,
        ["WriteToStorageKey"] = $"""
            WITH updated AS (
                UPDATE OrleansStorage SET PayloadBinary = @PayloadBinary::bytea, ModifiedOn = now(), Version = Version + 1
                WHERE {StorageKey} AND @GrainStateVersion::integer IS NOT NULL AND Version = @GrainStateVersion::integer
                RETURNING Version),
            inserted AS (
                INSERT INTO OrleansStorage (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString, GrainIdHash, GrainTypeHash, PayloadBinary, ModifiedOn, Version)
                SELECT @ServiceId::varchar, @GrainTypeString::varchar, @GrainIdN0::bigint, @GrainIdN1::bigint, coalesce(@GrainIdExtensionString::varchar, ''),
                    @GrainIdHash::integer, @GrainTypeHash::integer, @PayloadBinary::bytea, now(), 1
                WHERE @GrainStateVersion::integer IS NULL
                ON CONFLICT (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1, GrainIdExtensionString) DO NOTHING
                RETURNING Version)
            SELECT Version AS NewGrainStateVersion FROM updated
            UNION ALL
            SELECT Version FROM inserted;
            """,
        ["ClearStorageKey"] = $"""
            UPDATE OrleansStorage SET PayloadBinary = NULL, ModifiedOn = now(), Version = Version + 1
            WHERE {StorageKey} AND Version = @GrainStateVersion::integer
            RETURNING Version AS NewGrainStateVersion;
            """,
        ["DeleteStorageKey"] = $"""
            DELETE FROM OrleansStorage WHERE {StorageKey} AND Version = @GrainStateVersion::integer
            RETURNING Version + 1 AS NewGrainStateVersion;
            """,
    };

    /// <summary>The reminder queries: each silo reads the reminders of its hash range; the version is the ETag.</summary>
    private static readonly Dictionary<string, string> ReminderQueries = new(StringComparer.Ordinal)
    {
        ["ReadReminderRowsKey"] = $"""
            SELECT {ReminderColumns} FROM OrleansRemindersTable
            WHERE ServiceId = @ServiceId::varchar AND GrainId = @GrainId::varchar;
            """,
        ["ReadReminderRowKey"] = $"""
            SELECT {ReminderColumns} FROM OrleansRemindersTable
            WHERE ServiceId = @ServiceId::varchar AND GrainId = @GrainId::varchar AND ReminderName = @ReminderName::varchar;
            """,
        // The range (BeginHash, EndHash] of the hash ring, as signed integers: one interval, or two when it wraps around.
        ["ReadRangeRows1Key"] = $"""
            SELECT {ReminderColumns} FROM OrleansRemindersTable
            WHERE ServiceId = @ServiceId::varchar AND GrainHash > @BeginHash::integer AND GrainHash <= @EndHash::integer;
            """,
        ["ReadRangeRows2Key"] = $"""
            SELECT {ReminderColumns} FROM OrleansRemindersTable
            WHERE ServiceId = @ServiceId::varchar AND (GrainHash > @BeginHash::integer OR GrainHash <= @EndHash::integer);
            """,
        ["UpsertReminderRowKey"] = """
            INSERT INTO OrleansRemindersTable (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
            VALUES (@ServiceId::varchar, @GrainId::varchar, @ReminderName::varchar, @StartTime::timestamptz, @Period::bigint, @GrainHash::integer, 0)
            ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE SET
                StartTime = excluded.StartTime, Period = excluded.Period, GrainHash = excluded.GrainHash,
                Version = OrleansRemindersTable.Version + 1
            RETURNING Version;
            """,
        ["DeleteReminderRowKey"] = """
            WITH deleted AS (
                DELETE FROM OrleansRemindersTable
                WHERE ServiceId = @ServiceId::varchar AND GrainId = @GrainId::varchar AND ReminderName = @ReminderName::varchar
                    AND Version = @Version::integer
                RETURNING 1)
            SELECT count(*)::integer FROM deleted;
            """,
        ["DeleteReminderRowsKey"] = """
            DELETE FROM OrleansRemindersTable WHERE ServiceId = @ServiceId::varchar;
            """,
    };

    /// <summary>Every stored query (declared after its parts: static fields initialize in order), by the key the providers look them up with.</summary>
    public static IReadOnlyDictionary<string, string> Queries { get; } = new Dictionary<string, string>(
        CoreQueries.Concat(ReminderQueries), StringComparer.Ordinal);

    /// <summary>Installs or upgrades the tables and queries when the database has an older version (or none).</summary>
    /// <returns>True when it installed them; false when they were current.</returns>
    public static async Task<bool> InstallAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var installed = await PostgresSchema.LockAndReadVersionAsync(connection, transaction, LockKey, Component, cancellationToken).ConfigureAwait(false);
                if (installed > Version)
                {
                    throw new InvalidOperationException(
                        $"The PostgreSQL database has Orleans tables of HyperTune schema version {installed}, newer than this HyperTune's {Version}; upgrade HyperTune.");
                }

                if (installed == Version)
                {
                    return false;
                }

                await using (var command = new NpgsqlCommand(Tables, connection, transaction))
                {
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                foreach (var (key, text) in Queries)
                {
                    await using var command = new NpgsqlCommand(
                        "INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES ($1, $2) ON CONFLICT (QueryKey) DO UPDATE SET QueryText = excluded.QueryText;",
                        connection,
                        transaction);
                    command.Parameters.AddWithValue(key);
                    command.Parameters.AddWithValue(text);
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await PostgresSchema.WriteVersionAsync(connection, transaction, Component, Version, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
        }
    }
}

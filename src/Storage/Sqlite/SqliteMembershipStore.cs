using System.Globalization;
using HyperTune.Storage.Membership;
using Microsoft.Data.Sqlite;

namespace HyperTune.Storage.Sqlite;

/// <summary>
/// A cluster's membership table in a <see cref="SqliteDatabase"/>: one row per silo generation
/// (<c>membership_silos</c>) and one table version per cluster (<c>membership_versions</c>), shared by every silo
/// process that opens the file.
/// <para>
/// Optimistic concurrency, as a cluster membership protocol needs it: an insert or update names the table version's
/// ETag it read (and an update also the row's ETag) and succeeds only if they are still current; it then writes the
/// row, sets the new table version and gives both a new ETag, all in one write transaction (<c>BEGIN IMMEDIATE</c>),
/// so two silos (processes) racing for the same version cannot both win. ETags come from a per-cluster counter that
/// only grows, so an ETag is never reused, and the table version is never lowered: a write whose new version is not
/// above the stored one fails. Reads see one consistent snapshot (a read transaction in WAL mode). An I-am-alive
/// update changes only that time: neither ETags nor the version.
/// </para>
/// </summary>
public sealed class SqliteMembershipStore
{
    private const string SiloColumns = "address, port, generation, silo_name, host_name, status, proxy_port, suspect_times, start_time, i_am_alive_time, etag";
    private const string Key = "cluster_id = $cluster AND address = $address AND port = $port AND generation = $generation";
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;

    /// <summary>Creates the table view for <paramref name="clusterId"/>.</summary>
    /// <param name="database">The database.</param>
    /// <param name="clusterId">The cluster; rows of other clusters are never seen.</param>
    /// <param name="time">Where the version row's modification time comes from.</param>
    public SqliteMembershipStore(SqliteDatabase database, string clusterId, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterId);
        _database = database;
        ClusterId = clusterId;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The cluster whose membership this reads and writes.</summary>
    public string ClusterId { get; }

    /// <summary>Creates the cluster's table version (version 0) unless it exists.</summary>
    /// <returns>True when this call created it.</returns>
    public async Task<bool> InitializeAsync(CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = Command(
                connection,
                null,
                "INSERT INTO membership_versions (cluster_id, version, etag, updated_at) VALUES ($cluster, 0, 0, $at) ON CONFLICT (cluster_id) DO NOTHING;");
            command.Parameters.AddWithValue("$at", StoredTimes.ToText(_time.GetUtcNow()));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        }
    }

    /// <summary>
    /// Every row of the cluster and the table version, read at one moment. Before <see cref="InitializeAsync"/> the
    /// version is 0 with ETag "0", on which no write succeeds.
    /// </summary>
    public Task<StoredMembership> ReadAllAsync(CancellationToken cancellationToken = default) =>
        ReadAsync($"SELECT {SiloColumns} FROM membership_silos WHERE cluster_id = $cluster;", _ => { }, cancellationToken);

    /// <summary>One silo generation's row (no row when it has none) and the table version, read at one moment.</summary>
    public Task<StoredMembership> ReadAsync(string address, int port, int generation, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        return ReadAsync($"SELECT {SiloColumns} FROM membership_silos WHERE {Key};", c => BindKey(c, address, port, generation), cancellationToken);
    }

    /// <summary>
    /// Adds <paramref name="silo"/>'s row and sets the table version to <paramref name="newVersion"/>, atomically, if the
    /// table version's ETag is <paramref name="expectedVersionETag"/>, the new version is above the stored one and the
    /// row does not exist yet.
    /// </summary>
    /// <returns>True when it did; false (and nothing changed) otherwise.</returns>
    public Task<bool> InsertAsync(StoredSilo silo, string expectedVersionETag, int newVersion, CancellationToken cancellationToken = default)
    {
        Validate(silo);
        return WriteAsync(silo, expectedETag: null, expectedVersionETag, newVersion, cancellationToken);
    }

    /// <summary>
    /// Replaces <paramref name="silo"/>'s row (every column but its key) and sets the table version to
    /// <paramref name="newVersion"/>, atomically, if the row's ETag is <paramref name="expectedETag"/>, the table
    /// version's ETag is <paramref name="expectedVersionETag"/> and the new version is above the stored one.
    /// </summary>
    /// <returns>True when it did; false (and nothing changed) otherwise, a missing row included.</returns>
    public Task<bool> UpdateAsync(StoredSilo silo, string expectedETag, string expectedVersionETag, int newVersion, CancellationToken cancellationToken = default)
    {
        Validate(silo);
        ArgumentNullException.ThrowIfNull(expectedETag);
        return WriteAsync(silo, expectedETag, expectedVersionETag, newVersion, cancellationToken);
    }

    /// <summary>Sets a silo generation's I-am-alive time, and nothing else (no ETag, no version).</summary>
    /// <returns>True when the row exists.</returns>
    public async Task<bool> UpdateIAmAliveAsync(string address, int port, int generation, DateTimeOffset iAmAliveTime, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = Command(connection, null, $"UPDATE membership_silos SET i_am_alive_time = $alive WHERE {Key};");
            BindKey(command, address, port, generation);
            command.Parameters.AddWithValue("$alive", StoredTimes.ToText(iAmAliveTime));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        }
    }

    /// <summary>
    /// Deletes the rows of silos not in status <paramref name="keepStatus"/> whose later of start and I-am-alive time
    /// is before <paramref name="before"/>: generations long gone. The table version is not changed.
    /// </summary>
    /// <returns>How many rows were deleted.</returns>
    public async Task<int> DeleteDefunctAsync(DateTimeOffset before, int keepStatus, CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = Command(
                connection,
                null,
                "DELETE FROM membership_silos WHERE cluster_id = $cluster AND status <> $keep AND max(start_time, i_am_alive_time) < $before;");
            command.Parameters.AddWithValue("$keep", keepStatus);
            command.Parameters.AddWithValue("$before", StoredTimes.ToText(before));
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Deletes the cluster's rows and its table version.</summary>
    public async Task DeleteAllAsync(CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                using (var rows = Command(connection, transaction, "DELETE FROM membership_silos WHERE cluster_id = $cluster;"))
                {
                    await rows.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                using (var version = Command(connection, transaction, "DELETE FROM membership_versions WHERE cluster_id = $cluster;"))
                {
                    await version.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>The gateways of the silos in status <paramref name="status"/> that have one (proxy port above 0).</summary>
    public async Task<IReadOnlyList<StoredGateway>> ReadGatewaysAsync(int status, CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = Command(
                connection,
                null,
                "SELECT address, proxy_port, generation FROM membership_silos WHERE cluster_id = $cluster AND status = $status AND proxy_port > 0 ORDER BY address, proxy_port;");
            command.Parameters.AddWithValue("$status", status);
            var found = new List<StoredGateway>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    found.Add(new StoredGateway(reader.GetString(0), reader.GetInt32(1), reader.GetInt32(2)));
                }
            }

            return found;
        }
    }

    private async Task<StoredMembership> ReadAsync(string rowsSql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // A deferred transaction: in WAL mode both reads see the database as of the first one.
            var transaction = connection.BeginTransaction(deferred: true);
            await using (transaction.ConfigureAwait(false))
            {
                var (version, etag) = await ReadVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false) ?? (0, 0);
                var members = new List<StoredMember>();
                using (var command = Command(connection, transaction, rowsSql))
                {
                    bind(command);
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            members.Add(ReadMember(reader));
                        }
                    }
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new StoredMembership(version, ETag(etag), members);
            }
        }
    }

    private async Task<bool> WriteAsync(StoredSilo silo, string? expectedETag, string expectedVersionETag, int newVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expectedVersionETag);
        if (!TryParseETag(expectedVersionETag, out var expectedVersion) || (expectedETag is not null && !TryParseETag(expectedETag, out _)))
        {
            return false; // not an ETag this store ever gave
        }

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // BEGIN IMMEDIATE takes the write lock first, so the checks below still hold when the writes happen.
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                if (await ReadVersionAsync(connection, transaction, cancellationToken).ConfigureAwait(false) is not (var version, var etag)
                    || etag != expectedVersion
                    || newVersion <= version)
                {
                    return false;
                }

                string? storedETag;
                using (var read = Command(connection, transaction, $"SELECT etag FROM membership_silos WHERE {Key};"))
                {
                    BindKey(read, silo.Address, silo.Port, silo.Generation);
                    storedETag = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } found
                        ? ETag(Convert.ToInt64(found, CultureInfo.InvariantCulture))
                        : null;
                }

                if (!string.Equals(storedETag, expectedETag, StringComparison.Ordinal))
                {
                    return false; // an insert finds a row, or an update finds none or another ETag
                }

                var next = etag + 1;
                using (var write = Command(
                    connection,
                    transaction,
                    $"""
                    INSERT INTO membership_silos (cluster_id, {SiloColumns})
                    VALUES ($cluster, $address, $port, $generation, $name, $host, $status, $proxy, $suspects, $start, $alive, $etag)
                    ON CONFLICT (cluster_id, address, port, generation) DO UPDATE SET
                        silo_name = excluded.silo_name, host_name = excluded.host_name, status = excluded.status,
                        proxy_port = excluded.proxy_port, suspect_times = excluded.suspect_times, start_time = excluded.start_time,
                        i_am_alive_time = excluded.i_am_alive_time, etag = excluded.etag;
                    """))
                {
                    BindKey(write, silo.Address, silo.Port, silo.Generation);
                    write.Parameters.AddWithValue("$name", silo.SiloName);
                    write.Parameters.AddWithValue("$host", silo.HostName);
                    write.Parameters.AddWithValue("$status", silo.Status);
                    write.Parameters.AddWithValue("$proxy", silo.ProxyPort);
                    write.Parameters.AddWithValue("$suspects", (object?)silo.SuspectTimes ?? DBNull.Value);
                    write.Parameters.AddWithValue("$start", StoredTimes.ToText(silo.StartTime));
                    write.Parameters.AddWithValue("$alive", StoredTimes.ToText(silo.IAmAliveTime));
                    write.Parameters.AddWithValue("$etag", next);
                    await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                using (var bump = Command(connection, transaction, "UPDATE membership_versions SET version = $version, etag = $etag, updated_at = $at WHERE cluster_id = $cluster;"))
                {
                    bump.Parameters.AddWithValue("$version", newVersion);
                    bump.Parameters.AddWithValue("$etag", next);
                    bump.Parameters.AddWithValue("$at", StoredTimes.ToText(_time.GetUtcNow()));
                    await bump.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
        }
    }

    private async Task<(int Version, long ETag)?> ReadVersionAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken cancellationToken)
    {
        using var command = Command(connection, transaction, "SELECT version, etag FROM membership_versions WHERE cluster_id = $cluster;");
        var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? (reader.GetInt32(0), reader.GetInt64(1)) : null;
        }
    }

    private static StoredMember ReadMember(SqliteDataReader reader) => new(
        new StoredSilo(
            reader.GetString(0),
            reader.GetInt32(1),
            reader.GetInt32(2),
            reader.GetString(3),
            reader.GetString(4),
            reader.GetInt32(5),
            reader.GetInt32(6),
            reader.IsDBNull(7) ? null : reader.GetString(7),
            StoredTimes.FromText(reader.GetString(8)),
            StoredTimes.FromText(reader.GetString(9))),
        ETag(reader.GetInt64(10)));

    private SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$cluster", ClusterId);
        return command;
    }

    private static void BindKey(SqliteCommand command, string address, int port, int generation)
    {
        command.Parameters.AddWithValue("$address", address);
        command.Parameters.AddWithValue("$port", port);
        command.Parameters.AddWithValue("$generation", generation);
    }

    private static void Validate(StoredSilo silo)
    {
        ArgumentNullException.ThrowIfNull(silo);
        ArgumentException.ThrowIfNullOrWhiteSpace(silo.Address, nameof(silo));
        ArgumentNullException.ThrowIfNull(silo.SiloName, nameof(silo));
        ArgumentNullException.ThrowIfNull(silo.HostName, nameof(silo));
    }

    private static string ETag(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static bool TryParseETag(string text, out long value) => long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}

using System.Globalization;
using HyperTune.Storage.GrainState;
using Microsoft.Data.Sqlite;

namespace HyperTune.Storage.Sqlite;

/// <summary>
/// Grain state as rows of (service, grain type, grain id) → serialized payload, with a version that is the row's ETag:
/// a write or clear whose ETag is not the stored one fails with <see cref="GrainStateConflictException"/>, so two
/// activations of one grain (say, on both sides of a network split) cannot overwrite each other. Each operation runs
/// in its own write transaction (<c>BEGIN IMMEDIATE</c>), so checks and writes are atomic across processes sharing the
/// file. Clearing keeps the row without a payload and bumps its version, so versions never repeat.
/// </summary>
public sealed class SqliteGrainStateTable
{
    private readonly SqliteDatabase _database;
    private readonly TimeProvider _time;

    /// <summary>Creates a table view for one service.</summary>
    /// <param name="database">The database.</param>
    /// <param name="serviceId">The Orleans service id; rows of other services are never seen.</param>
    /// <param name="time">Where modification times come from.</param>
    public SqliteGrainStateTable(SqliteDatabase database, string serviceId, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        _database = database;
        ServiceId = serviceId;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The service whose rows this reads and writes.</summary>
    public string ServiceId { get; }

    /// <summary>Reads a grain's state; null when it was never written.</summary>
    public async Task<StoredGrainState?> ReadAsync(string grainType, string grainId, CancellationToken cancellationToken = default)
    {
        Validate(grainType, grainId);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = Command(connection, null, "SELECT version, payload FROM grain_state WHERE service_id = $service AND grain_type = $type AND grain_id = $id;", grainType, grainId);
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    return null;
                }

                return new StoredGrainState(reader.IsDBNull(1) ? null : (byte[])reader.GetValue(1), ETag(reader.GetInt64(0)));
            }
        }
    }

    /// <summary>Writes a grain's state if the stored ETag is <paramref name="expectedETag"/> (null: no row yet).</summary>
    /// <returns>The new ETag.</returns>
    /// <exception cref="GrainStateConflictException">The stored ETag is another.</exception>
    public Task<string> WriteAsync(string grainType, string grainId, byte[] payload, string? expectedETag, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return ChangeAsync(grainType, grainId, payload, expectedETag, cancellationToken);
    }

    /// <summary>Clears a grain's state if the stored ETag is <paramref name="expectedETag"/>.</summary>
    /// <returns>The new ETag, or null when there was nothing to clear.</returns>
    /// <exception cref="GrainStateConflictException">The stored ETag is another.</exception>
    public async Task<string?> ClearAsync(string grainType, string grainId, string? expectedETag, CancellationToken cancellationToken = default)
    {
        var etag = await ChangeAsync(grainType, grainId, null, expectedETag, cancellationToken).ConfigureAwait(false);
        return expectedETag is null ? null : etag;
    }

    private async Task<string> ChangeAsync(string grainType, string grainId, byte[]? payload, string? expectedETag, CancellationToken cancellationToken)
    {
        Validate(grainType, grainId);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                long? stored;
                using (var read = Command(connection, transaction, "SELECT version FROM grain_state WHERE service_id = $service AND grain_type = $type AND grain_id = $id;", grainType, grainId))
                {
                    stored = await read.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is { } value ? Convert.ToInt64(value, CultureInfo.InvariantCulture) : null;
                }

                var storedETag = stored is { } s ? ETag(s) : null;
                if (!string.Equals(storedETag, expectedETag, StringComparison.Ordinal))
                {
                    throw new GrainStateConflictException(grainType, grainId, expectedETag, storedETag);
                }

                if (stored is null && payload is null)
                {
                    // Clearing a state that was never written: nothing to do.
                    return string.Empty;
                }

                var next = (stored ?? 0) + 1;
                using (var write = Command(
                    connection,
                    transaction,
                    """
                    INSERT INTO grain_state (service_id, grain_type, grain_id, version, modified_at, payload) VALUES ($service, $type, $id, $version, $at, $payload)
                    ON CONFLICT (service_id, grain_type, grain_id) DO UPDATE SET version = excluded.version, modified_at = excluded.modified_at, payload = excluded.payload;
                    """,
                    grainType,
                    grainId))
                {
                    write.Parameters.AddWithValue("$version", next);
                    write.Parameters.AddWithValue("$at", StoredTimes.ToText(_time.GetUtcNow()));
                    write.Parameters.Add("$payload", SqliteType.Blob).Value = (object?)payload ?? DBNull.Value;
                    await write.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return ETag(next);
            }
        }
    }

    private SqliteCommand Command(SqliteConnection connection, SqliteTransaction? transaction, string sql, string grainType, string grainId)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("$service", ServiceId);
        command.Parameters.AddWithValue("$type", grainType);
        command.Parameters.AddWithValue("$id", grainId);
        return command;
    }

    private static string ETag(long version) => version.ToString(CultureInfo.InvariantCulture);

    private static void Validate(string grainType, string grainId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(grainType);
        ArgumentException.ThrowIfNullOrWhiteSpace(grainId);
    }
}

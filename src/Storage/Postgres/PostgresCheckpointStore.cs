using HyperTune.Storage.Checkpoints;
using Npgsql;
using NpgsqlTypes;

namespace HyperTune.Storage.Postgres;

/// <summary>Keeps checkpoints as <c>bytea</c> in the <c>hypertune_checkpoints</c> table.</summary>
public sealed class PostgresCheckpointStore(PostgresDatabase database, TimeProvider? time = null) : ICheckpointStore
{
    private readonly PostgresDatabase _database = database ?? throw new ArgumentNullException(nameof(database));
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <inheritdoc />
    public async Task SaveAsync(string runId, int epoch, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        Validate(runId, epoch);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand(
                """
                INSERT INTO hypertune_checkpoints (run_id, epoch, size_bytes, created_at, data) VALUES ($1, $2, $3, $4, $5)
                ON CONFLICT (run_id, epoch) DO UPDATE SET size_bytes = excluded.size_bytes, created_at = excluded.created_at, data = excluded.data;
                """,
                connection);
            command.Parameters.AddWithValue(runId);
            command.Parameters.AddWithValue(epoch);
            command.Parameters.AddWithValue((long)data.Length);
            command.Parameters.AddWithValue(_time.GetUtcNow());
            command.Parameters.Add(new NpgsqlParameter<ReadOnlyMemory<byte>> { NpgsqlDbType = NpgsqlDbType.Bytea, TypedValue = data });
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<byte[]?> LoadAsync(string runId, int epoch, CancellationToken cancellationToken = default)
    {
        Validate(runId, epoch);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand("SELECT data FROM hypertune_checkpoints WHERE run_id = $1 AND epoch = $2;", connection);
            command.Parameters.AddWithValue(runId);
            command.Parameters.AddWithValue(epoch);
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) as byte[];
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<CheckpointInfo>> ListAsync(string runId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand("SELECT epoch, size_bytes, created_at FROM hypertune_checkpoints WHERE run_id = $1 ORDER BY epoch;", connection);
            command.Parameters.AddWithValue(runId);
            var found = new List<CheckpointInfo>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    found.Add(new CheckpointInfo(runId, reader.GetInt32(0), reader.GetInt64(1), reader.GetFieldValue<DateTimeOffset>(2)));
                }
            }

            return found;
        }
    }

    /// <inheritdoc />
    public async Task DeleteAsync(string runId, int epoch, CancellationToken cancellationToken = default)
    {
        Validate(runId, epoch);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand("DELETE FROM hypertune_checkpoints WHERE run_id = $1 AND epoch = $2;", connection);
            command.Parameters.AddWithValue(runId);
            command.Parameters.AddWithValue(epoch);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Validate(string runId, int epoch)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
    }
}

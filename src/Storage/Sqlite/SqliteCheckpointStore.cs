using HyperTune.Storage.Checkpoints;
using Microsoft.Data.Sqlite;

namespace HyperTune.Storage.Sqlite;

/// <summary>Keeps checkpoints as blobs in the <c>checkpoints</c> table of a <see cref="SqliteDatabase"/>.</summary>
public sealed class SqliteCheckpointStore(SqliteDatabase database, TimeProvider? time = null) : ICheckpointStore
{
    private readonly SqliteDatabase _database = database ?? throw new ArgumentNullException(nameof(database));
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    /// <inheritdoc />
    public async Task SaveAsync(string runId, int epoch, ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        Validate(runId, epoch);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO checkpoints (run_id, epoch, size_bytes, created_at, data) VALUES ($run, $epoch, $size, $at, $data)
                ON CONFLICT (run_id, epoch) DO UPDATE SET size_bytes = excluded.size_bytes, created_at = excluded.created_at, data = excluded.data;
                """;
            command.Parameters.AddWithValue("$run", runId);
            command.Parameters.AddWithValue("$epoch", epoch);
            command.Parameters.AddWithValue("$size", data.Length);
            command.Parameters.AddWithValue("$at", StoredTimes.ToText(_time.GetUtcNow()));
            command.Parameters.Add("$data", SqliteType.Blob).Value = data.ToArray();
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
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT data FROM checkpoints WHERE run_id = $run AND epoch = $epoch;";
            command.Parameters.AddWithValue("$run", runId);
            command.Parameters.AddWithValue("$epoch", epoch);
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
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT epoch, size_bytes, created_at FROM checkpoints WHERE run_id = $run ORDER BY epoch;";
            command.Parameters.AddWithValue("$run", runId);
            var found = new List<CheckpointInfo>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    found.Add(new CheckpointInfo(runId, reader.GetInt32(0), reader.GetInt64(1), StoredTimes.FromText(reader.GetString(2))));
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
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM checkpoints WHERE run_id = $run AND epoch = $epoch;";
            command.Parameters.AddWithValue("$run", runId);
            command.Parameters.AddWithValue("$epoch", epoch);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Validate(string runId, int epoch)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(runId);
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
    }
}

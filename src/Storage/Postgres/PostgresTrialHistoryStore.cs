using HyperTune.Storage.History;
using Npgsql;
using NpgsqlTypes;

namespace HyperTune.Storage.Postgres;

/// <summary>Keeps trials' metric history in the <c>hypertune_trial_history</c> table (metrics as <c>jsonb</c>).</summary>
public sealed class PostgresTrialHistoryStore(PostgresDatabase database) : ITrialHistoryStore
{
    private readonly PostgresDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <inheritdoc />
    public async Task UpsertAsync(IReadOnlyCollection<TrialHistoryRow> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var row in rows)
        {
            TrialHistoryRows.Validate(row);
        }

        if (rows.Count == 0)
        {
            return;
        }

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // One statement over arrays: all rows or none, in one round trip.
            await using var command = new NpgsqlCommand(
                """
                INSERT INTO hypertune_trial_history (trial_id, epoch, step, learning_rate, duration_seconds, reported_at, metrics_json)
                SELECT * FROM unnest($1::text[], $2::integer[], $3::bigint[], $4::double precision[], $5::double precision[], $6::timestamptz[], $7::jsonb[])
                ON CONFLICT (trial_id, epoch) DO UPDATE SET
                    step = excluded.step, learning_rate = excluded.learning_rate, duration_seconds = excluded.duration_seconds,
                    reported_at = excluded.reported_at, metrics_json = excluded.metrics_json;
                """,
                connection);
            var unique = rows.GroupBy(r => (r.TrialId, r.Epoch)).Select(g => g.Last()).ToList();
            command.Parameters.AddWithValue(unique.Select(r => r.TrialId).ToArray());
            command.Parameters.AddWithValue(unique.Select(r => r.Epoch).ToArray());
            command.Parameters.AddWithValue(unique.Select(r => r.Step).ToArray());
            command.Parameters.AddWithValue(unique.Select(r => r.LearningRate).ToArray());
            command.Parameters.AddWithValue(unique.Select(r => r.DurationSeconds).ToArray());
            command.Parameters.AddWithValue(unique.Select(r => r.ReportedAt.ToUniversalTime()).ToArray());
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Jsonb, Value = unique.Select(r => r.MetricsJson).ToArray() });
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TrialHistoryRow>> ReadAsync(string trialId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(trialId);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand(
                """
                SELECT epoch, step, learning_rate, duration_seconds, reported_at, metrics_json::text
                FROM hypertune_trial_history WHERE trial_id = $1 ORDER BY epoch;
                """,
                connection);
            command.Parameters.AddWithValue(trialId);
            var rows = new List<TrialHistoryRow>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    rows.Add(new TrialHistoryRow(
                        trialId,
                        reader.GetInt32(0),
                        reader.GetInt64(1),
                        reader.GetDouble(2),
                        reader.GetDouble(3),
                        reader.GetFieldValue<DateTimeOffset>(4),
                        reader.GetString(5)));
                }
            }

            return rows;
        }
    }

    /// <inheritdoc />
    public async Task<int> DeleteAfterAsync(string trialId, int epoch, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(trialId);
        ArgumentOutOfRangeException.ThrowIfNegative(epoch);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            await using var command = new NpgsqlCommand("DELETE FROM hypertune_trial_history WHERE trial_id = $1 AND epoch > $2;", connection);
            command.Parameters.AddWithValue(trialId);
            command.Parameters.AddWithValue(epoch);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }
}

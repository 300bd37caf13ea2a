using HyperTune.Storage.History;
using Microsoft.Data.Sqlite;

namespace HyperTune.Storage.Sqlite;

/// <summary>Keeps trials' metric history in the <c>trial_history</c> table of a <see cref="SqliteDatabase"/>.</summary>
public sealed class SqliteTrialHistoryStore(SqliteDatabase database) : ITrialHistoryStore
{
    private readonly SqliteDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

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
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                using var command = connection.CreateCommand();
                command.Transaction = transaction;
                command.CommandText = """
                    INSERT INTO trial_history (trial_id, epoch, step, learning_rate, duration_seconds, reported_at, metrics_json)
                    VALUES ($trial, $epoch, $step, $lr, $duration, $at, $metrics)
                    ON CONFLICT (trial_id, epoch) DO UPDATE SET
                        step = excluded.step, learning_rate = excluded.learning_rate, duration_seconds = excluded.duration_seconds,
                        reported_at = excluded.reported_at, metrics_json = excluded.metrics_json;
                    """;
                var trial = command.Parameters.Add("$trial", SqliteType.Text);
                var epoch = command.Parameters.Add("$epoch", SqliteType.Integer);
                var step = command.Parameters.Add("$step", SqliteType.Integer);
                var lr = command.Parameters.Add("$lr", SqliteType.Real);
                var duration = command.Parameters.Add("$duration", SqliteType.Real);
                var at = command.Parameters.Add("$at", SqliteType.Text);
                var metrics = command.Parameters.Add("$metrics", SqliteType.Text);
                foreach (var row in rows)
                {
                    trial.Value = row.TrialId;
                    epoch.Value = row.Epoch;
                    step.Value = row.Step;
                    lr.Value = Real(row.LearningRate);
                    duration.Value = Real(row.DurationSeconds);
                    at.Value = StoredTimes.ToText(row.ReportedAt);
                    metrics.Value = row.MetricsJson;
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<TrialHistoryRow>> ReadAsync(string trialId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(trialId);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT epoch, step, learning_rate, duration_seconds, reported_at, metrics_json
                FROM trial_history WHERE trial_id = $trial ORDER BY epoch;
                """;
            command.Parameters.AddWithValue("$trial", trialId);
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
                        reader.IsDBNull(2) ? double.NaN : reader.GetDouble(2),
                        reader.IsDBNull(3) ? double.NaN : reader.GetDouble(3),
                        StoredTimes.FromText(reader.GetString(4)),
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
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM trial_history WHERE trial_id = $trial AND epoch > $epoch;";
            command.Parameters.AddWithValue("$trial", trialId);
            command.Parameters.AddWithValue("$epoch", epoch);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>SQLite stores NaN as NULL; say so explicitly, and read NULL back as NaN.</summary>
    private static object Real(double value) => double.IsNaN(value) ? DBNull.Value : value;
}

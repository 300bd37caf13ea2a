using System.Globalization;
using Microsoft.Data.Sqlite;

namespace HyperTune.Storage.Sqlite;

/// <summary>
/// Reminder rows of one service in the <c>reminders</c> table of a <see cref="SqliteDatabase"/>. Each silo reads the
/// reminders whose grain hash falls in its range of the ring; a row's version is its ETag.
/// </summary>
public sealed class SqliteReminderStore
{
    private const string Columns = "grain_id, name, start_at, period_ms, grain_hash, version";
    private readonly SqliteDatabase _database;

    /// <summary>Creates the table view for <paramref name="serviceId"/>.</summary>
    public SqliteReminderStore(SqliteDatabase database, string serviceId)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceId);
        _database = database;
        ServiceId = serviceId;
    }

    /// <summary>The service whose reminders this reads and writes.</summary>
    public string ServiceId { get; }

    /// <summary>A grain's reminders.</summary>
    public Task<IReadOnlyList<StoredReminder>> ReadAsync(string grainId, CancellationToken cancellationToken = default) =>
        QueryAsync($"SELECT {Columns} FROM reminders WHERE service_id = $service AND grain_id = $grain;", c => c.Parameters.AddWithValue("$grain", grainId), cancellationToken);

    /// <summary>One reminder, or null.</summary>
    public async Task<StoredReminder?> ReadAsync(string grainId, string name, CancellationToken cancellationToken = default) =>
        (await QueryAsync(
            $"SELECT {Columns} FROM reminders WHERE service_id = $service AND grain_id = $grain AND name = $name;",
            c =>
            {
                c.Parameters.AddWithValue("$grain", grainId);
                c.Parameters.AddWithValue("$name", name);
            },
            cancellationToken).ConfigureAwait(false)).SingleOrDefault();

    /// <summary>
    /// The reminders with a grain hash in (<paramref name="beginExclusive"/>, <paramref name="endInclusive"/>] of the
    /// ring, compared as signed integers; when begin ≥ end the range wraps around.
    /// </summary>
    public Task<IReadOnlyList<StoredReminder>> ReadRangeAsync(int beginExclusive, int endInclusive, CancellationToken cancellationToken = default) =>
        QueryAsync(
            beginExclusive < endInclusive
                ? $"SELECT {Columns} FROM reminders WHERE service_id = $service AND grain_hash > $begin AND grain_hash <= $end;"
                : $"SELECT {Columns} FROM reminders WHERE service_id = $service AND (grain_hash > $begin OR grain_hash <= $end);",
            c =>
            {
                c.Parameters.AddWithValue("$begin", beginExclusive);
                c.Parameters.AddWithValue("$end", endInclusive);
            },
            cancellationToken);

    /// <summary>Inserts or replaces a reminder; returns its new ETag.</summary>
    public async Task<string> UpsertAsync(string grainId, string name, DateTimeOffset startAt, TimeSpan period, int grainHash, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(grainId);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = """
                INSERT INTO reminders (service_id, grain_id, name, start_at, period_ms, grain_hash, version)
                VALUES ($service, $grain, $name, $start, $period, $hash, 0)
                ON CONFLICT (service_id, grain_id, name) DO UPDATE SET
                    start_at = excluded.start_at, period_ms = excluded.period_ms, grain_hash = excluded.grain_hash, version = reminders.version + 1
                RETURNING version;
                """;
            command.Parameters.AddWithValue("$service", ServiceId);
            command.Parameters.AddWithValue("$grain", grainId);
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$start", StoredTimes.ToText(startAt));
            command.Parameters.AddWithValue("$period", (long)period.TotalMilliseconds);
            command.Parameters.AddWithValue("$hash", grainHash);
            var version = await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return Convert.ToInt64(version, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Deletes a reminder if its ETag is <paramref name="etag"/>; true when it did.</summary>
    public async Task<bool> DeleteAsync(string grainId, string name, string etag, CancellationToken cancellationToken = default)
    {
        if (!long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return false;
        }

        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM reminders WHERE service_id = $service AND grain_id = $grain AND name = $name AND version = $version;";
            command.Parameters.AddWithValue("$service", ServiceId);
            command.Parameters.AddWithValue("$grain", grainId);
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$version", version);
            return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
        }
    }

    /// <summary>Deletes every reminder of the service.</summary>
    public async Task DeleteAllAsync(CancellationToken cancellationToken = default)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = "DELETE FROM reminders WHERE service_id = $service;";
            command.Parameters.AddWithValue("$service", ServiceId);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<IReadOnlyList<StoredReminder>> QueryAsync(string sql, Action<SqliteCommand> bind, CancellationToken cancellationToken)
    {
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$service", ServiceId);
            bind(command);
            var found = new List<StoredReminder>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    found.Add(new StoredReminder(
                        reader.GetString(0),
                        reader.GetString(1),
                        StoredTimes.FromText(reader.GetString(2)),
                        TimeSpan.FromMilliseconds(reader.GetInt64(3)),
                        reader.GetInt32(4),
                        reader.GetInt64(5).ToString(CultureInfo.InvariantCulture)));
                }
            }

            return found;
        }
    }
}

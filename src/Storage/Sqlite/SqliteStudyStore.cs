using System.Data;
using HyperTune.Storage.Studies;
using Microsoft.Data.Sqlite;

namespace HyperTune.Storage.Sqlite;

/// <summary>
/// Keeps studies in the <c>studies</c> table (id, version, header; a deleted study keeps its row without a header, so
/// its versions never repeat) and their trials in <c>study_trials</c>, clustered by (study, number) so a study reads
/// back as one range scan. Each write is one <c>BEGIN IMMEDIATE</c> transaction, so the version check and the write are
/// atomic across every process sharing the file; the trial rows go through one prepared statement reused per row.
/// Trial rows carry no foreign key: they are written only in the transaction that checked their study's row, and study
/// rows are never deleted, so a row can never lose its study (and no write pays for the check).
/// </summary>
public sealed class SqliteStudyStore(SqliteDatabase database) : IStudyStore
{
    private readonly SqliteDatabase _database = database ?? throw new ArgumentNullException(nameof(database));

    /// <inheritdoc />
    public async Task<StoredStudy?> ReadAsync(string studyId, CancellationToken cancellationToken = default)
    {
        StudyRecords.ValidateStudyId(studyId);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // A deferred transaction: both reads see one snapshot of the file, whatever other processes commit meanwhile.
            var transaction = connection.BeginTransaction(deferred: true);
            await using (transaction.ConfigureAwait(false))
            {
                long key, version;
                byte[] header;
                using (var command = connection.CreateCommand())
                {
                    command.Transaction = transaction;
                    command.CommandText = "SELECT study_key, version, header FROM studies WHERE study_id = $id AND header IS NOT NULL;";
                    command.Parameters.AddWithValue("$id", studyId);
                    var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            return null;
                        }

                        (key, version, header) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetFieldValue<byte[]>(2));
                    }
                }

                var trials = new List<StoredStudyTrial>();
                using (var command = connection.CreateCommand())
                {
                    command.Transaction = transaction;
                    command.CommandText = "SELECT number, payload FROM study_trials WHERE study_key = $key ORDER BY number;";
                    command.Parameters.AddWithValue("$key", key);
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            trials.Add(new StoredStudyTrial(reader.GetInt32(0), reader.GetFieldValue<byte[]>(1)));
                        }
                    }
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new StoredStudy(version, header, trials);
            }
        }
    }

    /// <inheritdoc />
    public async Task<long> WriteAsync(string studyId, StudyWrite write, long expectedVersion, CancellationToken cancellationToken = default)
    {
        StudyRecords.ValidateStudyId(studyId);
        var trials = StudyRecords.Validate(write, expectedVersion);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                var found = await FindAsync(connection, transaction, studyId, expectedVersion, cancellationToken).ConfigureAwait(false);
                var version = found.Version + 1;
                var key = found.Key is { } existing
                    ? await UpdateStudyAsync(connection, transaction, existing, version, write.Header, cancellationToken).ConfigureAwait(false)
                    : await InsertStudyAsync(connection, transaction, studyId, version, write.Header!, cancellationToken).ConfigureAwait(false);

                await UpsertTrialsAsync(connection, transaction, key, trials, cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return version;
            }
        }
    }

    /// <inheritdoc />
    public async Task<bool> DeleteAsync(string studyId, long expectedVersion, CancellationToken cancellationToken = default)
    {
        StudyRecords.ValidateStudyId(studyId);
        StudyRecords.ValidateExpectedVersion(expectedVersion);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                var found = await FindAsync(connection, transaction, studyId, expectedVersion, cancellationToken).ConfigureAwait(false);
                if (found.Key is not { } key || !found.Exists)
                {
                    return false;
                }

                using (var command = connection.CreateCommand())
                {
                    command.Transaction = transaction;
                    command.CommandText = """
                        DELETE FROM study_trials WHERE study_key = $key;
                        UPDATE studies SET version = version + 1, header = NULL WHERE study_key = $key;
                        """;
                    command.Parameters.AddWithValue("$key", key);
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return true;
            }
        }
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<string>> ListAsync(string? after = null, int limit = StudyRecords.DefaultListLimit, CancellationToken cancellationToken = default)
    {
        StudyRecords.ValidateList(after, limit);
        var connection = await _database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            long start = 0;
            if (after is not null)
            {
                using var find = connection.CreateCommand();
                find.CommandText = "SELECT study_key FROM studies WHERE study_id = $id;";
                find.Parameters.AddWithValue("$id", after);
                start = await find.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long key ? key : throw StudyRecords.UnknownAfter(after);
            }

            using var command = connection.CreateCommand();
            command.CommandText = "SELECT study_id FROM studies WHERE study_key > $start AND header IS NOT NULL ORDER BY study_key LIMIT $limit;";
            command.Parameters.AddWithValue("$start", start);
            command.Parameters.AddWithValue("$limit", limit);
            var ids = new List<string>();
            var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            await using (reader.ConfigureAwait(false))
            {
                while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                {
                    ids.Add(reader.GetString(0));
                }
            }

            return ids;
        }
    }

    /// <summary>Sets an existing (or deleted) study's version, and its header when one is given; returns its key.</summary>
    private static async Task<long> UpdateStudyAsync(
        SqliteConnection connection, SqliteTransaction transaction, long key, long version, byte[]? header, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "UPDATE studies SET version = $version, header = coalesce($header, header) WHERE study_key = $key;";
        command.Parameters.AddWithValue("$key", key);
        command.Parameters.AddWithValue("$version", version);
        command.Parameters.Add("$header", SqliteType.Blob).Value = (object?)header ?? DBNull.Value;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return key;
    }

    /// <summary>Adds a study's row, which takes the next place in the order of first writes; returns its key.</summary>
    private static async Task<long> InsertStudyAsync(
        SqliteConnection connection, SqliteTransaction transaction, string studyId, long version, byte[] header, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "INSERT INTO studies (study_id, version, header) VALUES ($id, $version, $header) RETURNING study_key;";
        command.Parameters.AddWithValue("$id", studyId);
        command.Parameters.AddWithValue("$version", version);
        command.Parameters.Add("$header", SqliteType.Blob).Value = header;
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Inserts or replaces the trial rows through one prepared statement, executed once per row.</summary>
    private static async Task UpsertTrialsAsync(
        SqliteConnection connection, SqliteTransaction transaction, long key, IReadOnlyList<StoredStudyTrial> trials, CancellationToken cancellationToken)
    {
        if (trials.Count == 0)
        {
            return;
        }

        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO study_trials (study_key, number, payload) VALUES ($key, $number, $payload)
            ON CONFLICT (study_key, number) DO UPDATE SET payload = excluded.payload;
            """;
        command.Parameters.AddWithValue("$key", key);
        var number = command.Parameters.Add("$number", SqliteType.Integer);
        var payload = command.Parameters.Add("$payload", SqliteType.Blob);
        command.Prepare();
        foreach (var trial in trials)
        {
            number.Value = trial.Number;
            payload.Value = trial.Payload;
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Finds the study's row inside a write transaction and throws unless its version (0 for a missing or deleted
    /// study) is <paramref name="expectedVersion"/>. Returns its key (null: no row), its stored version (a deleted
    /// study's too) and whether it exists.
    /// </summary>
    private static async Task<(long? Key, long Version, bool Exists)> FindAsync(
        SqliteConnection connection, SqliteTransaction transaction, string studyId, long expectedVersion, CancellationToken cancellationToken)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT study_key, version, header IS NOT NULL FROM studies WHERE study_id = $id;";
        command.Parameters.AddWithValue("$id", studyId);
        var reader = await command.ExecuteReaderAsync(CommandBehavior.SingleRow, cancellationToken).ConfigureAwait(false);
        await using (reader.ConfigureAwait(false))
        {
            var (key, version, exists) = await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
                ? ((long?)reader.GetInt64(0), reader.GetInt64(1), reader.GetBoolean(2))
                : (null, 0L, false);
            if ((exists ? version : 0) != expectedVersion)
            {
                throw new StudyVersionConflictException(studyId, expectedVersion, exists ? version : null);
            }

            return (key, version, exists);
        }
    }
}

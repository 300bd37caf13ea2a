using Npgsql;

namespace HyperTune.Storage.Postgres;

/// <summary>
/// The <c>hypertune_schema</c> table: one row per component (our stores, the Orleans tables) with the version of its
/// schema. Changes happen in a transaction that holds an advisory lock, so concurrent starts take turns.
/// </summary>
public static class PostgresSchema
{
    /// <summary>
    /// Takes the transaction-scoped advisory lock <paramref name="lockKey"/>, creates <c>hypertune_schema</c> when missing
    /// and returns the version of <paramref name="component"/> (0 when it has none).
    /// </summary>
    public static async Task<int> LockAndReadVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long lockKey, string component, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1);", connection, transaction))
        {
            command.Parameters.AddWithValue(lockKey);
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var command = new NpgsqlCommand(
            "CREATE TABLE IF NOT EXISTS hypertune_schema (component text PRIMARY KEY, version integer NOT NULL, applied_at timestamptz NOT NULL DEFAULT now());",
            connection,
            transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var command = new NpgsqlCommand("SELECT version FROM hypertune_schema WHERE component = $1;", connection, transaction))
        {
            command.Parameters.AddWithValue(component);
            return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is int version ? version : 0;
        }
    }

    /// <summary>Records <paramref name="version"/> as <paramref name="component"/>'s schema version.</summary>
    public static async Task WriteVersionAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string component, int version, CancellationToken cancellationToken = default)
    {
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO hypertune_schema (component, version, applied_at) VALUES ($1, $2, now())
            ON CONFLICT (component) DO UPDATE SET version = excluded.version, applied_at = excluded.applied_at
            WHERE hypertune_schema.version <> excluded.version;
            """,
            connection,
            transaction);
        command.Parameters.AddWithValue(component);
        command.Parameters.AddWithValue(version);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}

using System.Globalization;
using Microsoft.Data.Sqlite;

namespace HyperTune.Storage.Sqlite;

/// <summary>
/// One SQLite database file shared by HyperTune's stores, and by every silo process on the machine that opens the same
/// path. The file is in WAL mode (readers never block the writer, and a crash never corrupts it), every connection
/// waits up to <see cref="BusyTimeout"/> for another process's write lock instead of failing with SQLITE_BUSY, and
/// commits are synced at checkpoints (<c>synchronous=NORMAL</c>: durable against a process crash, and against a power
/// loss for all but the last commits). The schema is created or upgraded on first use, under a write lock, and its
/// version kept in <c>hypertune_schema</c>.
/// </summary>
public sealed class SqliteDatabase
{
    /// <summary>The schema version this code writes and reads.</summary>
    public const int SchemaVersion = 4;

    private const string Component = "hypertune";

    /// <summary>Schema steps; step i brings the schema from version i to i + 1. Only ever append.</summary>
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE checkpoints (
            run_id TEXT NOT NULL,
            epoch INTEGER NOT NULL,
            size_bytes INTEGER NOT NULL,
            created_at TEXT NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY (run_id, epoch));
        CREATE TABLE trial_history (
            trial_id TEXT NOT NULL,
            epoch INTEGER NOT NULL,
            step INTEGER NOT NULL,
            learning_rate REAL,
            duration_seconds REAL,
            reported_at TEXT NOT NULL,
            metrics_json TEXT NOT NULL,
            PRIMARY KEY (trial_id, epoch));
        CREATE TABLE grain_state (
            service_id TEXT NOT NULL,
            grain_type TEXT NOT NULL,
            grain_id TEXT NOT NULL,
            version INTEGER NOT NULL,
            modified_at TEXT NOT NULL,
            payload BLOB,
            PRIMARY KEY (service_id, grain_type, grain_id));
        """,
        """
        CREATE TABLE reminders (
            service_id TEXT NOT NULL,
            grain_id TEXT NOT NULL,
            name TEXT NOT NULL,
            start_at TEXT NOT NULL,
            period_ms INTEGER NOT NULL,
            grain_hash INTEGER NOT NULL,
            version INTEGER NOT NULL,
            PRIMARY KEY (service_id, grain_id, name));
        CREATE INDEX reminders_by_hash ON reminders (service_id, grain_hash);
        """,
        """
        CREATE TABLE IF NOT EXISTS studies (
            study_key INTEGER PRIMARY KEY AUTOINCREMENT,
            study_id TEXT NOT NULL UNIQUE,
            version INTEGER NOT NULL,
            header BLOB);
        CREATE TABLE IF NOT EXISTS study_trials (
            study_key INTEGER NOT NULL,
            number INTEGER NOT NULL,
            payload BLOB NOT NULL,
            PRIMARY KEY (study_key, number)) WITHOUT ROWID;
        """,
        """
        CREATE TABLE IF NOT EXISTS membership_versions (
            cluster_id TEXT PRIMARY KEY,
            version INTEGER NOT NULL,
            etag INTEGER NOT NULL,
            updated_at TEXT NOT NULL);
        CREATE TABLE IF NOT EXISTS membership_silos (
            cluster_id TEXT NOT NULL,
            address TEXT NOT NULL,
            port INTEGER NOT NULL,
            generation INTEGER NOT NULL,
            silo_name TEXT NOT NULL,
            host_name TEXT NOT NULL,
            status INTEGER NOT NULL,
            proxy_port INTEGER NOT NULL,
            suspect_times TEXT,
            start_time TEXT NOT NULL,
            i_am_alive_time TEXT NOT NULL,
            etag INTEGER NOT NULL,
            PRIMARY KEY (cluster_id, address, port, generation));
        """,
    ];

    private readonly Lazy<Task> _schema;

    /// <summary>Opens (creating when missing) the database file at <paramref name="path"/>.</summary>
    /// <param name="path">The file; its directory is created when missing.</param>
    /// <param name="busyTimeout">How long a connection waits for another's write lock. Default 30 s.</param>
    public SqliteDatabase(string path, TimeSpan? busyTimeout = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Path = System.IO.Path.GetFullPath(path);
        BusyTimeout = busyTimeout ?? TimeSpan.FromSeconds(30);
        ArgumentOutOfRangeException.ThrowIfLessThan(BusyTimeout, TimeSpan.Zero, nameof(busyTimeout));
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = (int)Math.Ceiling(BusyTimeout.TotalSeconds),
        }.ToString();
        _schema = new Lazy<Task>(EnsureSchemaAsync, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The database file's full path.</summary>
    public string Path { get; }

    /// <summary>How long a connection waits for another connection's write lock.</summary>
    public TimeSpan BusyTimeout { get; }

    /// <summary>The connection string connections are opened with.</summary>
    public string ConnectionString { get; }

    /// <summary>Opens a connection with the database's settings, after the schema is in place.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        await _schema.Value.WaitAsync(cancellationToken).ConfigureAwait(false);
        return await OpenRawAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Creates or upgrades the schema now (otherwise the first <see cref="OpenAsync"/> does).</summary>
    public Task InitializeAsync(CancellationToken cancellationToken = default) => _schema.Value.WaitAsync(cancellationToken);

    private async Task<SqliteConnection> OpenRawAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(
                connection,
                string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {(long)BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;"),
                cancellationToken).ConfigureAwait(false);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task EnsureSchemaAsync()
    {
        var directory = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var connection = await OpenRawAsync(CancellationToken.None).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            // WAL is a property of the file: the first process to open it switches it, later ones find it set.
            var mode = await ScalarAsync(connection, "PRAGMA journal_mode = WAL;").ConfigureAwait(false);
            if (!string.Equals(mode as string, "wal", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"SQLite database '{Path}' could not be switched to WAL mode (it is in '{mode}' mode).");
            }

            // BEGIN IMMEDIATE: two processes opening a new file at once take turns; the second finds the schema done.
            var transaction = connection.BeginTransaction(deferred: false);
            await using (transaction.ConfigureAwait(false))
            {
                await ExecuteAsync(
                    connection,
                    "CREATE TABLE IF NOT EXISTS hypertune_schema (component TEXT PRIMARY KEY, version INTEGER NOT NULL, applied_at TEXT NOT NULL);",
                    CancellationToken.None,
                    transaction).ConfigureAwait(false);
                var found = await ScalarAsync(connection, $"SELECT version FROM hypertune_schema WHERE component = '{Component}';", transaction).ConfigureAwait(false);
                var version = found is null ? 0 : Convert.ToInt32(found, CultureInfo.InvariantCulture);
                if (version > SchemaVersion)
                {
                    throw new InvalidOperationException(
                        $"SQLite database '{Path}' has schema version {version}, newer than this HyperTune's {SchemaVersion}; upgrade HyperTune.");
                }

                for (; version < SchemaVersion; version++)
                {
                    await ExecuteAsync(connection, Migrations[version], CancellationToken.None, transaction).ConfigureAwait(false);
                }

                using var upsert = connection.CreateCommand();
                upsert.Transaction = transaction;
                upsert.CommandText = """
                    INSERT INTO hypertune_schema (component, version, applied_at) VALUES ($component, $version, $at)
                    ON CONFLICT (component) DO UPDATE SET version = excluded.version, applied_at = excluded.applied_at
                    WHERE hypertune_schema.version <> excluded.version;
                    """;
                upsert.Parameters.AddWithValue("$component", Component);
                upsert.Parameters.AddWithValue("$version", SchemaVersion);
                upsert.Parameters.AddWithValue("$at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture));
                await upsert.ExecuteNonQueryAsync().ConfigureAwait(false);
                await transaction.CommitAsync().ConfigureAwait(false);
            }
        }
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return await command.ExecuteScalarAsync().ConfigureAwait(false);
    }
}

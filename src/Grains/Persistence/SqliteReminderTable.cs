using HyperTune.Storage.Sqlite;

namespace HyperTune.Grains.Persistence;

/// <summary>Orleans' reminder table over <see cref="SqliteReminderStore"/>, so reminders survive a full restart.</summary>
public sealed class SqliteReminderTable(SqliteDatabase database, string serviceId) : IReminderTable
{
    private readonly SqliteReminderStore _table = new(database, serviceId);

    /// <inheritdoc />
    public Task StartAsync(CancellationToken cancellationToken = default) => database.InitializeAsync(cancellationToken);

    /// <inheritdoc />
    public async Task<ReminderTableData> ReadRows(GrainId grainId) =>
        new((await _table.ReadAsync(grainId.ToString()).ConfigureAwait(false)).Select(ToEntry));

    /// <inheritdoc />
    public async Task<ReminderTableData> ReadRows(uint begin, uint end) =>
        new((await _table.ReadRangeAsync(unchecked((int)begin), unchecked((int)end)).ConfigureAwait(false)).Select(ToEntry));

    /// <inheritdoc />
    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) =>
        await _table.ReadAsync(grainId.ToString(), reminderName).ConfigureAwait(false) is { } row ? ToEntry(row) : null;

    /// <inheritdoc />
    public async Task<string?> UpsertRow(ReminderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return await _table.UpsertAsync(
            entry.GrainId.ToString(), entry.ReminderName, new DateTimeOffset(DateTime.SpecifyKind(entry.StartAt, DateTimeKind.Utc)), entry.Period,
            unchecked((int)entry.GrainId.GetUniformHashCode())).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => _table.DeleteAsync(grainId.ToString(), reminderName, eTag);

    /// <inheritdoc />
    public Task TestOnlyClearTable() => _table.DeleteAllAsync();

    private static ReminderEntry ToEntry(StoredReminder row) => new()
    {
        GrainId = GrainId.Parse(row.GrainId),
        ReminderName = row.Name,
        StartAt = row.StartAt.UtcDateTime,
        Period = row.Period,
        ETag = row.ETag,
    };
}

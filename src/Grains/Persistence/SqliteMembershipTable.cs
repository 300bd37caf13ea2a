using System.Net;
using HyperTune.Grains.Diagnostics;
using HyperTune.Storage.Membership;
using HyperTune.Storage.Sqlite;
using Microsoft.Extensions.Logging;

namespace HyperTune.Grains.Persistence;

/// <summary>
/// Orleans' membership table over <see cref="SqliteMembershipStore"/>: the silos of one machine keep their cluster's
/// membership in the SQLite file they share, so none of them is special and any may die while the others carry on.
/// The table version and row ETags are the store's; every insert and update is conditional on them, atomically.
/// </summary>
public sealed class SqliteMembershipTable(SqliteDatabase database, string clusterId, ILogger<SqliteMembershipTable> logger) : IMembershipTable
{
    private readonly SqliteMembershipStore _store = new(database, clusterId);

    /// <inheritdoc />
    public async Task InitializeMembershipTable(bool tryInitTableVersion)
    {
        await database.InitializeAsync().ConfigureAwait(false);
        if (tryInitTableVersion && await _store.InitializeAsync().ConfigureAwait(false))
        {
            Log.SqliteMembershipCreated(logger, _store.ClusterId);
        }
    }

    /// <inheritdoc />
    public Task DeleteMembershipTableEntries(string clusterId) =>
        (clusterId == _store.ClusterId ? _store : new SqliteMembershipStore(database, clusterId)).DeleteAllAsync();

    /// <inheritdoc />
    public Task CleanupDefunctSiloEntries(DateTimeOffset beforeDate) => _store.DeleteDefunctAsync(beforeDate, (int)SiloStatus.Active);

    /// <inheritdoc />
    public async Task<MembershipTableData> ReadRow(SiloAddress key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return ToData(await _store.ReadAsync(Address(key), key.Endpoint.Port, key.Generation).ConfigureAwait(false));
    }

    /// <inheritdoc />
    public async Task<MembershipTableData> ReadAll() => ToData(await _store.ReadAllAsync().ConfigureAwait(false));

    /// <inheritdoc />
    public Task<bool> InsertRow(MembershipEntry entry, TableVersion tableVersion)
    {
        ArgumentNullException.ThrowIfNull(tableVersion);
        return _store.InsertAsync(ToStored(entry), tableVersion.VersionEtag, tableVersion.Version);
    }

    /// <inheritdoc />
    public Task<bool> UpdateRow(MembershipEntry entry, string etag, TableVersion tableVersion)
    {
        ArgumentNullException.ThrowIfNull(tableVersion);
        return etag is null ? Task.FromResult(false) : _store.UpdateAsync(ToStored(entry), etag, tableVersion.VersionEtag, tableVersion.Version);
    }

    /// <inheritdoc />
    public Task UpdateIAmAlive(MembershipEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return _store.UpdateIAmAliveAsync(Address(entry.SiloAddress), entry.SiloAddress.Endpoint.Port, entry.SiloAddress.Generation, ToStored(entry.IAmAliveTime));
    }

    private static MembershipTableData ToData(StoredMembership stored) => new(
        [.. stored.Members.Select(m => Tuple.Create(ToEntry(m.Silo), m.ETag))],
        new TableVersion(stored.Version, stored.VersionETag));

    private static StoredSilo ToStored(MembershipEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        ArgumentNullException.ThrowIfNull(entry.SiloAddress, nameof(entry));
        return new StoredSilo(
            Address(entry.SiloAddress),
            entry.SiloAddress.Endpoint.Port,
            entry.SiloAddress.Generation,
            entry.SiloName ?? string.Empty,
            entry.HostName ?? string.Empty,
            (int)entry.Status,
            entry.ProxyPort,
            SuspectTimesText.Write(entry.SuspectTimes),
            ToStored(entry.StartTime),
            ToStored(entry.IAmAliveTime));
    }

    private static MembershipEntry ToEntry(StoredSilo silo) => new()
    {
        SiloAddress = SiloAddress.New(IPAddress.Parse(silo.Address), silo.Port, silo.Generation),
        SiloName = silo.SiloName,
        HostName = silo.HostName,
        Status = (SiloStatus)silo.Status,
        ProxyPort = silo.ProxyPort,
        SuspectTimes = SuspectTimesText.Read(silo.SuspectTimes),
        StartTime = silo.StartTime.UtcDateTime,
        IAmAliveTime = silo.IAmAliveTime.UtcDateTime,
    };

    private static string Address(SiloAddress silo) => silo.Endpoint.Address.ToString();

    /// <summary>Orleans' times are UTC; one without a kind is taken as UTC.</summary>
    private static DateTimeOffset ToStored(DateTime time) =>
        new(time.Kind == DateTimeKind.Local ? time.ToUniversalTime() : DateTime.SpecifyKind(time, DateTimeKind.Utc));
}

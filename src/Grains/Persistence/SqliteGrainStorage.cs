using HyperTune.Storage.GrainState;
using HyperTune.Storage.Sqlite;
using Orleans.Storage;

namespace HyperTune.Grains.Persistence;

/// <summary>
/// Orleans grain storage in a SQLite file (<see cref="SqliteGrainStateTable"/>): one row per grain state, serialized by
/// the configured <see cref="IGrainStorageSerializer"/>, with the row version as the ETag. Safe for several silo
/// processes on one machine sharing the file. Creates or upgrades the schema when the silo starts, so a bad path stops
/// the start instead of the first grain call.
/// </summary>
public sealed class SqliteGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    private readonly string _name;
    private readonly SqliteDatabase _database;
    private readonly SqliteGrainStateTable _table;
    private readonly IGrainStorageSerializer _serializer;

    /// <summary>Creates the storage named <paramref name="name"/> over <paramref name="database"/>.</summary>
    public SqliteGrainStorage(string name, SqliteDatabase database, string serviceId, IGrainStorageSerializer serializer, TimeProvider? time = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(serializer);
        _name = name;
        _database = database;
        _table = new SqliteGrainStateTable(database, serviceId, time);
        _serializer = serializer;
    }

    /// <inheritdoc />
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var stored = await _table.ReadAsync(stateName, grainId.ToString()).ConfigureAwait(false);
        grainState.State = stored?.Payload is { } payload ? _serializer.Deserialize<T>(payload) : Activator.CreateInstance<T>();
        grainState.ETag = stored?.ETag;
        grainState.RecordExists = stored?.Payload is not null;
    }

    /// <inheritdoc />
    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var payload = _serializer.Serialize(grainState.State).ToArray();
        try
        {
            grainState.ETag = await _table.WriteAsync(stateName, grainId.ToString(), payload, grainState.ETag).ConfigureAwait(false);
            grainState.RecordExists = true;
        }
        catch (GrainStateConflictException e)
        {
            throw new InconsistentStateException(e.Message, e.StoredETag, e.ExpectedETag, e);
        }
    }

    /// <inheritdoc />
    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        try
        {
            grainState.ETag = await _table.ClearAsync(stateName, grainId.ToString(), grainState.ETag).ConfigureAwait(false);
        }
        catch (GrainStateConflictException e)
        {
            throw new InconsistentStateException(e.Message, e.StoredETag, e.ExpectedETag, e);
        }

        grainState.State = Activator.CreateInstance<T>();
        grainState.RecordExists = false;
    }

    /// <inheritdoc />
    public void Participate(ISiloLifecycle observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        observer.Subscribe(OptionFormattingUtilities.Name<SqliteGrainStorage>(_name), ServiceLifecycleStage.ApplicationServices, ct => _database.InitializeAsync(ct));
    }
}

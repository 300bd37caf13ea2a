using HyperTune.Storage.Sqlite;

namespace HyperTune.Bench;

/// <summary>The old way of persisting a study: the whole study (header and every trial) as one grain-state blob, rewritten on each write.</summary>
internal sealed class GrainStateBlobWriter(SqliteGrainStateTable table, string grainId, byte[] blob)
{
    private string? _etag;

    /// <summary>Rewrites the blob under the ETag of the previous write.</summary>
    public async Task WriteAsync()
    {
        blob[0]++;
        _etag = await table.WriteAsync("study", grainId, blob, _etag).ConfigureAwait(false);
    }
}

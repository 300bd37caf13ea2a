using HyperTune.Storage.Studies;

namespace HyperTune.Bench;

/// <summary>The new way of persisting a study: each write is its header and the rows of new trials.</summary>
internal sealed class StudyRecordWriter(IStudyStore store, string studyId, byte[] header, byte[] payload)
{
    private long _version;

    /// <summary>Trial rows written so far.</summary>
    public int Rows { get; private set; }

    /// <summary>Writes the header and <paramref name="rows"/> new trial rows, under the version of the previous write.</summary>
    public async Task WriteAsync(int rows = 1)
    {
        header[0]++;
        var trials = new StoredStudyTrial[rows];
        for (var i = 0; i < rows; i++)
        {
            trials[i] = new StoredStudyTrial(Rows + i, payload);
        }

        _version = await store.WriteAsync(studyId, new StudyWrite(header, trials), _version).ConfigureAwait(false);
        Rows += rows;
    }
}

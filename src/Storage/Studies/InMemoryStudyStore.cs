namespace HyperTune.Storage.Studies;

/// <summary>
/// A study store in process memory, for development and tests: nothing survives the process. Payloads are copied in
/// and out, so callers can never change what is stored.
/// </summary>
public sealed class InMemoryStudyStore : IStudyStore
{
    private readonly Dictionary<string, Entry> _studies = new(StringComparer.Ordinal);
    private readonly List<Entry> _byPosition = [];
    private readonly Lock _lock = new();

    /// <inheritdoc />
    public Task<StoredStudy?> ReadAsync(string studyId, CancellationToken cancellationToken = default)
    {
        StudyRecords.ValidateStudyId(studyId);
        lock (_lock)
        {
            if (!_studies.TryGetValue(studyId, out var entry) || entry.Header is null)
            {
                return Task.FromResult<StoredStudy?>(null);
            }

            var trials = new List<StoredStudyTrial>(entry.Trials.Count);
            trials.AddRange(entry.Trials.Select(t => new StoredStudyTrial(t.Key, t.Value.ToArray())));
            return Task.FromResult<StoredStudy?>(new StoredStudy(entry.Version, entry.Header.ToArray(), trials));
        }
    }

    /// <inheritdoc />
    public Task<long> WriteAsync(string studyId, StudyWrite write, long expectedVersion, CancellationToken cancellationToken = default)
    {
        StudyRecords.ValidateStudyId(studyId);
        var trials = StudyRecords.Validate(write, expectedVersion);
        lock (_lock)
        {
            _studies.TryGetValue(studyId, out var entry);
            Check(studyId, entry, expectedVersion);
            if (entry is null)
            {
                entry = new Entry(studyId, _byPosition.Count);
                _studies.Add(studyId, entry);
                _byPosition.Add(entry);
            }

            entry.Version++;
            if (write.Header is not null)
            {
                entry.Header = write.Header.ToArray();
            }

            foreach (var trial in trials)
            {
                entry.Trials[trial.Number] = trial.Payload.ToArray();
            }

            return Task.FromResult(entry.Version);
        }
    }

    /// <inheritdoc />
    public Task<bool> DeleteAsync(string studyId, long expectedVersion, CancellationToken cancellationToken = default)
    {
        StudyRecords.ValidateStudyId(studyId);
        StudyRecords.ValidateExpectedVersion(expectedVersion);
        lock (_lock)
        {
            _studies.TryGetValue(studyId, out var entry);
            Check(studyId, entry, expectedVersion);
            if (entry?.Header is null)
            {
                return Task.FromResult(false);
            }

            entry.Version++;
            entry.Header = null;
            entry.Trials.Clear();
            return Task.FromResult(true);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListAsync(string? after = null, int limit = StudyRecords.DefaultListLimit, CancellationToken cancellationToken = default)
    {
        StudyRecords.ValidateList(after, limit);
        lock (_lock)
        {
            var start = 0;
            if (after is not null)
            {
                start = _studies.TryGetValue(after, out var entry) ? entry.Position + 1 : throw StudyRecords.UnknownAfter(after);
            }

            return Task.FromResult<IReadOnlyList<string>>([.. _byPosition.Skip(start).Where(e => e.Header is not null).Take(limit).Select(e => e.StudyId)]);
        }
    }

    /// <summary>Throws unless the stored version (0 for a missing or deleted study) is <paramref name="expectedVersion"/>.</summary>
    private static void Check(string studyId, Entry? entry, long expectedVersion)
    {
        var exists = entry?.Header is not null;
        var stored = exists ? entry!.Version : 0;
        if (stored != expectedVersion)
        {
            throw new StudyVersionConflictException(studyId, expectedVersion, exists ? stored : null);
        }
    }

    /// <summary>One study id's record; a deleted study keeps its entry (no header, no trials) and its version.</summary>
    private sealed class Entry(string studyId, int position)
    {
        public string StudyId { get; } = studyId;

        /// <summary>The entry's index in the order of first writes.</summary>
        public int Position { get; } = position;

        public long Version { get; set; }

        public byte[]? Header { get; set; }

        public SortedDictionary<int, byte[]> Trials { get; } = [];
    }
}

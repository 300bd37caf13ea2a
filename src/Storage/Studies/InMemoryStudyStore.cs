namespace HyperTune.Storage.Studies;

/// <summary>Studies in memory (the <c>memory</c> provider): nothing survives the process.</summary>
public sealed class InMemoryStudyStore : IStudyStore
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, (long Version, byte[] Header, SortedDictionary<int, byte[]> Trials)> _studies = new(StringComparer.Ordinal);
    private readonly List<string> _order = [];

    /// <inheritdoc />
    public Task<StoredStudy?> ReadAsync(string studyId, CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult(_studies.TryGetValue(studyId, out var study)
                ? new StoredStudy(study.Version, study.Header, [.. study.Trials.Select(t => new StoredStudyTrial(t.Key, t.Value))])
                : null);
        }
    }

    /// <inheritdoc />
    public Task<long> WriteAsync(string studyId, StudyWrite write, long expectedVersion, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(studyId);
        ArgumentNullException.ThrowIfNull(write);
        lock (_lock)
        {
            var exists = _studies.TryGetValue(studyId, out var study);
            var stored = exists ? study.Version : 0;
            if (stored != expectedVersion)
            {
                throw new StudyVersionConflictException($"Study {studyId} is at version {stored}, not {expectedVersion}.");
            }

            if (!exists)
            {
                if (write.Header is null)
                {
                    throw new ArgumentException("The first write of a study must have its header.", nameof(write));
                }

                study = (0, write.Header, []);
                _order.Add(studyId);
            }

            foreach (var trial in write.Trials)
            {
                study.Trials[trial.Number] = trial.Payload;
            }

            study = (stored + 1, write.Header ?? study.Header, study.Trials);
            _studies[studyId] = study;
            return Task.FromResult(study.Version);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            return Task.FromResult<IReadOnlyList<string>>([.. _order]);
        }
    }
}

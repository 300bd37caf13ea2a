using System.Globalization;

namespace HyperTune.Storage.Studies;

/// <summary>What every <see cref="IStudyStore"/> accepts, and the checks they share.</summary>
public static class StudyRecords
{
    /// <summary>The longest study id, in UTF-16 characters.</summary>
    public const int MaxStudyIdLength = 256;

    /// <summary>The most bytes one write may carry: its header and payloads together (256 MiB).</summary>
    public const long MaxWriteBytes = 256L * 1024 * 1024;

    /// <summary>The page size of <see cref="IStudyStore.ListAsync"/> when none is given.</summary>
    public const int DefaultListLimit = 1_000;

    /// <summary>The largest page <see cref="IStudyStore.ListAsync"/> returns.</summary>
    public const int MaxListLimit = 10_000;

    /// <summary>
    /// Throws unless <paramref name="studyId"/> is 1 to <see cref="MaxStudyIdLength"/> characters, not all white space,
    /// without control characters or unpaired surrogates (which no database stores as given).
    /// </summary>
    public static void ValidateStudyId(string studyId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(studyId);
        if (studyId.Length > MaxStudyIdLength)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"A study id has at most {MaxStudyIdLength} characters; this one has {studyId.Length}."), nameof(studyId));
        }

        for (var i = 0; i < studyId.Length; i++)
        {
            var c = studyId[i];
            if (char.IsControl(c))
            {
                throw new ArgumentException("A study id holds no control characters.", nameof(studyId));
            }

            if (char.IsHighSurrogate(c) && i + 1 < studyId.Length && char.IsLowSurrogate(studyId[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                throw new ArgumentException("A study id holds no unpaired surrogate characters.", nameof(studyId));
            }
        }
    }

    /// <summary>Throws unless <paramref name="expectedVersion"/> is 0 or more.</summary>
    public static void ValidateExpectedVersion(long expectedVersion) =>
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);

    /// <summary>
    /// Throws unless <paramref name="write"/> can be stored with <paramref name="expectedVersion"/>: a creation has a
    /// header, trial numbers are 0 or more, no payload is null, and the bytes stay within <see cref="MaxWriteBytes"/>.
    /// </summary>
    /// <returns>The trial rows to write: each number once, with the payload it was given last.</returns>
    public static IReadOnlyList<StoredStudyTrial> Validate(StudyWrite write, long expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentNullException.ThrowIfNull(write.Trials, nameof(write));
        ValidateExpectedVersion(expectedVersion);
        if (expectedVersion == 0 && write.Header is null)
        {
            throw new ArgumentException("A write that creates a study (expected version 0) must carry its header.", nameof(write));
        }

        long bytes = write.Header?.Length ?? 0;
        var duplicates = false;
        HashSet<int>? numbers = write.Trials.Count > 1 ? new HashSet<int>(write.Trials.Count) : null;
        foreach (var trial in write.Trials)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(trial.Number, nameof(write));
            if (trial.Payload is null)
            {
                throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Trial {trial.Number} has no payload."), nameof(write));
            }

            bytes += trial.Payload.Length;
            duplicates |= numbers is not null && !numbers.Add(trial.Number);
        }

        if (bytes > MaxWriteBytes)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"A study write carries at most {MaxWriteBytes} bytes; this one carries {bytes}."), nameof(write));
        }

        if (!duplicates)
        {
            return write.Trials;
        }

        var last = new Dictionary<int, int>(write.Trials.Count);
        for (var i = 0; i < write.Trials.Count; i++)
        {
            last[write.Trials[i].Number] = i;
        }

        return [.. write.Trials.Where((trial, i) => last[trial.Number] == i)];
    }

    /// <summary>Throws unless <paramref name="after"/> is null or a valid id and <paramref name="limit"/> within 1 and <see cref="MaxListLimit"/>.</summary>
    public static void ValidateList(string? after, int limit)
    {
        if (after is not null)
        {
            ValidateStudyId(after);
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(limit, MaxListLimit);
    }

    /// <summary>The error of a <see cref="IStudyStore.ListAsync"/> whose <c>after</c> names no study.</summary>
    internal static ArgumentException UnknownAfter(string after) =>
        new($"No study '{after}' was ever written, so no page starts after it.", nameof(after));
}

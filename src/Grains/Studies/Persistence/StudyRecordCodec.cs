using HyperTune.Storage.Studies;
using Orleans.Serialization;

namespace HyperTune.Grains.Studies.Persistence;

/// <summary>
/// Turns a study's header and trial rows into the store's byte payloads and back, with Orleans' binary serializer
/// (version tolerant: fields are added, never renumbered).
/// </summary>
public sealed class StudyRecordCodec(Serializer serializer)
{
    /// <summary>The store's form of a write.</summary>
    public StudyWrite Encode(StudyWriteSet write)
    {
        ArgumentNullException.ThrowIfNull(write);
        return new StudyWrite(
            serializer.SerializeToArray(write.Header),
            [.. write.Trials.Select(row => new StoredStudyTrial(row.Snapshot.Number, serializer.SerializeToArray(row)))]);
    }

    /// <summary>The header and rows of a stored study.</summary>
    public (StudyHeader Header, IReadOnlyList<StudyTrialRow> Trials) Decode(StoredStudy stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var header = serializer.Deserialize<StudyHeader>(stored.Header) ?? throw new InvalidDataException("The study's stored header is empty.");
        return (header, [.. stored.Trials.Select(t => serializer.Deserialize<StudyTrialRow>(t.Payload) ?? throw new InvalidDataException($"The study's row of trial {t.Number} is empty."))]);
    }
}

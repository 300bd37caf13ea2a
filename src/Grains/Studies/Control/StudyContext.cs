using HyperTune.Grains.Studies.Ledger;
using HyperTune.Grains.Studies.Persistence;
using HyperTune.Grains.Studies.Searching;
using HyperTune.Search.Specs;
using Microsoft.Extensions.Logging;

namespace HyperTune.Grains.Studies.Control;

/// <summary>What the parts of a study's core share: its header, spec, ledger, search, clock, options and effect sink.</summary>
internal sealed class StudyContext(string studyId, StudyOptions options, StudyRecoveryOptions recovery, TimeProvider time, ILogger logger)
{
    public string StudyId { get; } = studyId;

    public StudyOptions Options { get; } = options;

    public StudyRecoveryOptions Recovery { get; } = recovery;

    public TimeProvider Time { get; } = time;

    public ILogger Logger { get; } = logger;

    public StudyHeader Header { get; set; } = new();

    public StudySpec? Spec { get; set; }

    public StudyLedger Ledger { get; set; } = new(null);

    public StudySearch? Search { get; set; }

    public EffectSink Effects { get; } = new();

    /// <summary>True when the header changed since it was last written.</summary>
    public bool HeaderDirty { get; set; }

    public DateTimeOffset Now => Time.GetUtcNow();

    /// <summary>True while the study starts trials (running, with its search under way).</summary>
    public bool IsRunning => Header.State == Abstractions.Studies.StudyState.Running;
}

using System.Collections.Immutable;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;

namespace HyperTune.Bench;

/// <summary>A benchmark study that ran to its end: its wall time, final status, trials and history.</summary>
internal sealed record StudyRun(string StudyId, TimeSpan Wall, StudySnapshot Status, ImmutableArray<TrialSnapshot> Trials, StudyHistory History);

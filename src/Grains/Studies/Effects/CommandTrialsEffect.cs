using System.Collections.Immutable;
using HyperTune.Grains.Studies.Commands;

namespace HyperTune.Grains.Studies.Effects;

/// <summary>
/// Send one command to each of <paramref name="TrialIds"/>, in parallel. With <paramref name="ReportBack"/>, each
/// answer goes back to the core (<c>StudyController.OnCommandReturned</c>); otherwise refusals are only logged.
/// </summary>
public sealed record CommandTrialsEffect(ImmutableArray<string> TrialIds, TrialCommand Command, bool ReportBack = false) : StudyEffect;

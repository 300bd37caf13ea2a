using HyperTune.Abstractions.Studies;
using HyperTune.Coordinator.Api;

namespace HyperTune.Coordinator.Export;

/// <summary>A study with every trial and its history: the JSON export.</summary>
/// <param name="Study">The study.</param>
/// <param name="Trials">Each trial with its history, by number.</param>
public sealed record StudyExport(StudySnapshot Study, IReadOnlyList<TrialDetails> Trials);

using System.Collections.Immutable;
using HyperTune.Abstractions.Studies;
using HyperTune.Search.Specs;
using Orleans.Concurrency;

namespace HyperTune.Grains.Studies;

/// <summary>
/// Checks study specs and datasets on the silo that receives the call (<see cref="IDatasetProbeGrain"/>); a thin shell
/// over <see cref="StudySpecChecker"/>, whose file reading runs on the thread pool.
/// </summary>
[StatelessWorker]
public sealed class DatasetProbeGrain(StudySpecChecker checker) : Grain, IDatasetProbeGrain
{
    /// <inheritdoc />
    public async Task<ImmutableArray<SpecProblem>> CheckStudySpecAsync(string specJson) =>
        ToProblems(await checker.CheckAsync(specJson ?? string.Empty));

    /// <inheritdoc />
    public async Task<ImmutableArray<SpecProblem>> ProbeDatasetAsync(DatasetSpec dataset) =>
        ToProblems((await checker.ProbeAsync(dataset ?? new DatasetSpec())).Problems);

    private static ImmutableArray<SpecProblem> ToProblems(IReadOnlyList<SpecError> errors) =>
        [.. errors.Select(e => new SpecProblem(e.Path, e.Message))];
}

using HyperTune.Grains.Limits;
using HyperTune.Search.Limits;
using HyperTune.Search.Specs;
using HyperTune.Training.Datasets;

namespace HyperTune.Grains.Studies;

/// <summary>
/// Checks a study spec on this silo before it is accepted: the spec itself (<see cref="StudySpecParser"/>), its dataset
/// read like a trial reads it (<see cref="DatasetCatalog.Probe"/>: confined to the data roots, bounded, every cell
/// checked) and the silo's limits (<see cref="StudySpecLimitsValidator"/>, with the dataset's real shape). The file
/// reading runs on the thread pool, never in a grain turn; a study core can await <see cref="CheckAsync(StudySpec)"/>
/// from its grain. A spec of the synthetic trainable loads no data: its dataset is not read.
/// </summary>
public sealed class StudySpecChecker(DatasetCatalog datasets, SiloLimits limits)
{
    /// <summary>The limits checked.</summary>
    public StudyLimits Limits => limits.Current;

    /// <summary>Every problem of the spec's JSON text; empty when it can run.</summary>
    public async Task<IReadOnlyList<SpecError>> CheckAsync(string specJson)
    {
        var parsed = StudySpecParser.Parse(specJson ?? string.Empty);
        return parsed.IsValid ? await CheckAsync(parsed.Spec).ConfigureAwait(false) : parsed.Errors;
    }

    /// <summary>Every problem of a parsed, valid spec with its data and this silo's limits; empty when it can run.</summary>
    public async Task<IReadOnlyList<SpecError>> CheckAsync(StudySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var (shape, dataProblems) = spec.Trainable.IsSynthetic ? (null, []) : await ProbeAsync(spec.Dataset).ConfigureAwait(false);
        return [.. dataProblems, .. StudySpecLimitsValidator.Validate(spec, limits.Current, shape)];
    }

    /// <summary>The dataset's shape, or the problems of reading it, on the thread pool.</summary>
    public Task<(DatasetShape? Shape, IReadOnlyList<SpecError> Problems)> ProbeAsync(DatasetSpec dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return Task.Run<(DatasetShape?, IReadOnlyList<SpecError>)>(() =>
        {
            try
            {
                return (datasets.Probe(dataset), []);
            }
            catch (DatasetFormatException e)
            {
                return (null, [new SpecError(FieldOf(e, dataset), $"{e.Location}: {e.Detail}")]);
            }
            catch (ArgumentException e)
            {
                var message = e.ParamName is null ? e.Message : e.Message.Replace($" (Parameter '{e.ParamName}')", string.Empty, StringComparison.Ordinal);
                return (null, [new SpecError("$.dataset", message)]);
            }
        });
    }

    private static string FieldOf(DatasetFormatException e, DatasetSpec dataset) =>
        string.Equals(e.FilePath, dataset.Path, StringComparison.Ordinal) || dataset.ValidationPath is null
            ? "$.dataset.path"
            : string.Equals(e.FilePath, dataset.ValidationPath, StringComparison.Ordinal) ? "$.dataset.validation_path" : "$.dataset";
}

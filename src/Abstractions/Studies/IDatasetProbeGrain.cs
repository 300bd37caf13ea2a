using System.Collections.Immutable;
using HyperTune.Search.Specs;

namespace HyperTune.Abstractions.Studies;

/// <summary>
/// Checks study specs on a silo, where the data and the limits are: a stateless worker (key 0) that runs on the silo
/// that receives the call. It reads a csv dataset like a trial would — inside the silo's data roots, within its size
/// limit — and refuses what a trial would fail on, and it checks the spec against the silo's limits
/// (<c>HyperTune:Limits</c>), so a spec is refused at once with every problem instead of failing trial after trial.
/// </summary>
public interface IDatasetProbeGrain : IGrainWithIntegerKey
{
    /// <summary>
    /// Every problem of a study spec, each with the JSON path of its field: the spec's own (as
    /// <see cref="IStudyGrain.StartAsync"/> finds them), its data's (a csv file that is missing, outside the data
    /// directory, too large or malformed: <c>file, line L, column C ('name')</c>) and the limits it exceeds. Empty when
    /// the spec can run. At most about a hundred problems are listed; a last one at <c>$</c> counts the rest.
    /// </summary>
    [ResponseTimeout("00:02:00")]
    Task<ImmutableArray<SpecProblem>> CheckStudySpecAsync(string specJson);

    /// <summary>The problems of reading a dataset on this silo (the data alone, no limits); empty when it reads.</summary>
    [ResponseTimeout("00:02:00")]
    Task<ImmutableArray<SpecProblem>> ProbeDatasetAsync(DatasetSpec dataset);
}

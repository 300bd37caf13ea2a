using HyperTune.Search.Specs;

namespace HyperTune.Search.Algorithms;

/// <summary>
/// One kind of searcher or scheduler as a spec names it (<c>"kind": "random"</c>): it checks the options and whatever
/// else of the spec the algorithm depends on. Searchers extend it with <see cref="Searchers.ISearcherProvider"/>;
/// schedulers with <see cref="Schedulers.ISchedulerProvider"/>. Register providers in an <see cref="AlgorithmRegistry"/>.
/// </summary>
public interface IAlgorithmProvider
{
    /// <summary>The kind name, lower-case, e.g. <c>random</c>, <c>grid</c>, <c>none</c>.</summary>
    string Kind { get; }

    /// <summary>
    /// Every problem of the spec for this algorithm: its options (paths under <c>$.searcher</c> or <c>$.scheduler</c>)
    /// and any requirement on the rest of the spec (such as grid search needing listed values).
    /// </summary>
    IEnumerable<SpecError> Validate(StudySpec spec);
}

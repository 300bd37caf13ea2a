using HyperTune.Search.Specs;

namespace HyperTune.Search.Algorithms;

/// <summary>
/// The usual shape of a provider, shared by <see cref="Searchers.SearcherProvider{TOptions}"/> and
/// <see cref="Schedulers.SchedulerProvider{TOptions}"/>: binds the options of its section of the spec to
/// <typeparamref name="TOptions"/>, then lets the algorithm check the rest of the spec.
/// </summary>
/// <typeparam name="TOptions">The algorithm's options class: settable properties with documented defaults and data annotations.</typeparam>
public abstract class AlgorithmProvider<TOptions> : IAlgorithmProvider
    where TOptions : class, new()
{
    private readonly AlgorithmSection _section;

    private protected AlgorithmProvider(AlgorithmSection section) => _section = section;

    /// <inheritdoc />
    public abstract string Kind { get; }

    /// <inheritdoc />
    public IEnumerable<SpecError> Validate(StudySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new List<SpecError>();
        var options = _section.OptionsOf(spec).Bind<TOptions>(_section.Path, errors);
        if (options is not null)
        {
            errors.AddRange(Validate(spec, options));
        }

        return errors;
    }

    /// <summary>The algorithm's requirements on the rest of the spec; none by default.</summary>
    protected virtual IEnumerable<SpecError> Validate(StudySpec spec, TOptions options) => [];

    /// <summary>The bound, valid options of <paramref name="spec"/>, checked together with <paramref name="moreErrors"/>.</summary>
    /// <exception cref="StudySpecException">An option, the rest of the spec, or <paramref name="moreErrors"/> has a problem.</exception>
    private protected TOptions ValidOptions(StudySpec spec, IEnumerable<SpecError> moreErrors)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new List<SpecError>();
        var options = _section.OptionsOf(spec).Bind<TOptions>(_section.Path, errors);
        errors.AddRange(moreErrors);
        if (options is not null)
        {
            errors.AddRange(Validate(spec, options));
        }

        return errors.Count > 0 ? throw new StudySpecException(errors) : options!;
    }
}

using HyperTune.Search.Specs;

namespace HyperTune.Search.Searchers;

/// <summary>
/// The usual shape of an <see cref="ISearcherProvider"/>: binds <c>$.searcher</c> options to
/// <typeparamref name="TOptions"/>, then lets the searcher check the rest of the spec and create itself.
/// </summary>
/// <typeparam name="TOptions">The searcher's options class: settable properties with documented defaults and data annotations.</typeparam>
public abstract class SearcherProvider<TOptions> : ISearcherProvider
    where TOptions : class, new()
{
    /// <summary>The path of searcher options in a spec.</summary>
    protected const string OptionsPath = "$.searcher";

    /// <inheritdoc />
    public abstract string Kind { get; }

    /// <inheritdoc />
    public IEnumerable<SpecError> Validate(StudySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new List<SpecError>();
        var options = spec.Searcher.Options.Bind<TOptions>(OptionsPath, errors);
        if (options is not null)
        {
            errors.AddRange(Validate(spec, options));
        }

        return errors;
    }

    /// <inheritdoc />
    public ISearcher Create(StudySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var errors = new List<SpecError>();
        var options = spec.Searcher.Options.Bind<TOptions>(OptionsPath, errors);
        errors.AddRange(spec.SearchSpace.Validate());
        if (options is not null)
        {
            errors.AddRange(Validate(spec, options));
        }

        return errors.Count > 0 ? throw new StudySpecException(errors) : Create(spec, options!);
    }

    /// <summary>The searcher's requirements on the rest of the spec; none by default.</summary>
    protected virtual IEnumerable<SpecError> Validate(StudySpec spec, TOptions options) => [];

    /// <summary>Creates the searcher from a spec and its bound, valid options.</summary>
    protected abstract ISearcher Create(StudySpec spec, TOptions options);
}

using HyperTune.Search.Algorithms;
using HyperTune.Search.Specs;

namespace HyperTune.Search.Schedulers;

/// <summary>The <c>none</c> scheduler: every trial runs to its last epoch. It takes no options.</summary>
public sealed class NoSchedulerProvider : IAlgorithmProvider
{
    /// <summary>The kind name.</summary>
    public const string KindName = "none";

    /// <inheritdoc />
    public string Kind => KindName;

    /// <inheritdoc />
    public IEnumerable<SpecError> Validate(StudySpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        return spec.Scheduler.Options.Keys.Select(name => new SpecError(
            JsonPaths.Property("$.scheduler", name), "is not an option; the none scheduler takes none"));
    }
}

using System.Globalization;
using HyperTune.Search;
using HyperTune.Search.Specs;

namespace HyperTune.Training.Datasets;

/// <summary>Checks of the <see cref="DatasetSpec"/> fields that sources share; each throws an <see cref="ArgumentException"/> naming the field.</summary>
internal static class SpecChecks
{
    /// <summary>The largest number of synthetic samples.</summary>
    public const int MaxSamples = DatasetSpecBounds.MaxSamples;

    /// <summary>The largest number of synthetic classes.</summary>
    public const int MaxClasses = DatasetSpecBounds.MaxClasses;

    /// <summary>The largest number of synthetic features.</summary>
    public const int MaxFeatures = DatasetSpecBounds.MaxFeatures;

    /// <summary>The largest validation fraction.</summary>
    public const double MaxValidationFraction = 0.9;

    /// <summary>Checks that the spec is of the source's kind.</summary>
    public static void Kind(IDatasetSource source, DatasetSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        if (!string.Equals(spec.Kind, source.Kind, StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"The '{source.Kind}' source cannot load a dataset of kind '{spec.Kind}'.", nameof(spec));
        }
    }

    /// <summary>Checks that the spec asks for no task or for the one the kind implies.</summary>
    public static void ImpliedTask(DatasetSpec spec, TaskKind implied)
    {
        if (spec.Task is { } task && task != implied)
        {
            throw new ArgumentException($"The '{spec.Kind}' dataset is a {implied} task; the spec asks for {task}.", nameof(spec));
        }
    }

    /// <summary>Checks that the validation fraction is in (0, 0.9].</summary>
    public static void ValidationFraction(DatasetSpec spec)
    {
        if (!(spec.ValidationFraction > 0 && spec.ValidationFraction <= MaxValidationFraction))
        {
            throw Invalid($"ValidationFraction must be greater than 0 and at most {MaxValidationFraction}, not {spec.ValidationFraction}.");
        }
    }

    /// <summary>Checks that the sample count is in [<paramref name="min"/>, 10,000,000].</summary>
    public static void Samples(DatasetSpec spec, int min)
    {
        if (spec.Samples < min || spec.Samples > MaxSamples)
        {
            throw Invalid($"Samples must be between {min} and {MaxSamples} for '{spec.Kind}', not {spec.Samples}.");
        }
    }

    /// <summary>Checks that the class count is in [2, 100].</summary>
    public static void Classes(DatasetSpec spec)
    {
        if (spec.Classes < 2 || spec.Classes > MaxClasses)
        {
            throw Invalid($"Classes must be between 2 and {MaxClasses} for '{spec.Kind}', not {spec.Classes}.");
        }
    }

    /// <summary>Returns the feature count: the spec's, or <paramref name="defaultCount"/> when it is 0; checks it is in [<paramref name="min"/>, 1000].</summary>
    public static int Features(DatasetSpec spec, int defaultCount, int min)
    {
        var count = spec.Features == 0 ? defaultCount : spec.Features;
        if (count < min || count > MaxFeatures)
        {
            throw Invalid($"Features must be 0 (default {defaultCount}) or between {min} and {MaxFeatures} for '{spec.Kind}', not {spec.Features}.");
        }

        return count;
    }

    /// <summary>Checks that the noise level is finite and not negative.</summary>
    public static void Noise(DatasetSpec spec)
    {
        if (!double.IsFinite(spec.Noise) || spec.Noise < 0)
        {
            throw Invalid($"Noise must be a finite number of at least 0, not {spec.Noise}.");
        }
    }

    private static ArgumentException Invalid(FormattableString message) =>
        new(message.ToString(CultureInfo.InvariantCulture), "spec");
}

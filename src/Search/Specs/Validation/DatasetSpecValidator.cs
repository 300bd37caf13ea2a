using System.Globalization;

namespace HyperTune.Search.Specs.Validation;

/// <summary>Checks <c>$.dataset</c>.</summary>
internal static class DatasetSpecValidator
{
    private const string Path = "$.dataset";

    public static IEnumerable<SpecError> Validate(DatasetSpec dataset)
    {
        if (!DatasetKinds.All.Contains(dataset.Kind, StringComparer.Ordinal))
        {
            yield return new SpecError(
                JsonPaths.Property(Path, "kind"),
                $"unknown dataset kind '{SpecText.Shorten(dataset.Kind)}'{Suggestions.DidYouMean(dataset.Kind, DatasetKinds.All)}; known kinds: {string.Join(", ", DatasetKinds.All)}");
        }

        if (dataset.Kind == DatasetKinds.Csv)
        {
            if (DatasetPathRules.Check(dataset.Path) is { } pathProblem)
            {
                yield return new SpecError(JsonPaths.Property(Path, "path"), pathProblem);
            }

            if (!string.IsNullOrWhiteSpace(dataset.ValidationPath) && DatasetPathRules.Check(dataset.ValidationPath) is { } validationProblem)
            {
                yield return new SpecError(JsonPaths.Property(Path, "validation_path"), validationProblem);
            }

            if (string.IsNullOrWhiteSpace(dataset.LabelColumn))
            {
                yield return new SpecError(JsonPaths.Property(Path, "label_column"), "is required for a csv dataset");
            }
        }
        else if (dataset.Task is { } task && task != dataset.ResolveTask())
        {
            yield return new SpecError(
                JsonPaths.Property(Path, "task"),
                $"the {dataset.Kind} dataset is {JsonNames.Of(dataset.ResolveTask())}, not {JsonNames.Of(task)}; leave task out");
        }

        if (!(dataset.ValidationFraction > 0 && dataset.ValidationFraction <= 0.9))
        {
            yield return new SpecError(
                JsonPaths.Property(Path, "validation_fraction"),
                string.Create(CultureInfo.InvariantCulture, $"must be greater than 0 and at most 0.9, not {dataset.ValidationFraction}"));
        }

        if (dataset.Samples < 1 || dataset.Samples > DatasetSpecBounds.MaxSamples)
        {
            yield return new SpecError(JsonPaths.Property(Path, "samples"), string.Create(CultureInfo.InvariantCulture, $"must be from 1 to {DatasetSpecBounds.MaxSamples:N0}, not {dataset.Samples:N0}"));
        }

        if (!(dataset.Noise >= 0) || !double.IsFinite(dataset.Noise))
        {
            yield return new SpecError(JsonPaths.Property(Path, "noise"), string.Create(CultureInfo.InvariantCulture, $"must be a finite number of at least 0, not {dataset.Noise}"));
        }

        if (dataset.Classes < 2 || dataset.Classes > DatasetSpecBounds.MaxClasses)
        {
            yield return new SpecError(JsonPaths.Property(Path, "classes"), string.Create(CultureInfo.InvariantCulture, $"must be from 2 to {DatasetSpecBounds.MaxClasses}, not {dataset.Classes:N0}"));
        }

        if (dataset.Features < 0 || dataset.Features > DatasetSpecBounds.MaxFeatures)
        {
            yield return new SpecError(JsonPaths.Property(Path, "features"), string.Create(CultureInfo.InvariantCulture, $"must be from 0 (the kind's default) to {DatasetSpecBounds.MaxFeatures:N0}, not {dataset.Features:N0}"));
        }

        if (!Enum.IsDefined(dataset.MissingValues))
        {
            yield return new SpecError(JsonPaths.Property(Path, "missing_values"), $"must be one of {string.Join(", ", JsonNames.All<MissingValuePolicy>())}");
        }
    }
}

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
                $"unknown dataset kind '{dataset.Kind}'{Suggestions.DidYouMean(dataset.Kind, DatasetKinds.All)}; known kinds: {string.Join(", ", DatasetKinds.All)}");
        }

        if (dataset.Kind == DatasetKinds.Csv)
        {
            if (string.IsNullOrWhiteSpace(dataset.Path))
            {
                yield return new SpecError(JsonPaths.Property(Path, "path"), "is required for a csv dataset");
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

        if (dataset.Samples < 1)
        {
            yield return new SpecError(JsonPaths.Property(Path, "samples"), string.Create(CultureInfo.InvariantCulture, $"must be at least 1, not {dataset.Samples}"));
        }

        if (!(dataset.Noise >= 0) || !double.IsFinite(dataset.Noise))
        {
            yield return new SpecError(JsonPaths.Property(Path, "noise"), string.Create(CultureInfo.InvariantCulture, $"must be a finite number of at least 0, not {dataset.Noise}"));
        }

        if (dataset.Classes < 2)
        {
            yield return new SpecError(JsonPaths.Property(Path, "classes"), string.Create(CultureInfo.InvariantCulture, $"must be at least 2, not {dataset.Classes}"));
        }

        if (dataset.Features < 0)
        {
            yield return new SpecError(JsonPaths.Property(Path, "features"), string.Create(CultureInfo.InvariantCulture, $"must be at least 0 (0 picks the kind's default), not {dataset.Features}"));
        }

        if (!Enum.IsDefined(dataset.MissingValues))
        {
            yield return new SpecError(JsonPaths.Property(Path, "missing_values"), $"must be one of {string.Join(", ", JsonNames.All<MissingValuePolicy>())}");
        }
    }
}

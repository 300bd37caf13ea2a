using System.Globalization;

namespace HyperTune.Search.Specs.Validation;

/// <summary>Checks <c>$.trainable</c>, and what the synthetic trainable cannot do.</summary>
internal static class TrainableSpecValidator
{
    private const string Path = "$.trainable";

    public static IEnumerable<SpecError> Validate(StudySpec spec)
    {
        var trainable = spec.Trainable;
        if (!TrainableKinds.All.Contains(trainable.Kind, StringComparer.Ordinal))
        {
            yield return new SpecError(
                JsonPaths.Property(Path, "kind"),
                $"unknown trainable kind '{trainable.Kind}'{Suggestions.DidYouMean(trainable.Kind, TrainableKinds.All)}; known kinds: {string.Join(", ", TrainableKinds.All)}");
            yield break;
        }

        if (trainable.SecondsPerEpoch is { } seconds)
        {
            if (!trainable.IsSynthetic)
            {
                yield return new SpecError(JsonPaths.Property(Path, "seconds_per_epoch"), $"applies only to the {TrainableKinds.Synthetic} trainable, not to {trainable.Kind}");
            }
            else if (!(seconds >= 0 && seconds <= TrainableSpec.MaxSecondsPerEpoch))
            {
                yield return new SpecError(
                    JsonPaths.Property(Path, "seconds_per_epoch"),
                    string.Create(CultureInfo.InvariantCulture, $"must be at least 0 (0: as fast as possible) and at most {TrainableSpec.MaxSecondsPerEpoch}, not {seconds}"));
            }
        }

        if (trainable.IsSynthetic && spec.LearningRateRangeTest is not null)
        {
            yield return new SpecError("$.lr_range_test", $"needs the {TrainableKinds.Mlp} trainable: the {TrainableKinds.Synthetic} trainable has no learning-rate range test");
        }
    }
}

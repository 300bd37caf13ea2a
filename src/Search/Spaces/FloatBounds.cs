using HyperTune.Search.Specs;
using HyperTune.Search.Values;

namespace HyperTune.Search.Spaces;

/// <summary>The bound checks shared by the continuous domains.</summary>
internal static class FloatBounds
{
    /// <summary>Low and high finite, low &lt; high, and low &gt; 0 on a log scale.</summary>
    public static IEnumerable<SpecError> Validate(string path, double low, double high, bool log)
    {
        var lowPath = JsonPaths.Property(path, "low");
        var highPath = JsonPaths.Property(path, "high");
        if (!double.IsFinite(low))
        {
            yield return new SpecError(lowPath, "must be a finite number");
        }
        else if (log && low <= 0)
        {
            yield return new SpecError(lowPath, $"must be greater than 0 on a log scale, not {ParameterValue.Of(low)}");
        }

        if (!double.IsFinite(high))
        {
            yield return new SpecError(highPath, "must be a finite number");
        }

        if (double.IsFinite(low) && double.IsFinite(high) && low >= high)
        {
            yield return new SpecError(lowPath, $"must be less than high ({ParameterValue.Of(high)}), not {ParameterValue.Of(low)}");
        }
    }
}

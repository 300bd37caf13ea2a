using System.Globalization;

namespace HyperTune.Abstractions.Trials;

/// <summary>Trial ids: <c>{studyId}-{number:D4}</c>, safe in URLs and file names.</summary>
public static class TrialIds
{
    /// <summary>The id of trial <paramref name="number"/> (1-based) of <paramref name="studyId"/>.</summary>
    public static string Of(string studyId, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"{studyId}-{number:D4}");
}

using System.Security.Cryptography;
using System.Text;

namespace HyperTune.Coordinator.Api;

/// <summary>
/// Study, trial and range test ids as the API accepts them. A study id is 1 to 64 letters, digits, <c>-</c> or <c>_</c>;
/// a trial id is <c>{studyId}-{number}</c>, so its study is everything before the last <c>-</c>; a range test id has
/// a study id's form (a study's test has its study's id).
/// </summary>
internal static class ResourceIds
{
    /// <summary>The longest study id.</summary>
    public const int MaxStudyIdLength = 64;

    private const int SuffixLength = 8;

    /// <summary>What a study id may hold, for messages.</summary>
    public const string StudyIdRule = "A study id is 1 to 64 letters, digits, '-' or '_'.";

    /// <summary>What a learning-rate range test id may hold, for messages (a study's test has the study's id).</summary>
    public const string RangeTestIdRule = "A range test id is 1 to 64 letters, digits, '-' or '_'.";

    /// <summary>The prefix of generated range test ids.</summary>
    public const string RangeTestIdPrefix = "lrt-";

    /// <summary>True when <paramref name="id"/> is a well-formed study id.</summary>
    public static bool IsStudyId(string? id) =>
        id is { Length: > 0 and <= MaxStudyIdLength } && id.All(IsIdChar);

    /// <summary>True when <paramref name="id"/> is a well-formed range test id: the same form as a study id.</summary>
    public static bool IsRangeTestId(string? id) => IsStudyId(id);

    /// <summary>True when <paramref name="id"/> is a well-formed trial id: a study id, '-', and a number.</summary>
    public static bool IsTrialId(string? id)
    {
        var dash = id?.LastIndexOf('-') ?? -1;
        return dash > 0 && dash < id!.Length - 1 && IsStudyId(id[..dash]) && id[(dash + 1)..].All(char.IsAsciiDigit);
    }

    /// <summary>A new study id for a spec named <paramref name="name"/>: the name made safe, '-', 8 random hex digits.</summary>
    public static string NewStudyId(string? name)
    {
        var safe = new StringBuilder();
        foreach (var c in name ?? string.Empty)
        {
            safe.Append(IsIdChar(c) ? c : '-');
        }

        var stem = safe.ToString().Trim('-');
        stem = stem.Length == 0 ? "study" : stem[..Math.Min(stem.Length, MaxStudyIdLength - SuffixLength - 1)];
        return stem + "-" + RandomNumberGenerator.GetHexString(SuffixLength, lowercase: true);
    }

    /// <summary>A new id for a range test on its own: <c>lrt-</c> and 8 random hex digits.</summary>
    public static string NewRangeTestId() => RangeTestIdPrefix + RandomNumberGenerator.GetHexString(SuffixLength, lowercase: true);

    private static bool IsIdChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}

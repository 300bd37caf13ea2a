using System.Security.Cryptography;
using System.Text;

namespace HyperTune.Coordinator.Api;

/// <summary>
/// Study and trial ids as the API accepts them. A study id is 1 to 64 letters, digits, <c>-</c> or <c>_</c>; a trial id
/// is <c>{studyId}-{number}</c>, so its study is everything before the last <c>-</c>.
/// </summary>
internal static class ResourceIds
{
    /// <summary>The longest study id.</summary>
    public const int MaxStudyIdLength = 64;

    private const int SuffixLength = 8;

    /// <summary>What a study id may hold, for messages.</summary>
    public const string StudyIdRule = "A study id is 1 to 64 letters, digits, '-' or '_'.";

    /// <summary>True when <paramref name="id"/> is a well-formed study id.</summary>
    public static bool IsStudyId(string? id) =>
        id is { Length: > 0 and <= MaxStudyIdLength } && id.All(IsIdChar);

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

    private static bool IsIdChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';
}

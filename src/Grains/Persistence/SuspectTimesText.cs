using System.Globalization;

namespace HyperTune.Grains.Persistence;

/// <summary>
/// A membership row's suspicions (which silo suspects it, since when) as one text column:
/// <c>silo,time|silo,time</c>, each silo in Orleans' parsable form and each time ISO 8601 in UTC — neither ever holds
/// a comma or a bar. Null stays null and an empty list stays empty, so a row reads back as it was written.
/// </summary>
internal static class SuspectTimesText
{
    private const char Separator = '|';
    private const char Pair = ',';

    public static string? Write(List<Tuple<SiloAddress, DateTime>>? suspectTimes) =>
        suspectTimes is null
            ? null
            : string.Join(Separator, suspectTimes.Select(s => string.Create(
                CultureInfo.InvariantCulture,
                $"{s.Item1.ToParsableString()}{Pair}{DateTime.SpecifyKind(s.Item2, DateTimeKind.Utc):O}")));

    public static List<Tuple<SiloAddress, DateTime>>? Read(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var result = new List<Tuple<SiloAddress, DateTime>>();
        foreach (var item in text.Split(Separator, StringSplitOptions.RemoveEmptyEntries))
        {
            var split = item.LastIndexOf(Pair);
            if (split <= 0
                || !DateTime.TryParse(item.AsSpan(split + 1), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time))
            {
                throw new FormatException($"A membership row holds an unreadable suspicion '{item}'.");
            }

            result.Add(Tuple.Create(SiloAddress.FromParsableString(item[..split]), DateTime.SpecifyKind(time, DateTimeKind.Utc)));
        }

        return result;
    }
}

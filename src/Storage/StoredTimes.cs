using System.Globalization;

namespace HyperTune.Storage;

/// <summary>How the SQLite stores write times: ISO 8601 in UTC, which sorts as text and reads back exactly.</summary>
internal static class StoredTimes
{
    public static string ToText(DateTimeOffset time) => time.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);

    public static DateTimeOffset FromText(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
}

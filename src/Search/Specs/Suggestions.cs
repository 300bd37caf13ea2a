namespace HyperTune.Search.Specs;

/// <summary>"Did you mean …?" for misspelt names.</summary>
internal static class Suggestions
{
    /// <summary>
    /// <c>; did you mean 'x'?</c> for the closest candidate within two edits, or an empty string. Candidates whose length
    /// differs by more than two are never within two edits and are skipped, so a huge name costs no more than a short one.
    /// </summary>
    public static string DidYouMean(string name, IEnumerable<string> candidates)
    {
        var best = candidates
            .Where(c => Math.Abs(c.Length - name.Length) <= 2)
            .Select(c => (Candidate: c, Distance: Distance(name, c)))
            .Where(c => c.Distance <= 2)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Candidate, StringComparer.Ordinal)
            .FirstOrDefault();
        return best.Candidate is null ? "" : $"; did you mean '{best.Candidate}'?";
    }

    private static int Distance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}

namespace HyperTune.Training.Datasets;

/// <summary>
/// Deterministic, seeded train/validation splits. Classification splits are stratified: each class is shuffled on
/// its own and contributes <c>round(fraction × n)</c> of its <c>n</c> rows to validation (at least one when it has
/// two or more rows, and never all of them), so every class keeps its share in both splits. Regression splits are a
/// plain seeded shuffle. The same labels, fraction and seed always give the same split.
/// </summary>
public static class StratifiedSplitter
{
    /// <summary>Splits classified rows, stratified by label.</summary>
    /// <param name="labels">Per row, its class (any values; classes are visited in ascending order).</param>
    /// <param name="validationFraction">The share held out, in (0, 1).</param>
    /// <param name="seed">Seed of the shuffles.</param>
    public static SplitIndices Split(ReadOnlySpan<long> labels, double validationFraction, int seed)
    {
        CheckFraction(validationFraction);
        var byClass = new SortedDictionary<long, List<int>>();
        for (var i = 0; i < labels.Length; i++)
        {
            if (!byClass.TryGetValue(labels[i], out var rows))
            {
                rows = [];
                byClass.Add(labels[i], rows);
            }

            rows.Add(i);
        }

        var random = new Random(seed);
        var train = new List<int>(labels.Length);
        var validation = new List<int>((int)Math.Ceiling(labels.Length * validationFraction) + byClass.Count);
        foreach (var rows in byClass.Values)
        {
            var shuffled = rows.ToArray();
            random.Shuffle(shuffled);
            var held = ValidationCount(shuffled.Length, validationFraction);
            validation.AddRange(shuffled.AsSpan(0, held));
            train.AddRange(shuffled.AsSpan(held));
        }

        return Sorted(train, validation);
    }

    /// <summary>Splits rows by a plain seeded shuffle (for regression).</summary>
    /// <param name="count">The number of rows.</param>
    /// <param name="validationFraction">The share held out, in (0, 1).</param>
    /// <param name="seed">Seed of the shuffle.</param>
    public static SplitIndices SplitShuffled(int count, double validationFraction, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        CheckFraction(validationFraction);
        var rows = new int[count];
        for (var i = 0; i < count; i++)
        {
            rows[i] = i;
        }

        new Random(seed).Shuffle(rows);
        var held = ValidationCount(count, validationFraction);
        return Sorted([.. rows.AsSpan(held)], [.. rows.AsSpan(0, held)]);
    }

    /// <summary>
    /// The number of a group's <paramref name="count"/> rows held out: <c>round(fraction × count)</c>, at least 1 and
    /// at most <c>count - 1</c> when the group has two or more rows, 0 for a single row.
    /// </summary>
    public static int ValidationCount(int count, double validationFraction)
    {
        if (count < 2)
        {
            return 0;
        }

        var held = (int)Math.Round(count * validationFraction, MidpointRounding.AwayFromZero);
        return Math.Clamp(held, 1, count - 1);
    }

    private static SplitIndices Sorted(List<int> train, List<int> validation)
    {
        var trainRows = train.ToArray();
        var validationRows = validation.ToArray();
        Array.Sort(trainRows);
        Array.Sort(validationRows);
        return new SplitIndices(trainRows, validationRows);
    }

    private static void CheckFraction(double validationFraction)
    {
        if (!(validationFraction > 0 && validationFraction < 1))
        {
            throw new ArgumentOutOfRangeException(
                nameof(validationFraction), validationFraction, "The validation fraction must be greater than 0 and less than 1.");
        }
    }
}

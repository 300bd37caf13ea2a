using System.Globalization;

namespace HyperTune.Training.Datasets;

/// <summary>
/// The order of class labels read from text: numerically when every label is a number (so <c>2</c> comes before
/// <c>10</c>), otherwise ordinally by string. A label keeps its exact original text as its class name.
/// </summary>
internal static class ClassLabelOrdering
{
    /// <summary>Sorts distinct labels into class-index order.</summary>
    public static string[] Order(IEnumerable<string> labels)
    {
        var sorted = labels.ToArray();
        var values = new double[sorted.Length];
        var numeric = true;
        for (var i = 0; i < sorted.Length && numeric; i++)
        {
            numeric = double.TryParse(sorted[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i])
                && double.IsFinite(values[i]);
        }

        if (numeric)
        {
            // Ties (such as "1" and "1.0") fall back to the ordinal order so the result never depends on input order.
            var order = Enumerable.Range(0, sorted.Length)
                .OrderBy(i => values[i])
                .ThenBy(i => sorted[i], StringComparer.Ordinal)
                .Select(i => sorted[i])
                .ToArray();
            return order;
        }

        Array.Sort(sorted, StringComparer.Ordinal);
        return sorted;
    }

    /// <summary>
    /// Turns the first-seen label ids of a table into class indices in <see cref="Order"/>: renumbers the table's
    /// labels in place, updates <paramref name="labelIds"/> to map each label's text to its class index, and returns
    /// the class names (index → text).
    /// </summary>
    public static string[] AssignClassIndices(SampleTable rows, Dictionary<string, int> labelIds)
    {
        var classNames = Order(labelIds.Keys);
        var classOfId = new long[classNames.Length];
        for (var index = 0; index < classNames.Length; index++)
        {
            classOfId[labelIds[classNames[index]]] = index;
            labelIds[classNames[index]] = index;
        }

        var labels = rows.Labels;
        for (var i = 0; i < labels.Length; i++)
        {
            labels[i] = classOfId[labels[i]];
        }

        return classNames;
    }
}

namespace HyperTune.Coordinator.Dashboard.Analysis;

/// <summary>Bounds how many marks a plot draws: the items that matter are always kept, an even sample of the rest fills up.</summary>
public static class Thinning
{
    /// <summary>
    /// At most <paramref name="max"/> of <paramref name="items"/> (more only when more of them must be kept), in their
    /// order: every item <paramref name="keep"/> says must stay, then every k-th of the others, evenly spread.
    /// </summary>
    public static IReadOnlyList<T> Sample<T>(IReadOnlyList<T> items, int max, Func<T, bool>? keep = null)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count <= max)
        {
            return items;
        }

        var kept = new bool[items.Count];
        var count = 0;
        if (keep is not null)
        {
            for (var i = 0; i < items.Count; i++)
            {
                if (keep(items[i]))
                {
                    kept[i] = true;
                    count++;
                }
            }
        }

        var others = items.Count - count;
        var room = Math.Max(0, max - count);
        if (room > 0 && others > 0)
        {
            var step = (double)others / room;
            var next = 0.0;
            var index = 0;
            for (var i = 0; i < items.Count && room > 0; i++)
            {
                if (kept[i])
                {
                    continue;
                }

                if (index >= next)
                {
                    kept[i] = true;
                    next += step;
                    room--;
                }

                index++;
            }
        }

        var result = new List<T>(Math.Min(items.Count, max + count));
        for (var i = 0; i < items.Count; i++)
        {
            if (kept[i])
            {
                result.Add(items[i]);
            }
        }

        return result;
    }
}

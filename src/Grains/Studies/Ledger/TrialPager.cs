using System.Collections.Immutable;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Search.Specs;

namespace HyperTune.Grains.Studies.Ledger;

/// <summary>
/// Cuts a page out of a study's trials. By number it walks the trials in order and stops at the page's end; by another
/// key it keeps only the best <c>offset + limit</c> in a bounded heap, so a page of a 100,000-trial study costs
/// O(n log(offset + limit)), never a full sort.
/// </summary>
internal static class TrialPager
{
    public static TrialPage Page(IReadOnlyList<LedgerTrial> byNumber, StudyCounts counts, TrialPageQuery query, ObjectiveSpec? objective)
    {
        ArgumentNullException.ThrowIfNull(query);
        var offset = Math.Max(0, query.Offset);
        var limit = Math.Clamp(query.Limit, 1, TrialPageQuery.MaxLimit);
        var states = query.States.IsDefaultOrEmpty ? null : query.States.ToHashSet();
        var total = states is null ? byNumber.Count : states.Sum(counts.Of);
        if (offset >= total)
        {
            return new TrialPage(total, []);
        }

        return query.Sort == TrialSortKey.Number
            ? new TrialPage(total, ByNumber(byNumber, states, offset, limit, query.Descending))
            : new TrialPage(total, ByKey(byNumber, states, offset, limit, Comparer(query, objective)));
    }

    private static ImmutableArray<TrialSnapshot> ByNumber(IReadOnlyList<LedgerTrial> byNumber, HashSet<TrialState>? states, int offset, int limit, bool descending)
    {
        var page = ImmutableArray.CreateBuilder<TrialSnapshot>(limit);
        var skipped = 0;
        for (var i = 0; i < byNumber.Count && page.Count < limit; i++)
        {
            var trial = byNumber[descending ? byNumber.Count - 1 - i : i].Snapshot;
            if (states is not null && !states.Contains(trial.State))
            {
                continue;
            }

            if (skipped < offset)
            {
                skipped++;
                continue;
            }

            page.Add(trial);
        }

        return page.ToImmutable();
    }

    private static ImmutableArray<TrialSnapshot> ByKey(IReadOnlyList<LedgerTrial> byNumber, HashSet<TrialState>? states, int offset, int limit, IComparer<TrialSnapshot> order)
    {
        // A max-heap (by the page's order) of the first offset + limit trials: the root is the one to drop next.
        var keep = offset + limit;
        var heap = new PriorityQueue<TrialSnapshot, TrialSnapshot>(keep + 1, Comparer<TrialSnapshot>.Create((a, b) => order.Compare(b, a)));
        foreach (var entry in byNumber)
        {
            var trial = entry.Snapshot;
            if (states is not null && !states.Contains(trial.State))
            {
                continue;
            }

            if (heap.Count < keep)
            {
                heap.Enqueue(trial, trial);
            }
            else if (order.Compare(trial, heap.Peek()) < 0)
            {
                heap.EnqueueDequeue(trial, trial);
            }
        }

        var kept = new TrialSnapshot[heap.Count];
        for (var i = kept.Length - 1; i >= 0; i--)
        {
            kept[i] = heap.Dequeue();
        }

        return [.. kept.Skip(offset).Take(limit)];
    }

    /// <summary>The page's order; ties go by number, so pages never overlap.</summary>
    private static IComparer<TrialSnapshot> Comparer(TrialPageQuery query, ObjectiveSpec? objective)
    {
        Comparison<TrialSnapshot> primary = query.Sort switch
        {
            TrialSortKey.Epoch => (a, b) => b.Epoch.CompareTo(a.Epoch),
            _ => (a, b) => CompareObjective(a, b, objective),
        };
        var sign = query.Descending ? -1 : 1;
        return Comparer<TrialSnapshot>.Create((a, b) =>
        {
            var byKey = sign * primary(a, b);
            return byKey != 0 ? byKey : a.Number.CompareTo(b.Number);
        });
    }

    /// <summary>Best objective first; trials without a finite value after every trial with one.</summary>
    private static int CompareObjective(TrialSnapshot a, TrialSnapshot b, ObjectiveSpec? objective)
    {
        if (objective is null)
        {
            return 0;
        }

        var hasA = a.Metrics.TryGetValue(objective.Metric, out var va) && double.IsFinite(va);
        var hasB = b.Metrics.TryGetValue(objective.Metric, out var vb) && double.IsFinite(vb);
        if (!hasA || !hasB)
        {
            return hasA == hasB ? 0 : hasA ? -1 : 1;
        }

        return objective.IsBetter(va, vb) ? -1 : objective.IsBetter(vb, va) ? 1 : 0;
    }
}

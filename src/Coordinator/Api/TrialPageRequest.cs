using System.Collections.Immutable;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using Microsoft.AspNetCore.Http.HttpResults;

namespace HyperTune.Coordinator.Api;

/// <summary>
/// The query of <c>GET /api/studies/{id}/trials</c>: <c>offset</c> (default 0), <c>limit</c> (1–1,000, default 1,000),
/// <c>status</c> (trial states, comma-separated, any case), <c>sort</c> (<c>number</c>, <c>objective</c> best first,
/// or <c>epoch</c> most first) and <c>order</c> (<c>asc</c> or <c>desc</c>).
/// </summary>
internal static class TrialPageRequest
{
    /// <summary>The page size when none is asked.</summary>
    public const int DefaultLimit = TrialPageQuery.MaxLimit;

    /// <summary>Reads the query; a problem naming the field when a value is bad.</summary>
    public static ProblemHttpResult? TryRead(string? offset, string? limit, string? status, string? sort, string? order, out TrialPageQuery query)
    {
        query = TrialPageQuery.First(DefaultLimit);
        var from = 0;
        if (offset is not null && (!int.TryParse(offset, out from) || from < 0))
        {
            return ApiProblems.BadField("Invalid offset", "offset", $"'{offset}' is not a whole number of 0 or more.");
        }

        var size = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, out size) || size is < 1 or > TrialPageQuery.MaxLimit))
        {
            return ApiProblems.BadField("Invalid limit", "limit", $"'{limit}' is not a whole number from 1 to {TrialPageQuery.MaxLimit}.");
        }

        var states = ImmutableArray.CreateBuilder<TrialState>();
        foreach (var name in (status ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!TrialStateFilter.TryParse(name, out var state) || state is null)
            {
                return ApiProblems.BadField("Invalid status filter", "status",
                    $"'{name}' is not a trial state; use one or more of {TrialStateFilter.ValidStates} (any case, comma-separated).");
            }

            states.Add(state.Value);
        }

        TrialSortKey key;
        switch (sort?.ToLowerInvariant())
        {
            case null or "" or "number":
                key = TrialSortKey.Number;
                break;
            case "objective":
                key = TrialSortKey.Objective;
                break;
            case "epoch":
                key = TrialSortKey.Epoch;
                break;
            default:
                return ApiProblems.BadField("Invalid sort", "sort", $"'{sort}' is not a sort order; use number, objective or epoch.");
        }

        bool descending;
        switch (order?.ToLowerInvariant())
        {
            case null or "" or "asc":
                descending = false;
                break;
            case "desc":
                descending = true;
                break;
            default:
                return ApiProblems.BadField("Invalid order", "order", $"'{order}' is not an order; use asc or desc.");
        }

        query = new TrialPageQuery(from, size, states.ToImmutable(), key, descending);
        return null;
    }
}

using System.Text;
using System.Text.Json;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Coordinator.Export;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace HyperTune.Coordinator.Api;

/// <summary><c>/api/studies/{id}/export</c>: a study as a CSV or JSON file.</summary>
internal static class ExportEndpoints
{
    /// <summary>Maps the export route under <paramref name="api"/>.</summary>
    public static RouteGroupBuilder MapExportEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/studies/{id}/export", ExportAsync).WithTags("Studies").WithName("ExportStudy")
            .WithSummary("A study as a file: one CSV row or JSON object per trial (format=csv, the default, or json).")
            .Produces<string>(StatusCodes.Status200OK, "text/csv")
            .Produces<StudyExport>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportAsync(
        string id, [FromQuery] string? format, IGrainFactory grains, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        format = string.IsNullOrEmpty(format) ? "csv" : format.ToLowerInvariant();
        if (format is not ("csv" or "json"))
        {
            return ApiProblems.BadField("Unknown export format", "format", $"'{format}' is not an export format; use csv or json.");
        }

        if (await grains.FindStudyAsync(id) is not { } study)
        {
            return ApiProblems.StudyNotFound(id);
        }

        var grain = grains.GetGrain<IStudyGrain>(id);
        var trials = await grain.GetTrialsAsync();
        var history = await grain.GetHistoryAsync();
        if (format == "csv")
        {
            var csv = StudyCsvExporter.Write(study, trials, history);
            return TypedResults.File(Encoding.UTF8.GetBytes(csv), "text/csv; charset=utf-8", $"{id}.csv");
        }

        var histories = history.Trials.ToDictionary(h => h.TrialId, StringComparer.Ordinal);
        var export = new StudyExport(study, [.. trials.Select(t => new TrialDetails(
            t, histories.TryGetValue(t.TrialId, out var h) ? h : new TrialHistory(t.TrialId, [], [], [])))]);
        return TypedResults.File(JsonSerializer.SerializeToUtf8Bytes(export, json.Value.SerializerOptions), "application/json", $"{id}.json");
    }
}

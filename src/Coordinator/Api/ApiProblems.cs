using System.Globalization;
using HyperTune.Abstractions.Studies;
using HyperTune.Abstractions.Trials;
using HyperTune.Search.Specs;

namespace HyperTune.Coordinator.Api;

/// <summary>The problem-details answers of the API (RFC 7807), so every error reads the same.</summary>
internal static class ApiProblems
{
    /// <summary>The problem extension that lists bad fields.</summary>
    public const string ErrorsKey = "errors";

    /// <summary>400 with every bad field listed under <c>errors</c>.</summary>
    public static ProblemHttpResult BadRequest(string title, string detail, IEnumerable<ApiFieldError> errors) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status400BadRequest, title: title,
            extensions: new Dictionary<string, object?> { [ErrorsKey] = errors.ToArray() });

    /// <summary>400 listing every problem of a study spec (at most about a hundred, the last one counting the rest).</summary>
    public static ProblemHttpResult InvalidSpec(IReadOnlyCollection<SpecProblem> problems)
    {
        var errors = problems.Select(p => new ApiFieldError(p.Path, p.Message)).ToArray();
        var count = errors.Length > StudySpecParser.MaxListedProblems
            ? string.Create(CultureInfo.InvariantCulture, $"more than {StudySpecParser.MaxListedProblems} problems")
            : string.Create(CultureInfo.InvariantCulture, $"{errors.Length} problem(s)");
        return BadRequest("Invalid study spec", $"The study spec has {count}: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")), errors);
    }

    /// <summary>400 about one field.</summary>
    public static ProblemHttpResult BadField(string title, string field, string message) =>
        BadRequest(title, message, [new ApiFieldError(field, message)]);

    /// <summary>404: no study has the id.</summary>
    public static ProblemHttpResult StudyNotFound(string id) => NotFound("Unknown study", $"No study has the id '{id}'.");

    /// <summary>404: no trial has the id.</summary>
    public static ProblemHttpResult TrialNotFound(string id) => NotFound("Unknown trial", $"No trial has the id '{id}'.");

    /// <summary>404: no learning-rate range test has the id.</summary>
    public static ProblemHttpResult RangeTestNotFound(string id) =>
        NotFound("Unknown range test", $"No learning-rate range test has the id '{id}'.");

    /// <summary>404 with a detail.</summary>
    public static ProblemHttpResult NotFound(string title, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: title);

    /// <summary>409: not valid in the current state, or the id is taken.</summary>
    public static ProblemHttpResult Conflict(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status409Conflict, title: "Not valid now");

    /// <summary>The answer to a refused command: 404, 409 or 400 by its kind.</summary>
    /// <param name="refused">The refusal.</param>
    /// <param name="field">The body field an <see cref="CommandError.InvalidArgument"/> refusal is about.</param>
    public static ProblemHttpResult Refused(CommandResult refused, string field = "$")
    {
        var detail = refused.Error ?? "The command was refused.";
        return refused.Kind switch
        {
            CommandError.NotFound => NotFound("Not found", detail),
            CommandError.InvalidArgument => BadField("Invalid argument", field, detail),
            _ => Conflict(detail),
        };
    }
}

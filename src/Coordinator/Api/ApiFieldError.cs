namespace HyperTune.Coordinator.Api;

/// <summary>One bad field of a 400 answer, listed under the problem's <c>errors</c>.</summary>
/// <param name="Field">The field: a JSON path of the body (<c>$.budget.max_trials</c>) or a query parameter's name.</param>
/// <param name="Message">What is wrong with it.</param>
public sealed record ApiFieldError(string Field, string Message);

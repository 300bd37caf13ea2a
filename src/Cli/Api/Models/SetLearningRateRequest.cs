namespace HyperTune.Cli.Api.Models;

/// <summary>The body of <c>POST /api/trials/{id}/set-lr</c>.</summary>
internal sealed record SetLearningRateRequest(double Value);

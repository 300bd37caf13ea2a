namespace HyperTune.Cli.Api.Models;

/// <summary>The body of <c>POST /api/trials/{id}/decay-lr</c>.</summary>
internal sealed record DecayLearningRateRequest(double Factor);

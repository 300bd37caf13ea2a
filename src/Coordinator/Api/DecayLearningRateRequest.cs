namespace HyperTune.Coordinator.Api;

/// <summary>The body of <c>POST /api/trials/{id}/decay-lr</c> (documents the OpenAPI schema; the body is read by hand).</summary>
/// <param name="Factor">Multiplies the learning rate; a positive, finite number.</param>
public sealed record DecayLearningRateRequest(double Factor);

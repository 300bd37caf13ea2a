namespace HyperTune.Coordinator.Api;

/// <summary>The body of <c>POST /api/trials/{id}/set-lr</c> (documents the OpenAPI schema; the body is read by hand).</summary>
/// <param name="Value">The new learning rate; a positive, finite number.</param>
public sealed record SetLearningRateRequest(double Value);

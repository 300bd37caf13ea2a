namespace HyperTune.Coordinator.Api;

/// <summary>
/// The body of <c>POST /api/trials/{id}/fork</c> (documents the OpenAPI schema; the body is read by hand): the epoch of
/// the source's checkpoint to start from, and beside it any hyperparameter that keeps the model's shape, by its spec
/// name — <c>{"learning_rate": 1e-4, "epoch": 7}</c>.
/// </summary>
/// <param name="Epoch">The epoch of the source's checkpoint; omitted: its latest.</param>
/// <param name="LearningRate">An example of a change: the rate the fork starts with.</param>
public sealed record ForkTrialRequest(int? Epoch, double? LearningRate);

namespace HyperTune.Coordinator.Api;

/// <summary>The answer of <c>POST /api/trials/{id}/fork</c>: the new trial and where it starts.</summary>
/// <param name="TrialId">The fork (<c>GET /api/trials/{trialId}</c> once it started).</param>
/// <param name="StudyId">The study both belong to.</param>
/// <param name="SourceTrialId">The trial it was forked from; it trains on.</param>
/// <param name="SourceEpoch">The epoch of the source's checkpoint it starts from; its first epoch is the next one.</param>
public sealed record ForkTrialResponse(string TrialId, string StudyId, string SourceTrialId, int SourceEpoch);

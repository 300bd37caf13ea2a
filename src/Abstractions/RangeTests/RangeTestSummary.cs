namespace HyperTune.Abstractions.RangeTests;

/// <summary>One learning-rate range test as lists show it: where it is and, once completed, what it proposes.</summary>
/// <param name="Id">The test's id (a study's id for a study's test).</param>
/// <param name="State">Running, completed or failed.</param>
/// <param name="StartedAt">When it started.</param>
/// <param name="EndedAt">When it ended; null while it runs.</param>
/// <param name="StudyId">The study it is the first step of; null for a test on its own.</param>
/// <param name="Dataset">The dataset kind it trained on.</param>
/// <param name="Silo">The silo it ran on.</param>
/// <param name="SuggestedLearningRate">The learning rate it suggests; null unless completed.</param>
/// <param name="SearchLow">The lower bound it proposes; null unless completed.</param>
/// <param name="SearchHigh">The upper bound it proposes; null unless completed.</param>
/// <param name="Error">Why it failed; null unless failed.</param>
[GenerateSerializer, Immutable]
public sealed record RangeTestSummary(
    [property: Id(0)] string Id,
    [property: Id(1)] RangeTestState State,
    [property: Id(2)] DateTimeOffset StartedAt,
    [property: Id(3)] DateTimeOffset? EndedAt,
    [property: Id(4)] string? StudyId,
    [property: Id(5)] string Dataset,
    [property: Id(6)] string Silo,
    [property: Id(7)] double? SuggestedLearningRate,
    [property: Id(8)] double? SearchLow,
    [property: Id(9)] double? SearchHigh,
    [property: Id(10)] string? Error)
{
    /// <summary>The summary of <paramref name="status"/>, a test of <paramref name="dataset"/>.</summary>
    public static RangeTestSummary Of(LearningRateRangeTestStatus status, string dataset)
    {
        ArgumentNullException.ThrowIfNull(status);
        return new RangeTestSummary(status.Id, status.State, status.StartedAt, status.EndedAt, status.StudyId, dataset, status.Silo,
            status.Result?.SuggestedLearningRate, status.Result?.SearchLow, status.Result?.SearchHigh, status.Error);
    }
}

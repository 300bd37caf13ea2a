namespace HyperTune.Coordinator.Dashboard.Forms;

/// <summary>One option of a searcher or scheduler as the create-study form offers it.</summary>
/// <param name="Name">Its name in the spec (snake_case), e.g. <c>grace_period</c>.</param>
/// <param name="Kind">How it is entered.</param>
/// <param name="Default">Its default as JSON (<c>3</c>, <c>true</c>, <c>[0.8,1.2]</c>); empty when it has none (it is then worked out, say from the budget).</param>
/// <param name="Hint">What it means, from the options class's documentation; null when unknown.</param>
public sealed record OptionField(string Name, OptionKind Kind, string Default, string? Hint);

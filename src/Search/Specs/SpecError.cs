namespace HyperTune.Search.Specs;

/// <summary>One problem of a study spec.</summary>
/// <param name="Path">Where it is, as a JSON path into the spec's JSON form, e.g. <c>$.search_space.learning_rate.low</c>.</param>
/// <param name="Message">What is wrong, in words a user can act on.</param>
public sealed record SpecError(string Path, string Message)
{
    /// <summary><c>path: message</c>.</summary>
    public override string ToString() => $"{Path}: {Message}";
}

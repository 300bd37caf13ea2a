namespace HyperTune.Cli.Api;

/// <summary>One bad field of a 400 answer: its JSON path and what is wrong with it.</summary>
internal sealed record ProblemField(string Field, string Message);

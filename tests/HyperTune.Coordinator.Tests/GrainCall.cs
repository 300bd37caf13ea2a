namespace HyperTune.Coordinator.Tests;

/// <summary>One call the test silos served: the method, the grain's key and the arguments.</summary>
internal sealed record GrainCall(string Method, string Key, object?[] Arguments);

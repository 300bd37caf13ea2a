namespace HyperTune.Search.Schedulers;

/// <summary>Options of the <c>none</c> scheduler: it takes none.</summary>
public sealed class NoSchedulerOptions
{
}

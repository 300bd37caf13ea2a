using HyperTune.Abstractions.Cluster;

namespace HyperTune.Coordinator.Tests;

/// <summary>Completes once every silo of the test cluster has registered its training slots with the slot directory.</summary>
internal sealed class SlotRegistrationSignal(int silos)
{
    private readonly HashSet<string> _registered = [];
    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Registered => _done.Task;

    /// <summary>An incoming grain call filter for the silos that watches <see cref="ISlotDirectoryGrain.RegisterSiloAsync"/>.</summary>
    public async Task OnIncomingCallAsync(IIncomingGrainCallContext context)
    {
        await context.Invoke();
        if (context.InterfaceMethod?.Name == nameof(ISlotDirectoryGrain.RegisterSiloAsync) && context.Request.GetArgument(1) is string name)
        {
            lock (_registered)
            {
                if (_registered.Add(name) && _registered.Count >= silos)
                {
                    _done.TrySetResult();
                }
            }
        }
    }
}

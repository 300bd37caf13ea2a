using HyperTune.Abstractions.Cluster;
using HyperTune.Abstractions.Studies;

namespace HyperTune.Coordinator.Tests;

/// <summary>
/// An incoming grain call filter of the test silos that records the calls tests wait for (slot registrations,
/// subscriptions), so a test awaits a call instead of sleeping.
/// </summary>
internal sealed class GrainCallWatcher
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    private static readonly HashSet<string> Watched =
    [
        nameof(ISlotDirectoryGrain.RegisterSiloAsync), nameof(IStudyGrain.SubscribeAsync), nameof(IStudyGrain.UnsubscribeAsync),
    ];

    private readonly List<GrainCall> _calls = [];
    private readonly List<(Func<IReadOnlyList<GrainCall>, bool> Condition, TaskCompletionSource Done)> _waiters = [];

    public async Task OnIncomingCallAsync(IIncomingGrainCallContext context)
    {
        await context.Invoke();
        if (context.InterfaceMethod is not { } method || !Watched.Contains(method.Name))
        {
            return;
        }

        var arguments = new object?[context.Request.GetArgumentCount()];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = context.Request.GetArgument(i);
        }

        lock (_calls)
        {
            _calls.Add(new GrainCall(method.Name, context.TargetId.Key.ToString(), arguments));
            foreach (var waiter in _waiters.Where(w => w.Condition(_calls)).ToArray())
            {
                waiter.Done.TrySetResult();
                _waiters.Remove(waiter);
            }
        }
    }

    /// <summary>Completes once the calls so far satisfy <paramref name="condition"/>; fails after a minute.</summary>
    public Task WaitUntilAsync(Func<IReadOnlyList<GrainCall>, bool> condition)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_calls)
        {
            if (condition(_calls))
            {
                return Task.CompletedTask;
            }

            _waiters.Add((condition, done));
        }

        return done.Task.WaitAsync(Timeout);
    }

    /// <summary>Calls of <paramref name="method"/> to the grain keyed <paramref name="key"/>.</summary>
    public static int Count(IReadOnlyList<GrainCall> calls, string method, string key) => calls.Count(c => c.Method == method && c.Key == key);
}

using HyperTune.Training.Control;

namespace HyperTune.Training.Tests.Control;

public sealed class TrainingControlTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(1);

    [Fact]
    public async Task WaitWhilePausedAsync_NotPaused_CompletesAtOnce()
    {
        using var control = new TrainingControl();

        await control.WaitWhilePausedAsync(CancellationToken.None).WaitAsync(Timeout);
    }

    [Fact]
    public async Task WaitWhilePausedAsync_Paused_CompletesOnResumeOnly()
    {
        using var control = new TrainingControl();
        control.Pause();

        var waiting = control.WaitWhilePausedAsync(CancellationToken.None);
        control.DecayLearningRate(0.5);
        control.Pause();
        Assert.False(waiting.IsCompleted);
        control.Resume();

        await waiting.WaitAsync(Timeout);
    }

    [Fact]
    public async Task WaitWhilePausedAsync_PausedThenStopped_Completes()
    {
        using var control = new TrainingControl();
        control.Pause();

        var waiting = control.WaitWhilePausedAsync(CancellationToken.None);
        control.Stop();

        await waiting.WaitAsync(Timeout);
        Assert.True(control.IsStopRequested);
    }

    [Fact]
    public async Task WaitWhilePausedAsync_Cancelled_Throws()
    {
        using var control = new TrainingControl();
        using var cancellation = new CancellationTokenSource();
        control.Pause();

        var waiting = control.WaitWhilePausedAsync(cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Timeout));
    }

    [Fact]
    public async Task NextChange_TakenBeforeAPause_CompletesOnThePause()
    {
        using var control = new TrainingControl();
        var change = control.NextChange;
        Assert.False(change.IsCompleted);

        control.Pause();

        await change.WaitAsync(Timeout);
        Assert.False(control.NextChange.IsCompleted);
    }
}

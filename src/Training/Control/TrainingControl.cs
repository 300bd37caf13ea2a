using System.Collections.Concurrent;

namespace HyperTune.Training.Control;

/// <summary>
/// The thread-safe remote control of one training run: any thread may queue learning-rate commands, pause, resume or
/// stop; the training thread reads them between optimizer steps (a run that waits on timers instead of computing awaits
/// <see cref="WaitWhilePausedAsync"/> and <see cref="NextChange"/>).
/// </summary>
public sealed class TrainingControl : IDisposable
{
    private readonly ConcurrentQueue<LearningRateCommand> _commands = new();
    private readonly ManualResetEventSlim _notPaused = new(initialState: true);
    private readonly CancellationTokenSource _stop = new();
    private volatile bool _stopRequested;
    private volatile bool _pauseRequested;
    private int _pendingCommands;
    private readonly Lock _gate = new();
    private TaskCompletionSource _change = NewChange();

    /// <summary>True once <see cref="Stop"/> was called.</summary>
    public bool IsStopRequested => _stopRequested;

    /// <summary>True between <see cref="Pause"/> and <see cref="Resume"/>.</summary>
    public bool IsPauseRequested => _pauseRequested;

    /// <summary>True when commands wait for the next step (a cheap check for the training loop).</summary>
    internal bool HasPendingCommands => Volatile.Read(ref _pendingCommands) > 0;

    /// <summary>Queues a learning-rate command for the next optimizer step.</summary>
    public void Send(LearningRateCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        _commands.Enqueue(command);
        Interlocked.Increment(ref _pendingCommands);
    }

    /// <summary>Multiplies the learning rate by <paramref name="factor"/> from the next step on.</summary>
    public void DecayLearningRate(double factor, LearningRateChangeSource source = LearningRateChangeSource.User) =>
        Send(LearningRateCommand.Decay(factor, source));

    /// <summary>Sets the learning rate to <paramref name="value"/> from the next step on.</summary>
    public void SetLearningRate(double value, LearningRateChangeSource source = LearningRateChangeSource.User) =>
        Send(LearningRateCommand.Set(value, source));

    /// <summary>Asks the run to wait before its next step until <see cref="Resume"/> or <see cref="Stop"/>.</summary>
    public void Pause()
    {
        _pauseRequested = true;
        _notPaused.Reset();
        SignalChange();
    }

    /// <summary>Lets a paused run continue.</summary>
    public void Resume()
    {
        _pauseRequested = false;
        _notPaused.Set();
        SignalChange();
    }

    /// <summary>Asks the run to end before its next step, with status Stopped. A paused run wakes up to stop.</summary>
    public void Stop()
    {
        _stopRequested = true;
        _notPaused.Set();
        _stop.Cancel();
        SignalChange();
    }

    /// <summary>Cancelled by <see cref="Stop"/>: wakes a run that waits for something before it starts (a training slot).</summary>
    public CancellationToken StopToken => _stop.Token;

    /// <summary>Takes the next queued command, if any.</summary>
    internal bool TryTakeCommand(out LearningRateCommand command)
    {
        if (_commands.TryDequeue(out command!))
        {
            Interlocked.Decrement(ref _pendingCommands);
            return true;
        }

        return false;
    }

    /// <summary>Blocks the training thread while paused; returns when resumed, stopped or cancelled.</summary>
    internal void WaitWhilePaused(CancellationToken cancellationToken)
    {
        while (_pauseRequested && !_stopRequested)
        {
            _notPaused.Wait(cancellationToken);
        }
    }

    /// <summary>
    /// Completes at the next <see cref="Pause"/>, <see cref="Resume"/> or <see cref="Stop"/>. Take it before looking at
    /// <see cref="IsPauseRequested"/> or <see cref="IsStopRequested"/>, and no change is missed.
    /// </summary>
    internal Task NextChange
    {
        get
        {
            lock (_gate)
            {
                return _change.Task;
            }
        }
    }

    /// <summary>Waits without blocking a thread while paused; returns when resumed or stopped, throws when cancelled.</summary>
    internal async Task WaitWhilePausedAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var change = NextChange;
            if (!_pauseRequested || _stopRequested)
            {
                return;
            }

            await change.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _notPaused.Dispose();

    private void SignalChange()
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            changed = _change;
            _change = NewChange();
        }

        changed.TrySetResult();
    }

    private static TaskCompletionSource NewChange() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
